/**
 * An order named by when it was placed: "my last order", "the one from yesterday", "the order I
 * placed last week", "what i bought on monday" (docs/adr/0039). Read only where the date is tied
 * to placing the order (placed, ordered, bought, from, of), never a delivery date ("it was
 * delivered yesterday"). Days are UTC calendar days, as replies print them.
 */
export type OrderDate = { kind: 'latest' } | { kind: 'placed'; from: Date; to: Date; said: string };

const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const COUNTS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, 'a couple of': 2, 'a couple': 2, couple: 2 };

const LATEST = /\b(my|the)\s+(very\s+)?(last|latest|most recent|newest|recent|last ever)\s+(order|purchase|package|parcel|delivery|shipment)\b|\bthe (last|latest) (one|thing|order) i (placed|made|ordered|bought|purchased|got)\b|\b(last|latest|most recent) order\b/;
const WEEKDAY = '(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?';
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = `(today|this morning|tonight|yesterday|the day before yesterday|last night|last week|this week|(?:a few|a couple(?: of)?|couple|\\d{1,2}|two|three|four|five|six|seven) days ago|(?:a|one|two|\\d) weeks? ago|(?:on |last |this past )?${WEEKDAY}|(?:on )?${MONTH} \\d{1,2}(?:st|nd|rd|th)?|(?:on )?(?:the )?\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH})`;
// The date said right after placing (a few words may come between: "ordered the boots on monday"), or before "'s order".
const PLACED = new RegExp(`\\b(?:placed|made|put in|ordered|bought|purchased|got|from|of)\\b(?:\\s+(?!(?:and|but|it was|was|arrived|came|delivered)\\b)[\\w']+){0,4}?\\s+${DATE}\\b|\\b${DATE}'?s (?:order|purchase)\\b`);

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export function readOrderDate(text: string, now: Date): OrderDate | null {
  const lower = text.toLowerCase().replace(/[’`]/g, "'");
  const placed = PLACED.exec(lower);
  if (placed) {
    const said = (placed[1] ?? placed[2])!.trim();
    const range = rangeOf(said, now);
    if (range) return { kind: 'placed', ...range, said };
  }
  if (LATEST.test(lower)) return { kind: 'latest' };
  return null;
}

function rangeOf(said: string, now: Date): { from: Date; to: Date } | null {
  const today = startOfDay(now);
  const days = (n: number) => new Date(today.getTime() - n * DAY);
  const end = new Date(now.getTime() + 1);
  if (/^(today|this morning|tonight)$/.test(said)) return { from: today, to: end };
  if (/^(yesterday|last night)$/.test(said)) return { from: days(1), to: today };
  if (said === 'the day before yesterday') return { from: days(2), to: days(1) };
  const monday = days((today.getUTCDay() + 6) % 7);
  if (said === 'this week') return { from: monday, to: end };
  if (said === 'last week') return { from: new Date(monday.getTime() - 7 * DAY), to: monday };
  let m = /^(a few|a couple(?: of)?|couple|\d{1,2}|two|three|four|five|six|seven) days ago$/.exec(said);
  if (m) {
    if (m[1] === 'a few') return { from: days(5), to: days(2) };
    const n = COUNTS[m[1]!] ?? Number(m[1]);
    return m[1]!.includes('couple') ? { from: days(3), to: days(1) } : { from: days(n), to: days(n - 1) };
  }
  m = /^(a|one|two|\d) weeks? ago$/.exec(said);
  if (m) {
    const n = COUNTS[m[1]!] ?? Number(m[1]);
    return { from: days(7 * n + 3), to: days(7 * n - 3) };
  }
  m = /^(?:on |last |this past )?([a-z]+)$/.exec(said);
  if (m) {
    const index = WEEKDAYS.findIndex((w) => m![1]!.startsWith(w.slice(0, 3)));
    if (index < 0) return null;
    const back = (today.getUTCDay() - index + 7) % 7 || 7;
    return { from: days(back), to: days(back - 1) };
  }
  m = /^(?:on )?([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?$/.exec(said) ?? /^(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?$/.exec(said);
  if (m) {
    const [monthWord, dayNumber] = /^\d/.test(m[1]!) ? [m[2]!, Number(m[1])] : [m[1]!, Number(m[2])];
    const month = MONTHS.findIndex((name) => monthWord.startsWith(name));
    if (month < 0 || dayNumber < 1 || dayNumber > 31) return null;
    let date = new Date(Date.UTC(now.getUTCFullYear(), month, dayNumber));
    if (date.getTime() > now.getTime()) date = new Date(Date.UTC(now.getUTCFullYear() - 1, month, dayNumber));
    return { from: date, to: new Date(date.getTime() + DAY) };
  }
  return null;
}

/** The shopper's orders that fit what they said: the latest one, or those placed in the range (newest first). */
export function ordersPlacedAt<T extends { createdAt: Date }>(orders: T[], when: OrderDate): T[] {
  const newest = [...orders].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (when.kind === 'latest') return newest.slice(0, 1);
  return newest.filter((o) => o.createdAt.getTime() >= when.from.getTime() && o.createdAt.getTime() < when.to.getTime());
}
