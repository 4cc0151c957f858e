import { retrievalWords } from './retrieval-words';

// Two passages sharing this share of their word triples say the same thing (a footer or a policy
// paragraph pasted into several pages, one product listed twice).
const SAME = 0.6;

/** The word triples of a text ("we ship to", "ship to canada"…); a short text's words themselves. */
function shingles(text: string): Set<string> {
  const words = retrievalWords(text);
  if (words.length < 3) return new Set(words);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i += 1) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

function resemblance(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * The first `k` items, best first, skipping any whose text is a near copy of one already kept: five
 * copies of one paragraph would otherwise fill the answer's five places.
 */
export function withoutNearDuplicates<T>(ranked: T[], text: (item: T) => string, k: number): T[] {
  const kept: { item: T; shingles: Set<string> }[] = [];
  for (const item of ranked) {
    if (kept.length >= k) break;
    const own = shingles(text(item));
    if (kept.some((other) => resemblance(own, other.shingles) >= SAME)) continue;
    kept.push({ item, shingles: own });
  }
  return kept.map(({ item }) => item);
}
