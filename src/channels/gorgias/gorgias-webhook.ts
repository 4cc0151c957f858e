import { timingSafeEqual, createHash } from 'node:crypto';
import { eventId, field, header, numericId } from '../helpdesk/payload-ids';
import type { TicketEvent, WebhookReader } from '../helpdesk/helpdesk-webhook';

/** The header the store's Gorgias HTTP integration sends the shared secret in (docs/helpdesks.md). */
export const GORGIAS_SECRET_HEADER = 'x-concierge-webhook-secret';

// Hashing both sides first gives equal lengths, so the comparison's time says nothing about the secret.
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Gorgias signs nothing: its HTTP integration sends a secret the store configures in a header,
 * compared in constant time. The payload is the integration's template, `{"ticket_id", "message_id", "updated_datetime"}`
 * (also `ticket.id` / `message.id` objects).
 */
export function gorgiasWebhookReader(o: { webhookSecret(storeId: string): Promise<string | undefined> }): WebhookReader {
  return {
    provider: 'gorgias',
    async verify(storeId, _rawBody, headers) {
      const secret = await o.webhookSecret(storeId);
      if (!secret) return 'unconfigured';
      const given = header(headers, GORGIAS_SECRET_HEADER);
      return given !== undefined && timingSafeEqual(digest(given), digest(secret)) ? 'ok' : 'bad';
    },
    read(payload): TicketEvent | undefined {
      const ticketId = numericId(field(payload, 'ticket_id')) ?? numericId(field(field(payload, 'ticket'), 'id'));
      if (!ticketId) return undefined;
      // The template's body (ticket, message, updated time) is its own id unless it names an event.
      return { ticketId, eventId: eventId(field(payload, 'event_id')) };
    },
  };
}
