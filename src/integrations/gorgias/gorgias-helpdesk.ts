import { HANDBACK_TAG, HANDOFF_TAG, HelpdeskCallError, type HelpdeskComment, type HelpdeskPost, type HelpdeskProvider, type HelpdeskTicket } from '../../core/ports/helpdesk';
import { accountBase, helpdeskRequest, textToHtml, type FetchApi, type HelpdeskTarget } from '../helpdesk-http';

/** A store's Gorgias connection (sealed in the store's credentials). */
export interface GorgiasCredentials {
  /** The account's subdomain: `acme` for acme.gorgias.com. */
  domain: string;
  /** The agent user the API key belongs to: the sender of every message Concierge writes. */
  email: string;
  apiKey: string;
  /** The secret the store's HTTP integration sends in X-Concierge-Webhook-Secret. */
  webhookSecret?: string;
  /** The team a handed-over ticket goes to; unchanged when unset. */
  handoffTeamId?: number | string;
  mode?: 'reply' | 'review';
}

interface GorgiasParty {
  id?: number | null;
  email?: string | null;
  name?: string | null;
}
interface GorgiasTicket {
  id: number;
  subject?: string | null;
  channel?: string | null;
  customer?: GorgiasParty | null;
  tags?: { name: string }[] | null;
}
interface GorgiasMessage {
  id: number;
  channel?: string | null;
  from_agent: boolean;
  public?: boolean | null;
  sender?: GorgiasParty | null;
  body_text?: string | null;
  stripped_text?: string | null;
  external_id?: string | null;
  source?: { type?: string; from?: { address?: string | null } | null; to?: { address?: string | null }[] | null } | null;
}

export interface GorgiasHelpdeskOptions {
  credentials(storeId: string): Promise<GorgiasCredentials | undefined>;
  /** `https://{account}.gorgias.com` by default; tests point it at a local server. */
  baseUrlTemplate: string;
  fetchApi?: FetchApi;
  timeoutMs?: number;
}

const MESSAGES_PAGE_SIZE = 100;
const MAX_MESSAGE_PAGES = 100;

const lower = (value: string | null | undefined) => (value ?? '').trim().toLowerCase();
const messagesOf = (answer: { data?: GorgiasMessage[] } | GorgiasMessage[]) => (Array.isArray(answer) ? answer : (answer.data ?? [])).slice().sort((a, b) => a.id - b.id);

