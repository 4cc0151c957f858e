import type { CatalogEntry } from '../../core/ports/nlu';

const STOP = new Set(['the', 'a', 'an', 'and', 'of', 'for', 'with', 'in', 'my', 'your', 'to', 'on']);
const stem = (word: string) => word.replace(/(ies)$/, 'y').replace(/(es|s)$/, '');
const words = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w)).map(stem);

/**
 * Product mentions resolved against the store's catalog: a title (or alias) whose distinctive
 * words appear in the message. Returns catalog titles, best matches first.
 */
export function extractProducts(text: string, catalog: readonly CatalogEntry[] | undefined): string[] {
  if (!catalog || catalog.length === 0) return [];
  const said = new Set(words(text));
  const scored: { title: string; score: number }[] = [];
  for (const entry of catalog) {
    let best = 0;
    for (const name of [entry.title, ...(entry.aliases ?? [])]) {
      const nameWords = words(name);
      if (nameWords.length === 0) continue;
      const hits = nameWords.filter((w) => said.has(w)).length;
      // The last word of a title is usually the product noun ("Rain Jacket"): it must be there.
      const nounHit = said.has(nameWords.at(-1)!);
      const score = nounHit ? 0.5 + (0.5 * hits) / nameWords.length : 0;
      best = Math.max(best, score);
    }
    if (best > 0) scored.push({ title: entry.title, score: best });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, 5).map((s) => s.title);
}
