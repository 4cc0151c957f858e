const LETTER: Record<string, string> = {
  xxs: 'XXS', xs: 'XS', 'extra small': 'XS', s: 'S', small: 'S', m: 'M', medium: 'M', med: 'M', l: 'L', large: 'L', xl: 'XL', 'extra large': 'XL', xxl: 'XXL', '2xl': 'XXL',
};
const LETTER_WORDS = 'xxs|xs|extra small|small|medium|med|large|extra large|xxl|2xl|xl|s|m|l';
const NUMBER = String.raw`(?:(eu|us|uk)\s?)?(\d{1,2}(?:\.5| ?1\/2| and a half)?)(?!\s*(?:days?|weeks?|%|dollars|usd|pairs?|items?))(?![\d.])`;

// Where a size is asked for: "size 9", "a 10", "for a 10.5", "in an M", "to a large", "EU 42".
const SIZE_AFTER = new RegExp(String.raw`\b(?:size|sz)\s*(?:${NUMBER}|(${LETTER_WORDS})\b)`, 'gi');
const SIZE_OBJECT = new RegExp(String.raw`\b(?:for|to|into|in|get|want|need|with)\s+(?:an?|the)\s+(?:${NUMBER}|(${LETTER_WORDS})\b)(?!\s*(?:one|pack|set|bag|tent))`, 'gi');
const SIZE_STEP = new RegExp(String.raw`\b(?:up|down) to\s+(?:an?\s+)?(?:${NUMBER}|(${LETTER_WORDS})\b)`, 'gi');
const REGION = /\b(eu|us|uk)\s?(\d{1,2}(?:\.5)?)(?![\d.])/gi;

const normalNumber = (n: string) => n.replace(/ ?1\/2| and a half/, '.5');

/**
 * The sizes a message asks for, as the shop would write them ("10", "9.5", "EU 42", "M"). A size
 * word that describes the fit ("they run small", "too large") is not one asked for (docs/adr/0032).
 * Whether the product comes in that size is the store's to say, not this reader's.
 */
export function readSizesWanted(text: string): string[] {
  const found: string[] = [];
  const add = (size: string) => {
    if (!found.includes(size)) found.push(size);
  };
  for (const pattern of [SIZE_AFTER, SIZE_OBJECT, SIZE_STEP]) {
    for (const m of text.matchAll(pattern)) {
      if (m[2]) add(m[1] ? `${m[1].toUpperCase()} ${normalNumber(m[2])}` : normalNumber(m[2]));
      else if (m[3]) add(LETTER[m[3].toLowerCase()]!);
    }
  }
  for (const m of text.matchAll(REGION)) add(`${m[1]!.toUpperCase()} ${m[2]}`);
  // A half size on its own ("9.5 please") is a size too.
  for (const m of text.matchAll(/(?<![\d$£€.])(\d{1,2}\.5)(?![\d.%])/g)) if (!found.some((f) => f.endsWith(m[1]!))) add(m[1]!);
  return found;
}

/** Whether a size the shopper asked for is one the product offers ("M" and "Medium" alike; "US 10" is "10"). */
export function sizeOffered(wanted: string, offered: string[]): string | undefined {
  const plain = wanted.replace(/^US /, '');
  return offered.find((o) => {
    const option = o.trim();
    return option.toLowerCase() === plain.toLowerCase() || LETTER[option.toLowerCase()] === plain;
  });
}

const BARE_ANSWER = new RegExp(String.raw`^\s*(?:ok(?:ay)?,?\s+)?(?:(?:an?|size|sz|the)\s+)?(?:${NUMBER}|(${LETTER_WORDS}))\s*(?:one|size)?\s*(?:please|pls|plz|then|thanks|thx|instead)?[\s.!]*$`, 'i');

/**
 * A message that is only a size ("medium please", "a 10", "L", "9.5 then"), as the answer to an
 * exchange that is in progress; anything longer is read by `readSizesWanted`.
 */
export function readSizeAnswer(text: string): string | undefined {
  const m = BARE_ANSWER.exec(text);
  if (!m) return undefined;
  if (m[2]) return m[1] ? `${m[1].toUpperCase()} ${normalNumber(m[2])}` : normalNumber(m[2]);
  return m[3] ? LETTER[m[3].toLowerCase()] : undefined;
}
