import { ProviderUnavailableError } from '../../core/provider-unavailable';
import { fullJitterDelayMs, retryAfterMs } from './backoff';
import { CircuitRegistry, type CircuitOptions } from './circuit-breaker';
import { systemClock, type Clock } from './clock';
import { callFailureOf, CallTimeoutError } from './failure';

export interface ResilienceOptions {
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the call fails as unavailable. */
  maxRetryAfterMs: number;
  circuit: CircuitOptions;
  clock?: Clock;
  random?: () => number;
}

export const defaultResilience: ResilienceOptions = {
  timeoutMs: 8_000,
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
  maxRetryAfterMs: 5_000,
  circuit: { failureThreshold: 5, openMs: 30_000 },
};

/** One outbound call: which store and provider it is for (the circuit), and what it does (for messages). */
export interface CallTarget {
  storeId: string;
  provider: string;
  operation: string;
}

/** Runs `attempt` with a per-attempt timeout; the signal aborts when the time is up. */
async function withTimeout<T>(attempt: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new CallTimeoutError(timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([attempt(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The one wrapper for every outbound provider call: a timeout per attempt (an AbortSignal the
 * client may honour; the wait ends either way), retries with full-jitter exponential backoff that
 * wait what `Retry-After` says on 429/503, no retry on a 4xx other than 408/409/429 (thrown as the
 * client threw it), and a circuit breaker per (store, provider). When the provider cannot be had,
 * it throws ProviderUnavailableError, which the agent answers with a plain reply and a handoff.
 * A write must pass the same idempotency key to every attempt (the caller's `attempt` closes over it).
 */
export function resilience(options: Partial<ResilienceOptions> = {}) {
  const o: ResilienceOptions = { ...defaultResilience, ...options };
  const clock = o.clock ?? systemClock;
  const circuits = new CircuitRegistry(o.circuit, clock);

  async function call<T>(target: CallTarget, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const circuit = circuits.of(target.storeId, target.provider);
    let maybeApplied = false;
    for (let n = 0; n < o.maxAttempts; n++) {
      if (!circuit.allow())
        throw new ProviderUnavailableError(target.provider, `${target.provider} unavailable (circuit open, ${Math.ceil(circuit.retryInMs() / 1000)} s to the next trial) for ${target.operation}`, { outcomeUnknown: maybeApplied });
      try {
        const result = await withTimeout(attempt, o.timeoutMs);
        circuit.success();
        return result;
      } catch (error) {
        const failure = callFailureOf(error);
        if (!failure.retryable) {
          // The provider answered and refused: it is up; the caller gets the client's own error.
          circuit.success();
          throw error;
        }
        circuit.failure();
        maybeApplied ||= failure.maybeApplied;
        const waitFor = failure.status === 429 || failure.status === 503 ? retryAfterMs(failure.retryAfter, clock.now()) : undefined;
        const last = n === o.maxAttempts - 1;
        if (last || (waitFor !== undefined && waitFor > o.maxRetryAfterMs)) {
          const why = failure.status ? `HTTP ${failure.status}` : error instanceof CallTimeoutError ? error.message : 'network error';
          throw new ProviderUnavailableError(target.provider, `${target.provider} unavailable for ${target.operation} after ${n + 1} attempt(s): ${why}`, { outcomeUnknown: maybeApplied });
        }
        await clock.sleep(waitFor ?? fullJitterDelayMs(n, { baseMs: o.baseDelayMs, capMs: o.maxDelayMs, random: o.random }));
      }
    }
    throw new ProviderUnavailableError(target.provider, `${target.provider} unavailable for ${target.operation}`, { outcomeUnknown: maybeApplied });
  }

  return { call, circuit: (storeId: string, provider: string) => circuits.of(storeId, provider), options: o };
}

export type Resilience = ReturnType<typeof resilience>;
