import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase, KnowledgeHit, RetrievalMode } from '../../core/ports/knowledge';
import { readJsonLines } from './blind-set';

/** A question about one document, whose `answer` is a verbatim span of it. */
export interface BlindRetrievalCase {
  id: string;
  question: string;
  doc: string;
  answer: string;
}

const normal = (text: string) => text.toLowerCase().replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
const words = (text: string) => normal(text).match(/[a-z0-9]+/g) ?? [];

/**
 * A hit answers when it comes from the question's document and holds the answer: the whole span, or
 * (for a span that a chunk boundary cut) at least 60% of its words.
 */
export function holdsAnswer(hit: KnowledgeHit, item: BlindRetrievalCase): boolean {
  if (hit.source !== item.doc) return false;
  const content = normal(hit.content);
  if (content.includes(normal(item.answer))) return true;
  const present = new Set(words(content));
  const answerWords = words(item.answer);
  return answerWords.length > 0 && answerWords.filter((w) => present.has(w)).length / answerWords.length >= 0.6;
}

export const loadRetrievalCases = (dir: string) => readJsonLines<BlindRetrievalCase>(join(dir, 'retrieval', 'questions.jsonl'));

/** The documents of the eval-blind layout: `retrieval-docs/` next to the split's directory. */
export function retrievalDocsDir(dir: string): string | undefined {
  const candidates = [join(dir, 'retrieval-docs'), join(dir, '..', 'retrieval-docs')];
  return candidates.find((path) => existsSync(path));
}

export async function ingestDocs(knowledge: KnowledgeBase, storeId: string, docsDir: string): Promise<number> {
  const names = readdirSync(docsDir).filter((name) => /\.(md|markdown|txt|html?)$/i.test(name)).sort();
  for (const name of names) {
    const format = /\.html?$/i.test(name) ? 'html' : /\.txt$/i.test(name) ? 'text' : 'markdown';
    await knowledge.ingest(storeId, { source: name, format, content: readFileSync(join(docsDir, name), 'utf8') });
  }
  return names.length;
}

/** recall@1 and recall@5 of one retrieval mode over the questions. */
export async function retrievalRecall(
  cases: BlindRetrievalCase[],
  search: (query: string, mode: RetrievalMode) => Promise<KnowledgeHit[]>,
  mode: RetrievalMode,
  onMiss?: (item: BlindRetrievalCase, hits: KnowledgeHit[]) => void,
) {
  let at1 = 0;
  let at5 = 0;
  for (const item of cases) {
    const hits = (await search(item.question, mode)).slice(0, 5);
    const rank = hits.findIndex((hit) => holdsAnswer(hit, item));
    if (rank === 0) at1 += 1;
    if (rank >= 0) at5 += 1;
    else onMiss?.(item, hits);
  }
  const n = Math.max(1, cases.length);
  return { recallAt1: Number((at1 / n).toFixed(4)), recallAt5: Number((at5 / n).toFixed(4)) };
}
