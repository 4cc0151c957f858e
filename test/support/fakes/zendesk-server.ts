import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stateful server on 127.0.0.1 that speaks the part of Zendesk Support's REST API (v2) Concierge
 * uses, as Zendesk documents it: Basic `{email}/token:{api_token}` or an OAuth bearer per account,
 * `GET /api/v2/users/me.json` (an anonymous user without valid credentials, as Zendesk answers),
 * `GET /api/v2/users/{id}.json`, `GET /api/v2/tickets/{id}.json`,
 * `GET /api/v2/tickets/{id}/comments.json?include=users` (users side-loaded, for the page's authors; offset
 * pagination by default, 100 a page, and cursor pagination with `page[size]` ≤ 100: `page[after]`, `meta.has_more`,
 * `meta.after_cursor`, `links.next`; `sort_order=desc`),
 * `PUT /api/v2/tickets/{id}.json` with `comment{body, public, author_id}`, `status`, `assignee_id`,
 * `group_id`, `additional_tags`, `remove_tags` (answering the ticket and its audit), 401, 404,
 * 422, and 429 with Retry-After. Several accounts on one server (told apart by their credentials),
 * faults scripted per request, every request recorded.
 */
export interface ZendeskUser {
  id: number;
  role: 'end-user' | 'agent' | 'admin';
  email: string;
  name: string;
}
export interface ZendeskComment {
  id: number;
  author_id: number;
  body: string;
  public: boolean;
}
export interface ZendeskTicket {
  id: number;
  subject: string;
  requester_id: number;
  status: string;
  tags: string[];
  group_id: number | null;
  assignee_id: number | null;
  comments: ZendeskComment[];
}
export interface ZendeskAccount {
  subdomain: string;
  agent: ZendeskUser;
  apiToken: string;
  oauthToken: string;
  users: Map<number, ZendeskUser>;
  tickets: Map<number, ZendeskTicket>;
  webhooks: Map<string, ZendeskWebhook>;
  triggers: Map<number, ZendeskTrigger>;
}
export interface ZendeskWebhook {
  id: string;
  name: string;
  endpoint: string;
  http_method: string;
  request_format: string;
  status: string;
  subscriptions: string[];
  secret: string;
}
export interface ZendeskTrigger {
  id: number;
  title: string;
  active: boolean;
  conditions: { all: unknown[]; any: unknown[] };
  actions: { field: string; value: unknown }[];
}
/** `afterApply`: the update is applied and then answered with the status (an outcome the client cannot know). */
export type ZendeskFault = { method: string; path?: string; status: number; retryAfter?: string; afterApply?: boolean };
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
  at: number;
  account: string | undefined;
}

let nextId = 1000;
const id = () => ++nextId;

export interface FakeZendesk {
  baseUrl: string;
  requests: RecordedRequest[];
  faults: ZendeskFault[];
  account(subdomain: string): ZendeskAccount;
  /** A new ticket written by an end user (created if unknown); returns the ticket. */
  newTicket(subdomain: string, requester: { email: string; name: string }, subject: string, body: string): ZendeskTicket;
  comment(subdomain: string, ticketId: number, authorId: number, body: string, isPublic?: boolean): ZendeskComment;
  addUser(subdomain: string, role: ZendeskUser['role'], email: string, name: string): ZendeskUser;
  /** Runs the account's active triggers on a ticket change as Zendesk does: each `notification_webhook` action's body, its placeholders filled, POSTed signed to its webhook. */
  fire(subdomain: string, ticket: ZendeskTicket): Promise<{ endpoint: string; status: number }[]>;
  close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
};

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/** Signs a webhook body as Zendesk does: base64(HMAC-SHA256(secret, timestamp + body)). */
export function zendeskWebhookHeaders(secret: string, body: string, timestamp = new Date().toISOString()): Record<string, string> {
  const signature = createHmac('sha256', secret).update(timestamp + body).digest('base64');
  return { 'content-type': 'application/json', 'x-zendesk-webhook-signature': signature, 'x-zendesk-webhook-signature-timestamp': timestamp };
}

