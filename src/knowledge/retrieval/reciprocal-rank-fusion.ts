/** Reciprocal rank fusion (Cormack et al., 2009): score = Σ weight / (k + rank) over the lists an item appears in. */
export function reciprocalRankFusion<T>(
  lists: T[][],
  key: (item: T) => string,
  k = 60,
  weights: number[] = lists.map(() => 1),
): { item: T; score: number; ranks: (number | undefined)[] }[] {
  const fused = new Map<string, { item: T; score: number; ranks: (number | undefined)[] }>();
  lists.forEach((list, listIndex) => {
    list.forEach((item, position) => {
      const id = key(item);
      const entry = fused.get(id) ?? { item, score: 0, ranks: lists.map(() => undefined) };
      entry.score += weights[listIndex]! / (k + position + 1);
      entry.ranks[listIndex] = position + 1;
      fused.set(id, entry);
    });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
