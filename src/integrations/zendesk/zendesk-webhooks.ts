import { HelpdeskCallError, type HelpdeskWebhookSetup } from '../../core/ports/helpdesk';
import { helpdeskRequest, type FetchApi, type HelpdeskTarget } from '../helpdesk-http';
import { nextPath, zendeskTarget, type ZendeskCredentials } from './zendesk-helpdesk';

interface ZendeskWebhook {
  id: string;
  name?: string;
  endpoint: string;
  status?: string;
  subscriptions?: string[];
}
interface ZendeskTrigger {
  id: number;
  title: string;
  active?: boolean;
  actions?: { field: string; value: unknown }[];
}

const MAX_PAGES = 20;
const WEBHOOK_NAME = 'Concierge';
const TRIGGER_TITLE = 'Concierge: tickets to the agent';
/** What the trigger sends: only `ticket_id` is needed; the comment and time make each change a distinct delivery (docs/helpdesks.md). */
export const ZENDESK_TRIGGER_BODY = JSON.stringify({ ticket_id: '{{ticket.id}}', comment_id: '{{ticket.latest_comment.id}}', updated_at: '{{ticket.updated_at_with_timestamp}}' });

/** Every item of a Zendesk list, following its cursor pages (`page[size]`, `links.next` while `meta.has_more`). */
async function listAll<T>(t: HelpdeskTarget, path: string, key: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let next = `${path}${path.includes('?') ? '&' : '?'}page%5Bsize%5D=100`;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await helpdeskRequest<Record<string, unknown> & { meta?: { has_more?: boolean }; links?: { next?: string | null } }>(t, 'GET', next, undefined, signal);
    items.push(...((answer[key] as T[] | undefined) ?? []));
    if (!answer.meta?.has_more || !answer.links?.next) return items;
    next = nextPath(t, answer.links.next);
  }
  throw new HelpdeskCallError('zendesk', undefined, `Zendesk kept answering more ${key} after ${MAX_PAGES} pages`);
}

const callsWebhook = (trigger: ZendeskTrigger, webhookId: string) =>
  (trigger.actions ?? []).some((a) => a.field === 'notification_webhook' && Array.isArray(a.value) && String(a.value[0]) === webhookId);

export interface ZendeskHooks {
  webhookId: string;
  triggerId: number;
  /** The webhook's signing secret (X-Zendesk-Webhook-Signature), as Zendesk reveals it. */
  secret: string;
  created: ('webhook' | 'trigger')[];
}

/**
 * The webhook Zendesk calls and the trigger that calls it, made through Zendesk's API when a store connects
 * (docs/adr/0041): found again by the webhook's endpoint (this store's URL) and the trigger's action naming it, so a
 * reconnect creates nothing twice; removed (the trigger first: Zendesk refuses to delete a webhook in use) on disconnect.
 */
export function zendeskWebhookSetup(o: { baseUrlTemplate: string; fetchApi?: FetchApi; timeoutMs?: number }) {
  async function find(t: HelpdeskTarget, endpoint: string, signal?: AbortSignal) {
    const webhooks = (await listAll<ZendeskWebhook>(t, '/webhooks', 'webhooks', signal)).filter((w) => w.endpoint === endpoint);
    const triggers = webhooks.length ? await listAll<ZendeskTrigger>(t, '/triggers.json', 'triggers', signal) : [];
    return { webhooks, triggers: (id: string) => triggers.filter((trigger) => callsWebhook(trigger, id)) };
  }

  return {
    async ensure(credentials: ZendeskCredentials, endpoint: string, signal?: AbortSignal): Promise<ZendeskHooks> {
      const t = zendeskTarget(o, credentials);
      const found = await find(t, endpoint, signal);
      const created: ZendeskHooks['created'] = [];
      let webhook = found.webhooks.find((w) => (w.subscriptions ?? []).includes('conditional_ticket_events')) ?? found.webhooks[0];
      if (!webhook) {
        webhook = (
          await helpdeskRequest<{ webhook: ZendeskWebhook }>(
            t,
            'POST',
            '/webhooks',
            { webhook: { name: WEBHOOK_NAME, description: 'Ticket changes to Concierge, the store\'s AI agent', endpoint, http_method: 'POST', request_format: 'json', status: 'active', subscriptions: ['conditional_ticket_events'] } },
            signal,
          )
        ).webhook;
        created.push('webhook');
      }
      let trigger = found.triggers(webhook.id)[0];
      if (!trigger) {
        trigger = (
          await helpdeskRequest<{ trigger: ZendeskTrigger }>(
            t,
            'POST',
            '/triggers.json',
            {
              trigger: {
                title: TRIGGER_TITLE,
                active: true,
                conditions: { all: [], any: [{ field: 'update_type', operator: 'is', value: 'Create' }, { field: 'update_type', operator: 'is', value: 'Change' }] },
                actions: [{ field: 'notification_webhook', value: [webhook.id, ZENDESK_TRIGGER_BODY] }],
              },
            },
            signal,
          )
        ).trigger;
        created.push('trigger');
      }
      const { signing_secret: signing } = await helpdeskRequest<{ signing_secret?: { algorithm?: string; secret?: string } }>(t, 'GET', `/webhooks/${encodeURIComponent(webhook.id)}/signing_secret`, undefined, signal);
      if (!signing?.secret) throw new HelpdeskCallError('zendesk', undefined, 'Zendesk did not reveal the webhook\'s signing secret');
      return { webhookId: webhook.id, triggerId: trigger.id, secret: signing.secret, created };
    },

    /** Removes this endpoint's triggers and webhooks; answers how many of each were there. */
    async remove(credentials: ZendeskCredentials, endpoint: string, signal?: AbortSignal): Promise<{ webhooks: number; triggers: number }> {
      const t = zendeskTarget(o, credentials);
      const found = await find(t, endpoint, signal);
      let triggers = 0;
      for (const webhook of found.webhooks) {
        for (const trigger of found.triggers(webhook.id)) {
          await deleteIfThere(t, `/triggers/${trigger.id}.json`, signal);
          triggers += 1;
        }
        await deleteIfThere(t, `/webhooks/${encodeURIComponent(webhook.id)}`, signal);
      }
      return { webhooks: found.webhooks.length, triggers };
    },
  };
}

/** A DELETE where already gone (404) is done. */
async function deleteIfThere(t: HelpdeskTarget, path: string, signal?: AbortSignal) {
  try {
    await helpdeskRequest(t, 'DELETE', path, undefined, signal);
  } catch (error) {
    if (!(error instanceof HelpdeskCallError && error.status === 404)) throw error;
  }
}

export type ZendeskWebhookSetup = ReturnType<typeof zendeskWebhookSetup>;

/** The Zendesk setup behind the channel's port. */
export function zendeskWebhookPort(setup: ZendeskWebhookSetup): HelpdeskWebhookSetup {
  const typed = (c: Record<string, unknown>) => c as unknown as ZendeskCredentials;
  return {
    account: (c) => String(typed(c).subdomain).toLowerCase(),
    ensure: async (c, endpoint, signal) => setup.ensure(typed(c), endpoint, signal),
    remove: async (c, endpoint, signal) => {
      const removed = await setup.remove(typed(c), endpoint, signal);
      return { removed: removed.webhooks + removed.triggers };
    },
  };
}
