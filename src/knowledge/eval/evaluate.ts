import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeHit, RetrievalMode } from '../../core/ports/knowledge';

const here = dirname(fileURLToPath(import.meta.url));

export interface RetrievalCase {
  q: string;
  /** builtin:<article>, or product:<any id> (products are matched by name). */
  source: string;
  /** The last element of the answering passage's title path (a product's name for a product). */
  section: string;
}

export interface RetrievalMetrics {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

export const loadRetrievalSet = (path = join(here, 'retrieval-set.jsonl')): RetrievalCase[] => readJsonl(path) as RetrievalCase[];
export const loadUnanswerable = (path = join(here, 'unanswerable.jsonl')): { q: string }[] => readJsonl(path) as { q: string }[];

function readJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as unknown);
}

/** Products are matched by name: their ids differ in every generated demo store. */
export const answers = (hit: KnowledgeHit, expected: RetrievalCase) =>
  expected.source.startsWith('product')
    ? hit.kind === 'product' && hit.title === expected.section
    : hit.source === expected.source && hit.titlePath.at(-1) === expected.section;

export type Searcher = (query: string, mode: RetrievalMode | 'hybrid-no-rerank') => Promise<KnowledgeHit[]>;

/** recall@1, recall@5 and MRR (over the top 5) of one retrieval mode on the set. */
export async function evaluateMode(
  cases: RetrievalCase[],
  search: Searcher,
  mode: RetrievalMode | 'hybrid-no-rerank',
): Promise<RetrievalMetrics & { misses: { q: string; got: string | undefined }[] }> {
  let at1 = 0;
  let at5 = 0;
  let reciprocal = 0;
  const misses: { q: string; got: string | undefined }[] = [];
  for (const item of cases) {
    const hits = (await search(item.q, mode)).slice(0, 5);
    const rank = hits.findIndex((hit) => answers(hit, item));
    if (rank === 0) at1 += 1;
    if (rank >= 0) {
      at5 += 1;
      reciprocal += 1 / (rank + 1);
    } else misses.push({ q: item.q, got: hits[0] ? `${hits[0].source} › ${hits[0].titlePath.at(-1)}` : undefined });
  }
  const n = cases.length || 1;
  return { questions: cases.length, recallAt1: round(at1 / n), recallAt5: round(at5 / n), mrr: round(reciprocal / n), misses };
}

/**
 * How a relevance threshold splits answerable from unanswerable questions: the share of answerable
 * questions answered with the right passage, and the share of unanswerable ones wrongly answered.
 */
export async function thresholdSweep(cases: RetrievalCase[], unanswerable: { q: string }[], search: Searcher, thresholds: number[]) {
  const answerable = await Promise.all(cases.map(async (item) => ({ item, top: (await search(item.q, 'hybrid'))[0] })));
  const negatives = await Promise.all(unanswerable.map(async ({ q }) => (await search(q, 'hybrid'))[0]?.relevance ?? 0));
  return thresholds.map((threshold) => ({
    threshold,
    answeredCorrectly: round(answerable.filter(({ item, top }) => top && top.relevance >= threshold && answers(top, item)).length / (answerable.length || 1)),
    answeredWrongly: round(answerable.filter(({ item, top }) => top && top.relevance >= threshold && !answers(top, item)).length / (answerable.length || 1)),
    unanswerableAnswered: round(negatives.filter((score) => score >= threshold).length / (negatives.length || 1)),
  }));
}

const round = (value: number) => Math.round(value * 1000) / 1000;
