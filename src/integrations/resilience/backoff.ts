/** Full-jitter exponential backoff: a random wait in [0, min(cap, base·2^attempt)) (AWS's "full jitter"). */
export function fullJitterDelayMs(attempt: number, options: { baseMs: number; capMs: number; random?: () => number }): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

/**
 * A `Retry-After` header in milliseconds: delta-seconds ("3") or an HTTP date. Undefined when
 * absent or unreadable; a date in the past is 0.
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = String(header).trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
