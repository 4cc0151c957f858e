import { HelpdeskCallError } from '../../core/ports/helpdesk';
import { RetryLater } from '../../core/ports/jobs';

const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/** A helpdesk read inside a job: a 429 waits exactly as long as the provider's Retry-After says, without using up an attempt. */
export async function providerCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof HelpdeskCallError && error.status === 429) throw new RetryLater(error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, `${error.provider} rate limit`);
    throw error;
  }
}