export async function startFakeZendesk(): Promise<FakeZendesk> {
  const accounts = new Map<string, ZendeskAccount>();
  const requests: RecordedRequest[] = [];
  const faults: ZendeskFault[] = [];
  let baseUrl = '';

  function account(subdomain: string): ZendeskAccount {
    let found = accounts.get(subdomain);
    if (!found) {
      const agent: ZendeskUser = { id: id(), role: 'agent', email: `concierge@${subdomain}.example`, name: 'Concierge' };
      found = { subdomain, agent, apiToken: `tok_${subdomain}_${id()}`, oauthToken: `oauth_${subdomain}_${id()}`, users: new Map([[agent.id, agent]]), tickets: new Map(), webhooks: new Map(), triggers: new Map() };
      accounts.set(subdomain, found);
    }
    return found;
  }

  function authenticated(request: IncomingMessage): ZendeskAccount | undefined {
    const header = request.headers.authorization ?? '';
    for (const a of accounts.values()) {
      if (header === `Basic ${Buffer.from(`${a.agent.email}/token:${a.apiToken}`).toString('base64')}` || header === `Bearer ${a.oauthToken}`) return a;
    }
    return undefined;
  }

  function addUser(subdomain: string, role: ZendeskUser['role'], email: string, name: string): ZendeskUser {
    const a = account(subdomain);
    const existing = [...a.users.values()].find((u) => u.email === email);
    if (existing) return existing;
    const user: ZendeskUser = { id: id(), role, email, name };
    a.users.set(user.id, user);
    return user;
  }

  function comment(subdomain: string, ticketId: number, authorId: number, body: string, isPublic = true): ZendeskComment {
    const ticket = account(subdomain).tickets.get(ticketId)!;
    const c = { id: id(), author_id: authorId, body, public: isPublic };
    ticket.comments.push(c);
    return c;
  }

  function apply(a: ZendeskAccount, ticket: ZendeskTicket, update: Record<string, unknown>) {
    const events: { id: number; type: string }[] = [];
    const c = update.comment as { body?: string; public?: boolean; author_id?: number } | undefined;
    if (c) {
      const made = comment(a.subdomain, ticket.id, c.author_id ?? a.agent.id, c.body!, c.public !== false);
      events.push({ id: made.id, type: 'Comment' });
    }
    if (typeof update.status === 'string') ticket.status = update.status;
    if ('assignee_id' in update) ticket.assignee_id = update.assignee_id as number | null;
    if ('group_id' in update) ticket.group_id = update.group_id as number | null;
    if (Array.isArray(update.tags)) ticket.tags = [...(update.tags as string[])];
    for (const tag of (update.additional_tags as string[] | undefined) ?? []) if (!ticket.tags.includes(tag)) ticket.tags.push(tag);
    ticket.tags = ticket.tags.filter((tag) => !((update.remove_tags as string[] | undefined) ?? []).includes(tag));
    return { ticket: view(ticket), audit: { id: id(), ticket_id: ticket.id, events } };
  }

  const view = (t: ZendeskTicket) => ({ id: t.id, subject: t.subject, requester_id: t.requester_id, status: t.status, tags: t.tags, group_id: t.group_id, assignee_id: t.assignee_id });

  async function handle(request: IncomingMessage, response: ServerResponse, record: (status: number, body: unknown, a?: ZendeskAccount) => void) {
    const url = new URL(request.url ?? '/', 'http://x');
    const method = request.method ?? 'GET';
    const body = method === 'PUT' || method === 'POST' ? await readBody(request) : undefined;
    if (method === 'DELETE') await readBody(request);
    const a = authenticated(request);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record(status, body, a);
      json(response, status, payload, headers);
    };
    if (url.pathname === '/api/v2/users/me.json' && method === 'GET') {
      // Zendesk's own behaviour: without valid credentials, the anonymous user, not a 401.
      return send(200, { user: a ? a.agent : { id: null, name: 'Anonymous user', role: 'end-user', email: 'invalid@example.com' } });
    }
    if (!a) return send(401, { error: "Couldn't authenticate you" });
    const fault = faults.findIndex((f) => f.method === method && (f.path === undefined || f.path === url.pathname));
    if (fault >= 0 && !faults[fault]!.afterApply) {
      const f = faults.splice(fault, 1)[0]!;
      return send(f.status, f.status === 429 ? { error: 'TooManyRequests' } : { error: 'InternalError' }, f.retryAfter ? { 'retry-after': f.retryAfter } : {});
    }
    const admin = a.agent.role === 'admin';
    const cursorPage = <T,>(items: T[], key: string) => {
      const size = Math.min(Number(url.searchParams.get('page[size]') ?? 100) || 100, 100);
      const after = url.searchParams.get('page[after]');
      const start = after ? Number(Buffer.from(after, 'base64url').toString()) + 1 : 0;
      const slice = items.slice(start, start + size);
      const hasMore = start + size < items.length;
      const cursor = Buffer.from(String(start + slice.length - 1)).toString('base64url');
      const next = new URL(url.pathname, baseUrl);
      next.searchParams.set('page[size]', String(size));
      next.searchParams.set('page[after]', cursor);
      return { [key]: slice, meta: { has_more: hasMore, after_cursor: slice.length ? cursor : null }, links: { next: hasMore ? next.toString() : null } };
    };
    const hook = /^\/api\/v2\/webhooks(?:\/([^/]+))?(\/signing_secret)?$/.exec(url.pathname);
    const rule = /^\/api\/v2\/triggers(?:\/(\d+))?\.json$/.exec(url.pathname);
    // Webhooks and triggers: admins only, as Zendesk has it.
    if ((hook || rule) && !admin) return send(403, { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' });
    if (hook && !hook[1] && method === 'GET') return send(200, cursorPage([...a.webhooks.values()].map(({ secret: _s, ...w }) => w), 'webhooks'));
    if (hook && !hook[1] && method === 'POST') {
      const w = (body as { webhook?: Partial<ZendeskWebhook> } | undefined)?.webhook;
      if (!w?.name || !w.endpoint || !w.http_method || !w.request_format || !w.status) return send(400, { errors: [{ code: 'InvalidInput', title: 'name, endpoint, http_method, request_format and status are required' }] });
      const made: ZendeskWebhook = { id: `01H${String(id()).padStart(23, '0')}`, name: w.name, endpoint: w.endpoint, http_method: w.http_method, request_format: w.request_format, status: w.status, subscriptions: w.subscriptions ?? [], secret: `zd_whsec_${Buffer.from(String(Math.random())).toString('base64url')}` };
      a.webhooks.set(made.id, made);
      const { secret: _s, ...shown } = made;
      return send(201, { webhook: shown });
    }
    if (hook && hook[1]) {
      const w = a.webhooks.get(decodeURIComponent(hook[1]));
      if (!w) return send(404, { errors: [{ code: 'WebhookNotFound', title: 'Webhook not found' }] });
      if (hook[2] && method === 'GET') return send(200, { signing_secret: { algorithm: 'SHA256', secret: w.secret } });
      if (!hook[2] && method === 'DELETE') {
        if ([...a.triggers.values()].some((t) => t.actions.some((x) => x.field === 'notification_webhook' && Array.isArray(x.value) && x.value[0] === w.id)))
          return send(400, { errors: [{ code: 'WebhookInUse', title: 'The webhook is used by a trigger or automation' }] });
        a.webhooks.delete(w.id);
        record(204, body, a);
        response.writeHead(204).end();
        return;
      }
    }
    if (rule && !rule[1] && method === 'GET') return send(200, cursorPage([...a.triggers.values()], 'triggers'));
    if (rule && !rule[1] && method === 'POST') {
      const t = (body as { trigger?: Partial<ZendeskTrigger> } | undefined)?.trigger;
      const webhookAction = t?.actions?.find((x) => x.field === 'notification_webhook');
      const target = Array.isArray(webhookAction?.value) ? a.webhooks.get(String(webhookAction.value[0])) : undefined;
      if (!t?.title || !t.conditions || !t.actions?.length || (webhookAction && (!target || typeof (webhookAction.value as unknown[])[1] !== 'string')))
        return send(422, { error: 'RecordInvalid', description: 'Record validation errors', details: { base: [{ description: 'Invalid trigger' }] } });
      const made: ZendeskTrigger = { id: id(), title: t.title, active: t.active !== false, conditions: t.conditions, actions: t.actions };
      a.triggers.set(made.id, made);
      return send(201, { trigger: made });
    }
    if (rule && rule[1] && method === 'DELETE') {
      if (!a.triggers.delete(Number(rule[1]))) return send(404, { error: 'RecordNotFound' });
      record(204, body, a);
      response.writeHead(204).end();
      return;
    }
    let m = /^\/api\/v2\/users\/(\d+)\.json$/.exec(url.pathname);
    if (m && method === 'GET') {
      const user = a.users.get(Number(m[1]));
      return user ? send(200, { user }) : send(404, { error: 'RecordNotFound' });
    }
    m = /^\/api\/v2\/tickets\/(\d+)(\/comments)?\.json$/.exec(url.pathname);
    const ticket = m ? a.tickets.get(Number(m[1])) : undefined;
    if (m && !ticket) return send(404, { error: 'RecordNotFound', description: 'Not found' });
    if (m && ticket && m[2] && method === 'GET') {
      const ordered = url.searchParams.get('sort_order') === 'desc' ? ticket.comments.slice().reverse() : ticket.comments;
      const sized = url.searchParams.get('page[size]');
      let slice: ZendeskComment[];
      let paging: Record<string, unknown>;
      const link = (params: Record<string, string>) => {
        const next = new URL(url.pathname, baseUrl);
        for (const [key, value] of url.searchParams) if (!key.startsWith('page')) next.searchParams.set(key, value);
        for (const [key, value] of Object.entries(params)) next.searchParams.set(key, value);
        return next.toString();
      };
      if (sized !== null) {
        // Cursor pagination: page[size] ≤ 100, page[after] the cursor of the previous page's last item.
        const size = Number(sized);
        if (!Number.isInteger(size) || size < 1 || size > 100) return send(400, { error: 'InvalidPaginationParameter', description: 'page[size] must be between 1 and 100' });
        const after = url.searchParams.get('page[after]');
        const start = after ? Number(Buffer.from(after, 'base64url').toString()) + 1 : 0;
        slice = ordered.slice(start, start + size);
        const hasMore = start + size < ordered.length;
        const cursor = (index: number) => Buffer.from(String(index)).toString('base64url');
        paging = {
          meta: { has_more: hasMore, after_cursor: slice.length ? cursor(start + slice.length - 1) : null, before_cursor: slice.length ? cursor(start) : null },
          links: { next: hasMore ? link({ 'page[size]': String(size), 'page[after]': cursor(start + slice.length - 1) }) : null, prev: start > 0 ? link({ 'page[size]': String(size), 'page[before]': cursor(start) }) : null },
        };
      } else {
        // Offset pagination, Zendesk's default when page[size] is absent: 100 a page.
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 100) || 100, 100);
        const pageNumber = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
        slice = ordered.slice((pageNumber - 1) * perPage, pageNumber * perPage);
        paging = { next_page: pageNumber * perPage < ordered.length ? link({ page: String(pageNumber + 1), per_page: String(perPage) }) : null, previous_page: pageNumber > 1 ? link({ page: String(pageNumber - 1), per_page: String(perPage) }) : null, count: ordered.length };
      }
      const users = url.searchParams.get('include') === 'users' ? [...new Set(slice.map((c) => c.author_id))].map((uid) => a.users.get(uid)).filter(Boolean) : undefined;
      return send(200, { comments: slice.map((c) => ({ ...c, type: 'Comment', plain_body: c.body, html_body: `<p>${c.body}</p>` })), ...(users ? { users } : {}), ...paging });
    }
    if (m && ticket && !m[2] && method === 'GET') return send(200, { ticket: view(ticket) });
    if (m && ticket && !m[2] && method === 'PUT') {
      const update = (body as { ticket?: Record<string, unknown> } | undefined)?.ticket;
      const c = update?.comment as { body?: unknown } | undefined;
      if (!update || (c && (typeof c.body !== 'string' || !c.body.trim()))) return send(422, { error: 'RecordInvalid', description: 'Record validation errors', details: { base: [{ description: 'Comment: body cannot be blank' }] } });
      const answer = apply(a, ticket, update);
      if (fault >= 0) {
        const f = faults.splice(fault, 1)[0]!;
        return send(f.status, { error: 'InternalError' });
      }
      return send(200, answer);
    }
    return send(404, { error: 'InvalidEndpoint' });
  }

  const server: Server = createServer((request, response) => {
    const at = Date.now();
    const path = request.url ?? '/';
    const record = (status: number, body: unknown, a?: ZendeskAccount) => requests.push({ method: request.method ?? 'GET', path, status, body, at, account: a?.subdomain });
    handle(request, response, record).catch((error: unknown) => {
      record(500, String(error));
      json(response, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    requests,
    faults,
    account,
    addUser,
    comment,
    newTicket(subdomain, requester, subject, body) {
      const a = account(subdomain);
      const user = addUser(subdomain, 'end-user', requester.email, requester.name);
      const ticket: ZendeskTicket = { id: id(), subject, requester_id: user.id, status: 'new', tags: [], group_id: null, assignee_id: null, comments: [] };
      a.tickets.set(ticket.id, ticket);
      comment(subdomain, ticket.id, user.id, body);
      return ticket;
    },
    async fire(subdomain, ticket) {
      const a = account(subdomain);
      const fill = (template: string) =>
        template
          .replaceAll('{{ticket.id}}', String(ticket.id))
          .replaceAll('{{ticket.latest_comment.id}}', String(ticket.comments.at(-1)?.id ?? ''))
          .replaceAll('{{ticket.updated_at_with_timestamp}}', `${ticket.comments.length}:${ticket.tags.join(',')}`);
      const sent: { endpoint: string; status: number }[] = [];
      for (const trigger of a.triggers.values()) {
        if (!trigger.active) continue;
        for (const action of trigger.actions) {
          if (action.field !== 'notification_webhook' || !Array.isArray(action.value)) continue;
          const webhook = a.webhooks.get(String(action.value[0]));
          if (!webhook || webhook.status !== 'active') continue;
          const payload = fill(String(action.value[1]));
          const answer = await fetch(webhook.endpoint, { method: webhook.http_method, headers: zendeskWebhookHeaders(webhook.secret, payload), body: payload });
          await answer.arrayBuffer();
          sent.push({ endpoint: webhook.endpoint, status: answer.status });
        }
      }
      return sent;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
