import { HANDBACK_TAG, HANDOFF_TAG, HelpdeskCallError, type HelpdeskComment, type HelpdeskPost, type HelpdeskProvider, type HelpdeskTicket } from '../../core/ports/helpdesk';
import { accountBase, helpdeskRequest, type FetchApi, type HelpdeskTarget } from '../helpdesk-http';

/** A store's Zendesk connection (sealed in the store's credentials). */
export interface ZendeskCredentials {
  subdomain: string;
  /** With `apiToken`: Basic `{email}/token:{apiToken}`. */
  email?: string;
  apiToken?: string;
  /** Instead of the API token: an OAuth access token of the agent user. */
  oauthToken?: string;
  /** The webhook's signing secret (X-Zendesk-Webhook-Signature). */
  webhookSecret?: string;
  /** The group a handed-over ticket goes to (the team's view); unchanged when unset. */
  handoffGroupId?: number | string;
  mode?: 'reply' | 'review';
}

interface ZendeskUser {
  id: number | null;
  role?: string;
  email?: string | null;
  name?: string | null;
}
interface ZendeskComment {
  id: number;
  author_id: number;
  body?: string;
  plain_body?: string;
  public: boolean;
}

interface CommentsPage {
  comments?: ZendeskComment[];
  users?: ZendeskUser[];
  meta?: { has_more?: boolean; after_cursor?: string | null };
  links?: { next?: string | null };
}

const ME_TTL_MS = 10 * 60_000;
/** Zendesk's largest cursor page. */
const COMMENTS_PAGE_SIZE = 100;
/** Zendesk keeps at most 5,000 comments on a ticket: 50 pages; more is a server that never ends its list. */
const MAX_COMMENT_PAGES = 60;

/** `links.next` as a path under the API root: a link elsewhere is refused (the credentials stay on the account's host). */
export function nextPath(t: HelpdeskTarget, next: string, keep: Record<string, string> = {}): string {
  const root = new URL(t.baseUrl);
  const url = new URL(next, `${t.baseUrl}/`);
  if (url.origin !== root.origin || !url.pathname.startsWith(`${root.pathname}/`)) throw new HelpdeskCallError('zendesk', undefined, 'Zendesk named a next page on another host');
  for (const [name, value] of Object.entries(keep)) if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  return `${url.pathname.slice(root.pathname.length)}${url.search}`;
}
const MARKER = (key: string) => `[concierge:${key}]`;

/** The body as posted: an internal note carries its job key (for the team, harmless; for us, how a retry finds it). */
const postedBody = (post: HelpdeskPost) => (post.visibility === 'internal' ? `${post.body.trim()}\n\n${MARKER(post.key)}` : post.body);

/** Where and as whom one Zendesk account's API (v2) is called. */
export function zendeskTarget(o: { baseUrlTemplate: string; fetchApi?: FetchApi; timeoutMs?: number }, credentials: ZendeskCredentials): HelpdeskTarget {
  const authorization = credentials.oauthToken ? `Bearer ${credentials.oauthToken}` : `Basic ${Buffer.from(`${credentials.email}/token:${credentials.apiToken}`).toString('base64')}`;
  return { provider: 'zendesk', baseUrl: `${accountBase(o.baseUrlTemplate, credentials.subdomain)}/api/v2`, authorization, fetchApi: o.fetchApi ?? fetch, timeoutMs: o.timeoutMs ?? 10_000 };
}

export interface ZendeskHelpdeskOptions {
  credentials(storeId: string): Promise<ZendeskCredentials | undefined>;
  /** `https://{account}.zendesk.com` by default; tests point it at a local server. */
  baseUrlTemplate: string;
  fetchApi?: FetchApi;
  timeoutMs?: number;
}

