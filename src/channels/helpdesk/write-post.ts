import { HelpdeskCallError, type HelpdeskRecords } from '../../core/ports/helpdesk';
import { RetryLater } from '../../core/ports/jobs';
import type { HelpdeskLog } from './helpdesk-channel-deps';

const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * Makes one write to a helpdesk whose row is already `posting`, and settles the row before the job
 * is acknowledged: posted; back to `pending` when the provider surely did not act (a 429 waits for
 * its Retry-After, other refusals are retried with backoff); `failed` when the request itself was
 * refused (retrying cannot help). A timeout or 5xx leaves it `posting`, so the next attempt looks
 * at the ticket before writing again: a post is never made twice.
 */
export async function writePost(o: { records: HelpdeskRecords; log: HelpdeskLog; storeId: string; key: string; write: () => Promise<{ remoteId: string | null }> }): Promise<void> {
  const { records, storeId, key } = o;
  try {
    const { remoteId } = await o.write();
    await records.settlePost(storeId, key, 'posted', remoteId, null);
  } catch (error) {
    if (!(error instanceof HelpdeskCallError)) throw error;
    if (error.status === 429) {
      await records.settlePost(storeId, key, 'pending', null, 'rate limited');
      throw new RetryLater(error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, `${error.provider} rate limit`);
    }
    if (error.permanent) {
      await records.settlePost(storeId, key, 'failed', null, `${error.provider} refused the post (HTTP ${error.status})`);
      o.log.warn({ storeId, provider: error.provider, status: error.status }, 'helpdesk refused a post permanently');
      return;
    }
    if (!error.maybeApplied) await records.settlePost(storeId, key, 'pending', null, `HTTP ${error.status}`);
    throw error;
  }
}
