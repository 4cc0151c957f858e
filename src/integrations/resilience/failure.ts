/**
 * What a failed provider call means for the next attempt, read from the error any client throws:
 * the HTTP status (Stripe's and EasyPost's `statusCode`, fetch's `status`, the AWS SDK's
 * `$metadata.httpStatusCode`), the `Retry-After` header where the client keeps headers, and
 * whether it was our own timeout or the network.
 */
export interface CallFailure {
  /** Worth another attempt: a timeout, the network, 408, 409, 429 or any 5xx. */
  retryable: boolean;
  /** The provider may have acted on it (a timeout, the network, a 5xx): a write must keep its idempotency key. */
  maybeApplied: boolean;
  status: number | undefined;
  retryAfter: string | undefined;
}

const RETRYABLE_4XX = new Set([408, 409, 429]);

type Loose = Record<string, unknown> & { headers?: unknown; response?: { headers?: unknown; status?: unknown }; $metadata?: { httpStatusCode?: unknown } };

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, unknown>;
  const found = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = found ? record[found] : undefined;
  return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

function statusOf(error: Loose): number | undefined {
  for (const candidate of [error.statusCode, error.status, error.response?.status, error.$metadata?.httpStatusCode]) {
    if (typeof candidate === 'number' && candidate >= 100) return candidate;
  }
  return undefined;
}

export class CallTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'CallTimeoutError';
  }
}

/** Reads a thrown error as a call failure. Anything that is neither HTTP nor our timeout is the network. */
export function callFailureOf(error: unknown): CallFailure {
  if (error instanceof CallTimeoutError) return { retryable: true, maybeApplied: true, status: undefined, retryAfter: undefined };
  const loose = (error && typeof error === 'object' ? error : {}) as Loose;
  const status = statusOf(loose);
  const retryAfter = headerOf(loose.headers, 'retry-after') ?? headerOf(loose.response?.headers, 'retry-after');
  if (status === undefined) {
    const refused = (loose.code ?? (loose.cause as Loose | undefined)?.code) === 'ECONNREFUSED' || /ECONNREFUSED/.test(String(loose.message ?? ''));
    return { retryable: true, maybeApplied: !refused, status: undefined, retryAfter };
  }
  if (status >= 500) return { retryable: true, maybeApplied: true, status, retryAfter };
  return { retryable: RETRYABLE_4XX.has(status), maybeApplied: false, status, retryAfter };
}
