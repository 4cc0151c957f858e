import { eventId, field, header, numericId } from '../helpdesk/payload-ids';
import type { TicketEvent, WebhookReader } from '../helpdesk/helpdesk-webhook';
import { freshTimestamp, verifyZendeskSignature } from './webhook-signature';

// Zendesk retries a failed delivery a few times within minutes; older signatures are replays.
const TOLERANCE_MS = 15 * 60_000;

/**
 * Zendesk's webhooks: the signature over timestamp + raw body under the webhook's signing secret.
 * The payload is either the body a trigger sends (the setup guide's `{"ticket_id", "comment_id",
 * "updated_at"}`) or an event-subscription webhook's (`detail.id`, the event `id`). Only the ticket
 * matters: the sync job reads the ticket itself.
 */
export function zendeskWebhookReader(o: { signingSecret(storeId: string): Promise<string | undefined>; now?: () => number }): WebhookReader {
  return {
    provider: 'zendesk',
    async verify(storeId, rawBody, headers) {
      const secret = await o.signingSecret(storeId);
      if (!secret) return 'unconfigured';
      const signature = header(headers, 'x-zendesk-webhook-signature');
      const timestamp = header(headers, 'x-zendesk-webhook-signature-timestamp');
      if (!signature || !timestamp || !freshTimestamp(timestamp, (o.now ?? Date.now)(), TOLERANCE_MS)) return 'bad';
      return verifyZendeskSignature(secret, timestamp, rawBody, signature) ? 'ok' : 'bad';
    },
    read(payload): TicketEvent | undefined {
      const ticketId = numericId(field(payload, 'ticket_id')) ?? numericId(field(field(payload, 'ticket'), 'id')) ?? numericId(field(field(payload, 'detail'), 'id'));
      if (!ticketId) return undefined;
      // An event subscription's delivery has its event id; a trigger's body (ticket, comment, updated_at) is its own id.
      const id = eventId(field(payload, 'audit_id')) ?? (field(payload, 'type') !== undefined ? eventId(field(payload, 'id')) : undefined);
      return { ticketId, eventId: id };
    },
  };
}
