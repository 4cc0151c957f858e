import { type Claimed, unclaimed, unique } from './spans';

const MARKETPLACE = /\b\d{3}-\d{7}-\d{7}\b/g;
const HASHED = /#\s?([A-Z]{0,4}-?\d{3,12})\b/gi;
const AFTER_WORD = /\b(?:order|ordr|oder|purchase|confirmation)(?:\s+(?:no\.?|num(?:ber)?|nr\.?|id|ref(?:erence)?|is|was|was number|number is))?\s*[:#]?\s*#?\s*([A-Z]{0,4}-?\d{3,12})\b/gi;
// "cancel 1042", "track 58812": a verb about an order, then a 4+ digit number.
const AFTER_VERB = /\b(?:cancel|track|return|refund|ship|where(?:'s| is))\s+#?(\d{4,10})\b(?!\s*(?:usd|dollars?|euros?|items?|days?|%))/gi;
const PREFIXED = /\b((?:ORD|SO|PO|WO|INV|W|R|SH)-?\d{4,10})\b/g;
const ALONE = /^\s*(?:#|no\.?\s*)?(\d{3,10})\s*[.!?]*\s*$/;
// In a reply to "what's your order number?": a number on its own in a sentence ("it's 1003"), not part
// of a longer figure, a decimal, a price or a quantity.
const STANDALONE = /(?<![\w.,$€£/+-]|\d\s)#?(\d{3,8})(?![\w-]|[.,]\d|\s+\d|\s*(?:usd|eur|dollars?|euros?|items?|pcs|days?|%))/gi;
const NAMED_OTHERWISE = /\b(?:zip|postal|post ?code|postcode|phone|call|text)\b[^.,;!?]*$/i;
const YEAR = /^(19|20)\d{2}$/;

/**
 * Order numbers as written, without a leading '#': "#1042", "order 1042", "W2378156", "112-4567890-1234567".
 * `expected`: the agent has just asked for one, so a number standing alone in a sentence is one.
 */
export function extractOrderNumbers(text: string, claimed: Claimed, expected = false): string[] {
  const found: string[] = [];
  for (const m of unclaimed(text, MARKETPLACE, claimed)) found.push(m[0]);
  for (const m of unclaimed(text, HASHED, claimed, 1)) found.push(m[1]!.toUpperCase());
  for (const m of unclaimed(text, AFTER_WORD, claimed, 1)) {
    if (!YEAR.test(m[1]!) || /#/.test(m[0])) found.push(m[1]!.toUpperCase());
  }
  for (const m of unclaimed(text, AFTER_VERB, claimed, 1)) if (!YEAR.test(m[1]!)) found.push(m[1]!);
  for (const m of unclaimed(text, PREFIXED, claimed, 1)) found.push(m[1]!);
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
