import type { Entities } from '../../core/ports/nlu';

const normal = (n: string) => n.replace(/^#/, '').toUpperCase();
const digitRuns = (text: string) => text.match(/\d{3,}/g) ?? [];

export interface OrderNumberScores {
  messages: number;
  expected: number;
  /** Expected order numbers found among the certain ones (`orderNumbers`). */
  recallCertain: number;
  /** Expected order numbers found among the certain ones or the candidates the store's orders would confirm. */
  recall: number;
  /** Messages holding a number that is not an order's: the share where one was taken for an order number. */
  messagesWithOtherNumbers: number;
  falseOrderNumberRate: number;
  /** The same, counting every candidate as confirmed (the worst case: a store that has every such number). */
  falseOrderNumberRateWithCandidates: number;
}

/**
 * Order-number recall and false positives. A candidate (a bare number in context) counts for recall
 * only when it is an order the store has: the expected ones here, as the store knows its orders.
 */
export function scoreOrderNumbers(cases: { text: string; orderNumbers: string[] }[], extract: (text: string) => Entities): OrderNumberScores {
  let expected = 0;
  let foundCertain = 0;
  let found = 0;
  let withOthers = 0;
  let falseCertain = 0;
  let falseWithCandidates = 0;
  for (const item of cases) {
    const entities = extract(item.text);
    const certain = new Set((entities.orderNumbers ?? []).map(normal));
    const candidates = new Set((entities.orderCandidates ?? []).map(normal));
    const wanted = new Set(item.orderNumbers.map(normal));
    for (const number of wanted) {
      expected += 1;
      if (certain.has(number)) foundCertain += 1;
      if (certain.has(number) || candidates.has(number)) found += 1;
    }
    const others = digitRuns(item.text).filter((run) => ![...wanted].some((w) => w.includes(run) || run.includes(w.replace(/\D/g, ''))));
    if (others.length === 0) continue;
    withOthers += 1;
    if ([...certain].some((n) => !wanted.has(n))) falseCertain += 1;
    if ([...certain, ...candidates].some((n) => !wanted.has(n))) falseWithCandidates += 1;
  }
  const ratio = (a: number, b: number) => Number((a / Math.max(1, b)).toFixed(4));
  return {
    messages: cases.length,
    expected,
    recallCertain: ratio(foundCertain, expected),
    recall: ratio(found, expected),
    messagesWithOtherNumbers: withOthers,
    falseOrderNumberRate: ratio(falseCertain, withOthers),
    falseOrderNumberRateWithCandidates: ratio(falseWithCandidates, withOthers),
  };
}
