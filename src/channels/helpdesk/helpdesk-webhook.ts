import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { HelpdeskName } from '../../core/ports/helpdesk';
import { SYNC_JOB, type HelpdeskChannelDeps } from './helpdesk-channel-deps';

export type Headers = Record<string, string | string[] | undefined>;

/** What one provider's webhook says once read: which ticket changed, and the id of this change (the dedupe key). */
export interface TicketEvent {
  ticketId: string;
  /** The provider's id of this delivery's event; undefined when the payload has none (then the body's hash is the id). */
  eventId: string | undefined;
}

/** One provider's side of a webhook: its authenticity check on the raw bytes, and its payload's shape. */
export interface WebhookReader {
  provider: HelpdeskName;
  /** `unconfigured`: the store has no secret for this provider (nothing can be verified). */
  verify(storeId: string, rawBody: Buffer, headers: Headers): Promise<'ok' | 'bad' | 'unconfigured'>;
  read(payload: unknown): TicketEvent | undefined;
}

export interface HelpdeskReceipt {
  received: true;
  ticketId: string;
  duplicate: boolean;
}

const sha = (value: Buffer) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/**
 * A helpdesk's webhook for one store: verified on the raw body before anything is parsed, then one
 * sync job for the ticket, deduplicated durably on the store, ticket and event id (the body's hash
 * when the payload has no id); only then acknowledged. Unverifiable deliveries change nothing.
 */
export function helpdeskWebhook(deps: Pick<HelpdeskChannelDeps, 'queue' | 'log'>, reader: WebhookReader) {
  return {
    provider: reader.provider,
    async receive(storeId: string, rawBody: Buffer, headers: Headers): Promise<HelpdeskReceipt> {
      const verdict = await reader.verify(storeId, rawBody, headers);
      if (verdict === 'unconfigured') throw new AppError('unauthorized', `${reader.provider} is not connected for this store, or has no webhook secret: nothing can be verified`);
      if (verdict === 'bad') throw new AppError('unauthorized', `the ${reader.provider} webhook signature does not verify`);
      let payload: unknown;
      try {
        payload = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new AppError('bad_request', `the ${reader.provider} webhook body is not JSON`);
      }
      const event = reader.read(payload);
      if (!event) throw new AppError('bad_request', `the ${reader.provider} webhook names no ticket (ticket_id)`);
      const dedupeKey = `${storeId}:${reader.provider}:${event.ticketId}:${event.eventId ?? `body-${sha(rawBody)}`}`;
      const job = await deps.queue.enqueue(SYNC_JOB, { storeId, provider: reader.provider, ticketId: event.ticketId }, { storeId, dedupeKey });
      return { received: true, ticketId: event.ticketId, duplicate: !job.created };
    },
  };
}

export type HelpdeskWebhook = ReturnType<typeof helpdeskWebhook>;
