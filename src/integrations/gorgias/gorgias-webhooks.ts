import { randomBytes } from 'node:crypto';
import { HelpdeskCallError, type HelpdeskWebhookSetup } from '../../core/ports/helpdesk';
import { accountBase, helpdeskRequest, type FetchApi, type HelpdeskTarget } from '../helpdesk-http';
import type { GorgiasCredentials } from './gorgias-helpdesk';

interface GorgiasIntegration {
  id: number;
  type: string;
  name?: string;
  deactivated_datetime?: string | null;
  http?: { url?: string; method?: string; headers?: Record<string, string> | null } | null;
}

/** The header the integration sends the shared secret in (Gorgias signs nothing; src/channels/gorgias/gorgias-webhook.ts reads it). */
const SECRET_HEADER = 'X-Concierge-Webhook-Secret';
const MAX_PAGES = 20;
/** What the integration sends: the ticket, and the message and time that make each change a distinct delivery (docs/helpdesks.md). */
export const GORGIAS_INTEGRATION_FORM = { ticket_id: '{{ticket.id}}', message_id: '{{message.id}}', updated_datetime: '{{ticket.updated_datetime}}' };

/**
 * Gorgias' HTTP integration (`POST /api/integrations`, type `http`) made when a store connects (docs/adr/0041): found
 * again by its URL (this store's endpoint), its secret header set to the store's secret (one is generated when the store
 * gave none), removed on disconnect.
 */
export function gorgiasWebhookSetup(o: { baseUrlTemplate: string; fetchApi?: FetchApi; timeoutMs?: number }): HelpdeskWebhookSetup {
  const target = (c: GorgiasCredentials): HelpdeskTarget => ({
    provider: 'gorgias',
    baseUrl: `${accountBase(o.baseUrlTemplate, c.domain)}/api`,
    authorization: `Basic ${Buffer.from(`${c.email}:${c.apiKey}`).toString('base64')}`,
    fetchApi: o.fetchApi ?? fetch,
    timeoutMs: o.timeoutMs ?? 10_000,
  });

  async function ours(t: HelpdeskTarget, endpoint: string, signal?: AbortSignal): Promise<GorgiasIntegration[]> {
    const found: GorgiasIntegration[] = [];
    let cursor: string | undefined;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await helpdeskRequest<{ data?: GorgiasIntegration[]; meta?: { next_cursor?: string | null } }>(
        t,
        'GET',
        `/integrations?type=http&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        undefined,
        signal,
      );
      found.push(...(answer.data ?? []).filter((i) => i.type === 'http' && i.http?.url === endpoint));
      cursor = answer.meta?.next_cursor ?? undefined;
      if (!cursor) return found;
    }
    throw new HelpdeskCallError('gorgias', undefined, `Gorgias kept answering more integrations after ${MAX_PAGES} pages`);
  }

  const http = (endpoint: string, secret: string) => ({
    url: endpoint,
    method: 'POST',
    headers: { [SECRET_HEADER]: secret },
    form: GORGIAS_INTEGRATION_FORM,
    request_content_type: 'application/json',
    response_content_type: 'application/json',
    triggers: { 'ticket-created': true, 'ticket-updated': true, 'ticket-message-created': true },
  });

  return {
    account: (c) => String((c as unknown as GorgiasCredentials).domain).toLowerCase(),
    async ensure(c, endpoint, signal) {
      const credentials = c as unknown as GorgiasCredentials;
      const t = target(credentials);
      const secret = credentials.webhookSecret ?? randomBytes(24).toString('base64url');
      const [existing] = await ours(t, endpoint, signal);
      if (!existing) {
        await helpdeskRequest(t, 'POST', '/integrations', { type: 'http', name: 'Concierge', description: "Ticket changes to Concierge, the store's AI agent", http: http(endpoint, secret) }, signal);
        return { secret, created: ['integration'] };
      }
      const headers = existing.http?.headers ?? {};
      const sent = Object.entries(headers).find(([name]) => name.toLowerCase() === SECRET_HEADER.toLowerCase())?.[1];
      if (sent !== secret || existing.deactivated_datetime) {
        await helpdeskRequest(t, 'PUT', `/integrations/${existing.id}`, { name: existing.name ?? 'Concierge', http: http(endpoint, secret), deactivated_datetime: null }, signal);
      }
      return { secret, created: [] };
    },
    async remove(c, endpoint, signal) {
      const t = target(c as unknown as GorgiasCredentials);
      const found = await ours(t, endpoint, signal);
      for (const integration of found) {
        try {
          await helpdeskRequest(t, 'DELETE', `/integrations/${integration.id}`, undefined, signal);
        } catch (error) {
          if (!(error instanceof HelpdeskCallError && error.status === 404)) throw error;
        }
      }
      return { removed: found.length };
    },
  };
}
