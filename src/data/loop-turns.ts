/**
 * PGlite runs every statement on this thread, and a chain of awaited statements resolves as microtasks: a
 * transaction of many statements (a document's chunks, a catalog) never lets the event loop turn, and held
 * it for 0.5 s. `turn()` gives the loop a turn (setImmediate) when `budgetMs` have passed since the last
 * one it gave; otherwise it costs nothing, so short request paths keep their latency.
 */
export function loopTurns(budgetMs = 10): { turn(): Promise<void> | undefined } {
  let last = performance.now();
  return {
    turn() {
      const now = performance.now();
      if (now - last < budgetMs) return undefined;
      last = now;
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
