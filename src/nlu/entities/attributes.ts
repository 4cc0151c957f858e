import { type Claimed, unclaimed, unique } from './spans';

const COLORS = ['navy blue', 'royal blue', 'black', 'white', 'grey', 'gray', 'red', 'blue', 'navy', 'green', 'olive', 'khaki', 'yellow', 'orange', 'pink', 'purple', 'brown', 'beige', 'tan', 'cream', 'ivory', 'gold', 'silver', 'charcoal', 'burgundy', 'maroon', 'teal', 'turquoise', 'coral', 'mint', 'lavender', 'rust', 'sand', 'camel', 'denim', 'indigo', 'forest green', 'sky blue', 'light blue', 'dark blue', 'dark green', 'off white', 'off-white'];
const COLOR = new RegExp(`\\b(${COLORS.sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');
const SIZE_WORDS = /\b(?:size|sz)\s*(xxs|xs|s|m|l|xl|xxl|xxxl|2xl|3xl|small|medium|large|x-large|extra large|\d{1,2}(?:\.5)?)\b/gi;
const SIZE_LETTERS = /\b(XXS|XS|XXL|XXXL|2XL|3XL|XL)\b|\bin (?:an? )?(S|M|L)\b(?!\w)/g;
const SIZE_NAMED = /\b(extra small|extra large|x-large|small|medium|large)\b(?=\s*(?:size|one|instead|please|\?|$|\.|,))/gi;
const SIZE_REGIONAL = /\b((?:US|UK|EU)\s?\d{1,2}(?:\.5)?)\b/g;
const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', another: '1' };
const QUANTITY = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|another)\s+(?:more\s+)?(?:x\s+)?(?=[a-z]{3,})(?!(?:days?|weeks?|months?|years?|hours?|minutes?|times?|am|pm|dollars?|bucks|euros?|pounds?|usd|eur|gbp|percent|st|nd|rd|th|for|of|and|the|that|this|with|from|was|are|you|instead|please|pls|but|then|too|which|who)\b)/gi;
const TIMES = /\b(?:x\s?(\d{1,3})|(\d{1,3})\s?x)\b/gi;

const canonicalSize = (s: string) => s.toUpperCase().replace('SMALL', 'S').replace('MEDIUM', 'M').replace('X-LARGE', 'XL').replace('EXTRA LARGE', 'XL').replace('EXTRA SMALL', 'XS').replace('LARGE', 'L');

/** Colours as named. */
export const extractColors = (text: string, claimed: Claimed) => unique([...unclaimed(text, COLOR, claimed)].map((m) => m[0].toLowerCase()));

/** Sizes: "size M", "XL", "in a large", "US 10". */
export function extractSizes(text: string, claimed: Claimed): string[] {
  const found = [...unclaimed(text, SIZE_WORDS, claimed, 1)].map((m) => canonicalSize(m[1]!));
  found.push(...[...unclaimed(text, SIZE_LETTERS, claimed)].map((m) => canonicalSize(m[1] ?? m[2]!)));
  found.push(...[...unclaimed(text, SIZE_NAMED, claimed)].map((m) => canonicalSize(m[1]!)));
  found.push(...[...unclaimed(text, SIZE_REGIONAL, claimed)].map((m) => m[1]!.toUpperCase().replace(/\s/, ' ')));
  return unique(found);
}

/** Quantities of things: "2 mugs", "another mug", "x3". Not days, prices or times. */
export function extractQuantities(text: string, claimed: Claimed): string[] {
  const found = [...unclaimed(text, QUANTITY, claimed, 1)].map((m) => NUMBER_WORDS[m[1]!.toLowerCase()] ?? m[1]!);
  found.push(...[...unclaimed(text, TIMES, claimed)].map((m) => m[1] ?? m[2]!));
  return unique(found.filter((q) => Number(q) > 0 && Number(q) < 1000));
}
