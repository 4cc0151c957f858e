import { type Claimed, unclaimed, unique } from './spans';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));

/** A date without a year is the most recent one not after the reference (shoppers talk about the past). */
function pastOrThisYear(month: number, day: number, reference: Date): Date {
  const candidate = new Date(Date.UTC(reference.getUTCFullYear(), month, day));
  if (candidate.getTime() > utcDay(reference).getTime() + 7 * DAY_MS) candidate.setUTCFullYear(candidate.getUTCFullYear() - 1);
  return candidate;
}

type Rule = [RegExp, (m: RegExpExecArray, ref: Date) => Date | undefined];

const RULES: Rule[] = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))],
  [new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'gi'), (m, ref) => (m[3] ? new Date(Date.UTC(+m[3], monthIndex(m[1]!), +m[2]!)) : pastOrThisYear(monthIndex(m[1]!), +m[2]!, ref))],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'gi'), (m, ref) => (m[3] ? new Date(Date.UTC(+m[3], monthIndex(m[2]!), +m[1]!)) : pastOrThisYear(monthIndex(m[2]!), +m[1]!, ref))],
  [/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/g, (m, ref) => {
    const year = m[3] ? (m[3].length === 2 ? 2000 + +m[3] : +m[3]) : undefined;
    if (+m[1]! > 12 || +m[2]! > 31) return undefined;
    return year ? new Date(Date.UTC(year, +m[1]! - 1, +m[2]!)) : pastOrThisYear(+m[1]! - 1, +m[2]!, ref);
  }],
  [/\b(today|tonight|this morning)\b/gi, (_m, ref) => utcDay(ref)],
  [/\b(yesterday)\b/gi, (_m, ref) => new Date(utcDay(ref).getTime() - DAY_MS)],
  [/\b(tomorrow)\b/gi, (_m, ref) => new Date(utcDay(ref).getTime() + DAY_MS)],
  [/\b(\d{1,2}|a|one|two|three|four|five|six|seven)\s+(day|week)s?\s+ago\b/gi, (m, ref) => {
    const n = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 }[m[1]!.toLowerCase() as 'a'] ?? Number(m[1]);
    return new Date(utcDay(ref).getTime() - n * (m[2]!.toLowerCase() === 'week' ? 7 : 1) * DAY_MS);
  }],
  [/\b(last|this past|next|this)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi, (m, ref) => {
    const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
    const today = utcDay(ref);
    const current = today.getUTCDay();
    const which = m[1]!.toLowerCase();
    if (which === 'next') return new Date(today.getTime() + (((target - current + 7) % 7) || 7) * DAY_MS);
    if (which === 'this') return new Date(today.getTime() + ((target - current + 7) % 7) * DAY_MS);
    return new Date(today.getTime() - (((current - target + 7) % 7) || 7) * DAY_MS);
  }],
  [/\bon\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi, (m, ref) => {
    const today = utcDay(ref);
    const back = (today.getUTCDay() - WEEKDAYS.indexOf(m[1]!.toLowerCase()) + 7) % 7 || 7;
    return new Date(today.getTime() - back * DAY_MS);
  }],
  [/\bon the (\d{1,2})(?:st|nd|rd|th)\b/gi, (m, ref) => {
    const day = +m[1]!;
    const date = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), day));
    if (date > ref) date.setUTCMonth(date.getUTCMonth() - 1);
    return date;
  }],
];

/** Dates as ISO 8601 days, relative ones ("last Tuesday", "3 days ago") resolved against the reference date. */
export function extractDates(text: string, claimed: Claimed, reference: Date): string[] {
  const found: string[] = [];
  for (const [pattern, resolve] of RULES) {
    for (const m of unclaimed(text, pattern, claimed)) {
      const date = resolve(m, reference);
      if (date && !Number.isNaN(date.getTime())) found.push(iso(date));
    }
  }
  return unique(found);
}