/** Gorgias' REST API behind the helpdesk port, with fetch (Gorgias publishes no SDK). */
export function gorgiasHelpdesk(o: GorgiasHelpdeskOptions) {
  async function target(storeId: string): Promise<{ target: HelpdeskTarget; credentials: GorgiasCredentials }> {
    const credentials = await o.credentials(storeId);
    if (!credentials) throw new HelpdeskCallError('gorgias', 401, 'Gorgias is not connected for this store');
    return {
      credentials,
      target: {
        provider: 'gorgias',
        baseUrl: `${accountBase(o.baseUrlTemplate, credentials.domain)}/api`,
        authorization: `Basic ${Buffer.from(`${credentials.email}:${credentials.apiKey}`).toString('base64')}`,
        fetchApi: o.fetchApi ?? fetch,
        timeoutMs: o.timeoutMs ?? 10_000,
      },
    };
  }

  const readTicket = (t: HelpdeskTarget, id: string, signal?: AbortSignal) => helpdeskRequest<GorgiasTicket>(t, 'GET', `/tickets/${id}`, undefined, signal);
  /** Every message of the ticket, oldest first: Gorgias' cursor pages (`limit` ≤ 100, `meta.next_cursor`), not only the first 30. */
  async function readMessages(t: HelpdeskTarget, id: string, signal?: AbortSignal): Promise<GorgiasMessage[]> {
    const all: GorgiasMessage[] = [];
    let cursor: string | undefined;
    for (let page = 1; ; page++) {
      const answer = await helpdeskRequest<{ data?: GorgiasMessage[]; meta?: { next_cursor?: string | null } }>(
        t,
        'GET',
        `/tickets/${id}/messages?limit=${MESSAGES_PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        undefined,
        signal,
      );
      all.push(...(Array.isArray(answer) ? (answer as GorgiasMessage[]) : (answer.data ?? [])));
      cursor = Array.isArray(answer) ? undefined : (answer.meta?.next_cursor ?? undefined);
      if (!cursor) return messagesOf(all);
      if (page >= MAX_MESSAGE_PAGES) throw new HelpdeskCallError('gorgias', undefined, `Gorgias kept answering more messages after ${page} pages`);
    }
  }

  /** A message already on the ticket with this post's key (Gorgias keeps `external_id`). */
  async function existing(t: HelpdeskTarget, ticketId: string, key: string, signal?: AbortSignal): Promise<string | undefined> {
    const found = (await readMessages(t, ticketId, signal)).find((m) => m.external_id === key);
    return found ? String(found.id) : undefined;
  }

  async function write(t: HelpdeskTarget, credentials: GorgiasCredentials, ticketId: string, post: HelpdeskPost, signal?: AbortSignal): Promise<{ remoteId: string | null }> {
    const base = { via: 'api', from_agent: true, sender: { email: credentials.email }, body_text: post.body, body_html: textToHtml(post.body), external_id: post.key };
    if (post.visibility === 'internal') {
      const created = await helpdeskRequest<{ id?: number }>(t, 'POST', `/tickets/${ticketId}/messages`, { ...base, channel: 'internal-note' }, signal);
      return { remoteId: created?.id ? String(created.id) : null };
    }
    // A reply on the ticket's own channel, from the address the requester wrote to, to the requester.
    const ticket = await readTicket(t, ticketId, signal);
    const messages = await readMessages(t, ticketId, signal);
    const lastIn = [...messages].reverse().find((m) => !m.from_agent);
    const channel = ticket.channel ?? lastIn?.channel ?? 'email';
    const customer = ticket.customer ?? lastIn?.sender ?? {};
    const ours = lastIn?.source?.to?.[0]?.address;
    const created = await helpdeskRequest<{ id?: number }>(
      t,
      'POST',
      `/tickets/${ticketId}/messages`,
      {
        ...base,
        channel,
        receiver: { ...(customer.id ? { id: customer.id } : {}), ...(customer.email ? { email: customer.email } : {}) },
        source: { type: channel, ...(ours ? { from: { address: ours } } : {}), ...(customer.email ? { to: [{ address: customer.email }] } : {}) },
        ...(ticket.subject ? { subject: /^re:/i.test(ticket.subject) ? ticket.subject : `Re: ${ticket.subject}` } : {}),
      },
      signal,
    );
    return { remoteId: created?.id ? String(created.id) : null };
  }

  const provider: HelpdeskProvider & { check(storeId: string, signal?: AbortSignal): Promise<string> } = {
    name: 'gorgias',
    async connection(storeId) {
      const credentials = await o.credentials(storeId);
      return credentials ? { mode: credentials.mode ?? 'reply' } : undefined;
    },

    async ticket(storeId, ticketId, signal): Promise<HelpdeskTicket> {
      const { target: t, credentials } = await target(storeId);
      const ticket = await readTicket(t, ticketId, signal);
      const customer = ticket.customer ?? {};
      const authorOf = (m: GorgiasMessage): HelpdeskComment['author'] => {
        if (m.from_agent && lower(m.sender?.email) === lower(credentials.email)) return 'self';
        if (m.from_agent) return 'human';
        const byId = customer.id && m.sender?.id === customer.id;
        const byEmail = customer.email && lower(m.sender?.email) === lower(customer.email);
        return byId || byEmail ? 'requester' : 'other';
      };
      return {
        id: String(ticket.id),
        subject: ticket.subject ?? '',
        requester: { email: customer.email ?? null, name: customer.name ?? null },
        tags: (ticket.tags ?? []).map((tag) => tag.name),
        comments: (await readMessages(t, ticketId, signal)).map((m) => ({
          id: String(m.id),
          author: authorOf(m),
          authorId: m.sender?.id ? String(m.sender.id) : null,
          public: m.channel !== 'internal-note' && m.public !== false,
          body: m.stripped_text ?? m.body_text ?? '',
        })),
      };
    },

    async post(storeId, ticketId, post, options) {
      const { target: t, credentials } = await target(storeId);
      if (options.uncertain) {
        const found = await existing(t, ticketId, post.key, options.signal);
        if (found) return { remoteId: found };
      }
      return write(t, credentials, ticketId, post, options.signal);
    },

    async handoff(storeId, ticketId, note, options) {
      const { target: t, credentials } = await target(storeId);
      // Two calls (the note, then the ticket): the note is found by its key on a retry; the ticket update is idempotent.
      const found = options.uncertain ? await existing(t, ticketId, note.key, options.signal) : undefined;
      const posted = found ? { remoteId: found } : await write(t, credentials, ticketId, { ...note, visibility: 'internal' }, options.signal);
      const ticket = await readTicket(t, ticketId, options.signal);
      const tags = [...new Set([...(ticket.tags ?? []).map((tag) => tag.name).filter((name) => name !== HANDBACK_TAG), HANDOFF_TAG])];
      await helpdeskRequest(
        t,
        'PUT',
        `/tickets/${ticketId}`,
        { status: 'open', assignee_user: null, tags: tags.map((name) => ({ name })), ...(credentials.handoffTeamId ? { assignee_team: { id: Number(credentials.handoffTeamId) } } : {}) },
        options.signal,
      );
      return posted;
    },

    async handBack(storeId, ticketId, signal) {
      const { target: t } = await target(storeId);
      const ticket = await readTicket(t, ticketId, signal);
      const tags = (ticket.tags ?? []).map((tag) => tag.name).filter((name) => name !== HANDBACK_TAG && name !== HANDOFF_TAG);
      await helpdeskRequest(t, 'PUT', `/tickets/${ticketId}`, { tags: tags.map((name) => ({ name })) }, signal);
    },

    /** The connection test: one ticket listed with the key. */
    async check(storeId, signal) {
      const { target: t } = await target(storeId);
      await helpdeskRequest(t, 'GET', '/tickets?limit=1', undefined, signal);
      return 'Gorgias accepted the API key';
    },
  };
  return provider;
}

export type GorgiasHelpdesk = ReturnType<typeof gorgiasHelpdesk>;
