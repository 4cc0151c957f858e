import { type Claimed, unclaimed, unique } from './spans';

const MARKETPLACE = /\b\d{3}-\d{7}-\d{7}\b/g;
const HASHED = /#\s?([A-Z]{0,4}-?\d{3,20})\b/gi;
const AFTER_WORD = /\b(?:order|ordr|oder|purchase|confirmation)(?:\s+(?:no\.?|num(?:ber)?|nr\.?|id|ref(?:erence)?|is|was|was number|number is))?\s*[:#]?\s*#?\s*([A-Z]{0,4}-?\d{3,20})\b/gi;
// "cancel 1042", "track 58812": a verb about an order, then a 4+ digit number.
const AFTER_VERB = /\b(?:cancel|track|return|refund|ship|where(?:'s| is))\s+#?(\d{4,10})\b(?!\s*(?:usd|dollars?|euros?|items?|days?|%))/gi;
const PREFIXED = /\b((?:ORD|SO|PO|WO|INV|W|R|SH)-?\d{4,10})\b/g;
const ALONE = /^\s*(?:#|no\.?\s*)?(\d{3,10})\s*[.!?]*\s*$/;
// In a reply to "what's your order number?": a number on its own in a sentence ("it's 1003"), not part
// of a longer figure, a decimal, a price or a quantity.
const STANDALONE = /(?<![\w.,$€£/+-]|\d\s)#?(\d{3,8})(?![\w-]|[.,]\d|\s+\d|\s*(?:usd|eur|dollars?|euros?|items?|pcs|days?|%))/gi;
const NAMED_OTHERWISE = /\b(?:zip|postal|post ?code|postcode|phone|call|text)\b[^.,;!?]*$/i;
// Numbers that name something else: the word right before says so ("invoice #85632", "ticket 4411").
const OTHER_DOCUMENT = /\b(?:invoice|inv|bill|billing|receipt|ticket|case|tracking|track(?:ing)? (?:no|number)|account|acct|card|zip|postal|post ?code|postcode|phone|mobile|tel|cell|sku|model|part|item|apt|apartment|suite|unit|ext|extension|room|flight|pin|code|coupon|voucher|total|price|cost|paid|charged|amount|rma|error|customer|member(?:ship)?|loyalty|serial|imei|batch|lot|version|ending(?: in)?|digits|spent|weighs?|gift card|return label)\s*(?:no\.?|num(?:ber)?|nr\.?|id|is|was|of|:|#)?\s*[:#]?\s*$/i;
// "at 1030", "open 0900 to 1700": a time of day, not an order.
const CLOCK_TIME = /(?:\b(?:at|until|till|by|before|after|around|open|opens|close|closes)|\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:to|-|until|till))\s*$/i;
const HHMM = /^(?:[01]\d|2[0-3])[0-5]\d$/;
// "1500 followers", "1200 grams", "3000 orders": a count of something, not an order's number.
const COUNTED = /^\s+(?:grams?|g|kg|kilos?|lbs?|pounds|ml|l|litres?|liters?|mah|mm|cm|km|miles?|meters?|metres?|feet|ft|times|pieces?|people|persons|followers|subscribers|customers|orders|reviews|likes|views|calls|e-?mails|messages|points|stars|words|characters|steps|calories|units|copies|pages|stickers|labels|photos|bottles|boxes|packs|pairs|rolls|sheets|bags)\b/i;
// The rest of a list whose first number was named: "model 4410 or 4420".
const LIST_BEFORE = /(?:#?\d{3,20}\s*(?:,|\bor\b|\band\b|&|\/)\s*)+$/i;
// A bare number in a sentence that may be an order's without saying "order": "its 1023", "from 1002",
// "has 1046 shipped". Only a candidate: the agent keeps it when the store has an order of that number.
const IN_CONTEXT = /(?<![\w.,$€£/+-]|\d[.,]?)#?(\d{3,20})(?![\w-]|[.,]\d|\s*(?:usd|eur|dollars?|euros?|bucks|items?|pcs|days?|weeks?|hours?|%|am|pm|st|nd|rd|th)\b)/gi;
const YEAR = /^(19|20)\d{2}$/;

/**
 * Order numbers as written, without a leading '#': "#1042", "order 1042", "W2378156", "112-4567890-1234567".
 * `expected`: the agent has just asked for one, so a number standing alone in a sentence is one.
 */
export function extractOrderNumbers(text: string, claimed: Claimed, expected = false): string[] {
  const found: string[] = [];
  for (const m of unclaimed(text, MARKETPLACE, claimed)) found.push(m[0]);
  for (const m of unclaimed(text, HASHED, claimed, 1)) if (!OTHER_DOCUMENT.test(text.slice(0, m.index))) found.push(m[1]!.toUpperCase());
  for (const m of unclaimed(text, AFTER_WORD, claimed, 1)) {
    if (!YEAR.test(m[1]!) || /#/.test(m[0])) found.push(m[1]!.toUpperCase());
  }
  for (const m of unclaimed(text, AFTER_VERB, claimed, 1)) if (!YEAR.test(m[1]!)) found.push(m[1]!);
  for (const m of unclaimed(text, PREFIXED, claimed, 1)) if (!m[1]!.toUpperCase().startsWith('INV')) found.push(m[1]!);
  // A message that is only a number answers "what's your order number?".
  const alone = ALONE.exec(text);
  if (alone && !YEAR.test(alone[1]!) && !claimed.overlaps(0, text.length)) found.push(alone[1]!);
  if (expected && found.length === 0) {
    for (const m of unclaimed(text, STANDALONE, claimed, 1)) {
      if (!YEAR.test(m[1]!) && !NAMED_OTHERWISE.test(text.slice(0, m.index))) {
        found.push(m[1]!);
        break;
      }
    }
  }
  return unique(found);
}

/**
 * Bare numbers that point at an order by their context ("its 1023", "the beanie from 1002"), and
 * are not named as anything else (invoice, ticket, zip, phone, amount, year). Candidates only: the
 * store's own orders decide (the agent keeps one when an order of that number exists).
 */
export function extractOrderCandidates(text: string, claimed: Claimed, taken: string[]): string[] {
  const found: string[] = [];
  const regex = new RegExp(IN_CONTEXT.source, IN_CONTEXT.flags);
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const number = m[1]!;
    const start = m.index + m[0].lastIndexOf(number);
    if (claimed.overlaps(start, start + number.length) || YEAR.test(number) || taken.includes(number)) continue;
    const before = text.slice(0, start);
    const named = before.replace(/#$/, '').replace(LIST_BEFORE, '');
    if (OTHER_DOCUMENT.test(named.replace(/\b(?:it'?s|it is|its|is|from|on|for|in|of|with|about|re)\s*#?$/i, '')) || OTHER_DOCUMENT.test(named) || NAMED_OTHERWISE.test(before)) continue;
    if ((HHMM.test(number) && CLOCK_TIME.test(named)) || COUNTED.test(text.slice(start + number.length))) continue;
    if (/^\s+(?:[A-Z][a-z]+\s+)+(?:st|street|ave|avenue|rd|road|blvd|lane|ln|dr|drive|way|ct|court)\b/i.test(text.slice(start + number.length))) continue;
    found.push(number);
  }
  return unique(found);
}