/** Zendesk Support's REST API (v2) behind the helpdesk port, with plain fetch (Zendesk publishes no official Node client: docs/adr/0036). */
export function zendeskHelpdesk(o: ZendeskHelpdeskOptions) {
  const me = new Map<string, { user: ZendeskUser; at: number }>();

  async function target(storeId: string): Promise<{ target: HelpdeskTarget; credentials: ZendeskCredentials }> {
    const credentials = await o.credentials(storeId);
    if (!credentials) throw new HelpdeskCallError('zendesk', 401, 'Zendesk is not connected for this store');
    return { credentials, target: zendeskTarget(o, credentials) };
  }

  /** The user the credentials act as: the author of every comment Concierge writes (cached briefly). */
  async function agentUser(storeId: string, t: HelpdeskTarget, signal?: AbortSignal): Promise<ZendeskUser & { id: number }> {
    const cacheKey = `${storeId}:${t.baseUrl}:${t.authorization}`;
    const cached = me.get(cacheKey);
    if (cached && Date.now() - cached.at < ME_TTL_MS) return cached.user as ZendeskUser & { id: number };
    const { user } = await helpdeskRequest<{ user: ZendeskUser }>(t, 'GET', '/users/me.json', undefined, signal);
    // Zendesk answers an unauthenticated /users/me with an anonymous user rather than a 401.
    if (!user?.id || user.role === 'end-user') throw new HelpdeskCallError('zendesk', 401, 'Zendesk did not accept the credentials as an agent');
    me.set(cacheKey, { user, at: Date.now() });
    return user as ZendeskUser & { id: number };
  }

  /**
   * Every comment of the ticket, oldest first, with their authors: Zendesk's cursor pagination (`page[size]`, then
   * `links.next` while `meta.has_more`), 100 a page. The whole ticket, not its newest page: the sync takes each
   * comment in once and in order (a requester's burst, a person's takeover between two of theirs), and a retried post
   * is looked for among all of them (docs/adr/0041).
   */
  async function comments(t: HelpdeskTarget, ticketId: string, signal?: AbortSignal): Promise<{ comments: ZendeskComment[]; users: ZendeskUser[] }> {
    const all: ZendeskComment[] = [];
    const users = new Map<number, ZendeskUser>();
    let path = `/tickets/${ticketId}/comments.json?include=users&page%5Bsize%5D=${COMMENTS_PAGE_SIZE}`;
    for (let page = 1; ; page++) {
      const answer = await helpdeskRequest<CommentsPage>(t, 'GET', path, undefined, signal);
      all.push(...(answer.comments ?? []));
      for (const user of answer.users ?? []) if (user.id !== null) users.set(user.id, user);
      const next = answer.meta?.has_more ? answer.links?.next : undefined;
      if (!next) break;
      if (page >= MAX_COMMENT_PAGES) throw new HelpdeskCallError('zendesk', undefined, `Zendesk kept answering more comments after ${page} pages`);
      path = nextPath(t, next, { include: 'users' });
    }
    return { comments: all, users: [...users.values()] };
  }

  /** A post already on the ticket: a public reply by the agent with the same text, or a note with its key. */
  async function existing(t: HelpdeskTarget, ticketId: string, agentId: number, post: HelpdeskPost, signal?: AbortSignal): Promise<string | undefined> {
    const wanted = postedBody(post).trim();
    const found = (await comments(t, ticketId, signal)).comments.find(
      (c) => c.author_id === agentId && c.public === (post.visibility === 'public') && (post.visibility === 'internal' ? (c.body ?? '').includes(MARKER(post.key)) : (c.body ?? '').trim() === wanted),
    );
    return found ? String(found.id) : undefined;
  }

  const commentIdOf = (answer: { audit?: { id?: number; events?: { id: number; type: string }[] } } | undefined) => {
    const event = answer?.audit?.events?.find((e) => e.type === 'Comment');
    return event ? String(event.id) : answer?.audit?.id ? String(answer.audit.id) : null;
  };

  const provider: HelpdeskProvider & { check(storeId: string, signal?: AbortSignal): Promise<string> } = {
    name: 'zendesk',
    async connection(storeId) {
      const credentials = await o.credentials(storeId);
      return credentials ? { mode: credentials.mode ?? 'reply' } : undefined;
    },

    async ticket(storeId, ticketId, signal): Promise<HelpdeskTicket> {
      const { target: t } = await target(storeId);
      const agent = await agentUser(storeId, t, signal);
      const { ticket } = await helpdeskRequest<{ ticket: { id: number; subject?: string | null; requester_id: number; tags?: string[] } }>(t, 'GET', `/tickets/${ticketId}.json`, undefined, signal);
      const page = await comments(t, ticketId, signal);
      const users = new Map(page.users.map((u) => [u.id!, u]));
      const requester = users.get(ticket.requester_id) ?? (await helpdeskRequest<{ user: ZendeskUser }>(t, 'GET', `/users/${ticket.requester_id}.json`, undefined, signal)).user;
      const authorOf = (c: ZendeskComment): HelpdeskComment['author'] => {
        if (c.author_id === agent.id) return 'self';
        if (c.author_id === ticket.requester_id) return 'requester';
        const role = users.get(c.author_id)?.role;
        return role === 'agent' || role === 'admin' ? 'human' : 'other';
      };
      return {
        id: String(ticket.id),
        subject: ticket.subject ?? '',
        requester: { email: requester?.email ?? null, name: requester?.name ?? null },
        tags: ticket.tags ?? [],
        comments: page.comments.map((c) => ({ id: String(c.id), author: authorOf(c), authorId: String(c.author_id), public: c.public, body: c.plain_body ?? c.body ?? '' })),
      };
    },

    async post(storeId, ticketId, post, options) {
      const { target: t } = await target(storeId);
      const agent = await agentUser(storeId, t, options.signal);
      if (options.uncertain) {
        const found = await existing(t, ticketId, agent.id, post, options.signal);
        if (found) return { remoteId: found };
      }
      const answer = await helpdeskRequest<{ audit?: { id?: number; events?: { id: number; type: string }[] } }>(
        t,
        'PUT',
        `/tickets/${ticketId}.json`,
        { ticket: { comment: { body: postedBody(post), public: post.visibility === 'public', author_id: agent.id } } },
        options.signal,
      );
      return { remoteId: commentIdOf(answer) };
    },

    async handoff(storeId, ticketId, note, options) {
      const { target: t, credentials } = await target(storeId);
      const agent = await agentUser(storeId, t, options.signal);
      // One update carries the note, tag, status, assignee and group: found once, all of it is there.
      if (options.uncertain) {
        const found = await existing(t, ticketId, agent.id, { ...note, visibility: 'internal' }, options.signal);
        if (found) return { remoteId: found };
      }
      const answer = await helpdeskRequest<{ audit?: { id?: number; events?: { id: number; type: string }[] } }>(
        t,
        'PUT',
        `/tickets/${ticketId}.json`,
        {
          ticket: {
            comment: { body: postedBody({ ...note, visibility: 'internal' }), public: false, author_id: agent.id },
            status: 'open',
            assignee_id: null,
            additional_tags: [HANDOFF_TAG],
            remove_tags: [HANDBACK_TAG],
            ...(credentials.handoffGroupId ? { group_id: Number(credentials.handoffGroupId) } : {}),
          },
        },
        options.signal,
      );
      return { remoteId: commentIdOf(answer) };
    },

    async handBack(storeId, ticketId, signal) {
      const { target: t } = await target(storeId);
      await helpdeskRequest(t, 'PUT', `/tickets/${ticketId}.json`, { ticket: { remove_tags: [HANDBACK_TAG, HANDOFF_TAG] } }, signal);
    },

    /** The connection test: who the credentials act as. */
    async check(storeId, signal) {
      const { target: t } = await target(storeId);
      for (const key of me.keys()) if (key.startsWith(`${storeId}:`)) me.delete(key); // read afresh
      const agent = await agentUser(storeId, t, signal);
      return `Zendesk accepted the credentials (agent user ${agent.id}, role ${agent.role ?? 'unknown'})`;
    },
  };
  return provider;
}

export type ZendeskHelpdesk = ReturnType<typeof zendeskHelpdesk>;
