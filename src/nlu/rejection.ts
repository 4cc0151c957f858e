/**
 * Alternatives a shopper turns down: "instead of a refund, send a new one", "I don't want to
 * exchange, I want my money back", "refund? no thanks". A bag of words sees both REFUND and
 * EXCHANGE in these; marking the turned-down words lets the model tell which one is asked for
 * (negation scope, as sentiment classifiers mark words after "not").
 */
const TRIGGER =
  /\b(?:instead of|rather than|other than|as opposed to|in place of|no need to|(?:i'm|i am|we're|we are) not|(?:do not|don't|dont|doesn't|does not|didn't|did not|never|no longer|not) (?:want|need|wanted|needed|asking for|asked for|looking for|interested in|after))\b/g;
/** "refund? no thanks": the word before a refusal. */
const REFUSED_WORD = /\b([a-z]+)\s*[?,.]\s*(?:no thanks?|no thank you|nope|nah)\b/g;
/** A scope ends at punctuation, at the next request ("can", "i want", "just", "but") or after a few words. */
const SCOPE_END = new Set(['i', "i'd", "i'm", 'but', 'just', 'can', 'could', 'please', 'pls', 'so', 'you', 'we', 'send', 'give', 'want']);
const MAX_SCOPE_WORDS = 5;
const WORD = /[a-z0-9\u00c0-\u024f]+(?:'[a-z]+)?|[.,;:!?]/gu;

/** Character ranges of normalised text whose words are turned down. */
export function rejectedRanges(normalized: string): [start: number, end: number][] {
  const ranges: [number, number][] = [];
  for (const trigger of normalized.matchAll(TRIGGER)) {
    const from = trigger.index + trigger[0].length;
    let start = -1;
    let end = from;
    let count = 0;
    for (const word of normalized.slice(from).matchAll(WORD)) {
      if (/^[.,;:!?]$/.test(word[0]) || SCOPE_END.has(word[0]) || count === MAX_SCOPE_WORDS) break;
      if (start < 0) start = from + word.index;
      end = from + word.index + word[0].length;
      count += 1;
    }
    if (start >= 0) ranges.push([start, end]);
  }
  for (const refused of normalized.matchAll(REFUSED_WORD)) ranges.push([refused.index, refused.index + refused[1]!.length]);
  return ranges;
}

export const inRanges = (ranges: [number, number][], at: number) => ranges.some(([start, end]) => at >= start && at < end);

/** The text with its turned-down words blanked out, and those words alone. */
export function splitRejected(normalized: string, ranges: [number, number][]): { kept: string; rejected: string } {
  if (ranges.length === 0) return { kept: normalized, rejected: '' };
  let kept = normalized;
  for (const [start, end] of ranges) kept = kept.slice(0, start) + ' '.repeat(end - start) + kept.slice(end);
  return { kept, rejected: ranges.map(([start, end]) => normalized.slice(start, end)).join(' . ') };
}
