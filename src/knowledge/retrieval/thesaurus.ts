import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stem } from './retrieval-words';

export type Thesaurus = (word: string) => string[];

/** The related words of a word (by stem), from thesaurus.txt: an e-commerce lexicon written by hand. */
export function loadThesaurus(path = join(dirname(fileURLToPath(import.meta.url)), 'thesaurus.txt')): Thesaurus {
  const related = new Map<string, Set<string>>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const group = line.trim().split(/\s+/);
    for (const word of group) {
      const key = stem(word);
      const set = related.get(key) ?? new Set<string>();
      for (const other of group) if (stem(other) !== key) set.add(other);
      related.set(key, set);
    }
  }
  return (word) => [...(related.get(stem(word)) ?? [])];
}
