/**
 * Runs work one at a time per key (a ticket), in arrival order, within this process: two syncs of
 * one ticket must not interleave (a requester's comment read while a person's takeover is half
 * recorded would be answered). Across instances the comment records still keep each comment to
 * one handling; docs/adr/0036 says what is left.
 */
export function keyedSerial() {
  const tails = new Map<string, Promise<unknown>>();
  return async function run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(work);
    tails.set(key, mine);
    try {
      return await mine;
    } finally {
      if (tails.get(key) === mine) tails.delete(key);
    }
  };
}
