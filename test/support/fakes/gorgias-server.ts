import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stateful server on 127.0.0.1 that speaks the part of Gorgias' REST API Concierge uses, as
 * Gorgias documents it: Basic `{email}:{api_key}` per account, `GET /api/tickets?limit=`,
 * `GET /api/tickets/{id}`, `GET /api/tickets/{id}/messages` (`{data, meta}`, cursor pages: `limit` 30 by default and ≤ 100, `cursor`, `meta.next_cursor`),
 * `POST /api/tickets/{id}/messages` (`channel`, `via`, `from_agent` required; `internal-note` for a
 * note; a public message needs a receiver), `PUT /api/tickets/{id}` (`status`, `tags[{name}]`,
 * `assignee_user`, `assignee_team`), HTTP integrations (`GET /api/integrations?type=&limit=&cursor=`, `POST`,
 * `PUT` and `DELETE /api/integrations/{id}`, fired with their form and headers), 401, 404, 400 and 429 with `Retry-after`. Several accounts on
 * one server (told apart by their credentials), faults scripted per request, every request recorded.
 */
export interface GorgiasParty {
  id: number;
  email: string;
  name: string;
}
export interface GorgiasMessage {
  id: number;
  ticket_id: number;
  channel: string;
  via: string;
  from_agent: boolean;
  public: boolean;
  sender: GorgiasParty | { email: string; id?: number };
  receiver?: unknown;
  source?: unknown;
  subject?: string;
  body_text: string;
  body_html?: string;
  stripped_text?: string;
  external_id?: string | null;
}
export interface GorgiasTicket {
  id: number;
  subject: string;
  channel: string;
  status: string;
  customer: GorgiasParty;
  tags: { name: string }[];
  assignee_user: { id: number } | null;
  assignee_team: { id: number } | null;
  messages: GorgiasMessage[];
}
export interface GorgiasAccount {
  domain: string;
  agent: GorgiasParty;
  apiKey: string;
  tickets: Map<number, GorgiasTicket>;
  integrations: Map<number, GorgiasIntegration>;
}
export interface GorgiasIntegration {
  id: number;
  type: string;
  name: string;
  description?: string;
  deactivated_datetime: string | null;
  http: { url: string; method: string; headers: Record<string, string>; form: Record<string, string>; request_content_type: string; response_content_type: string; triggers: Record<string, boolean> };
}
/** `path`: only requests to this path (so a test's fault is not taken by another ticket's request). */
export type GorgiasFault = { method: string; path?: string; status: number; retryAfter?: string };
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
  at: number;
  account: string | undefined;
}

let nextId = 5000;
const id = () => ++nextId;

export interface FakeGorgias {
  baseUrl: string;
  requests: RecordedRequest[];
  faults: GorgiasFault[];
  account(domain: string): GorgiasAccount;
  newTicket(domain: string, customer: { email: string; name: string }, subject: string, body: string): GorgiasTicket;
  message(domain: string, ticketId: number, from: { party: GorgiasParty; agent: boolean }, body: string, channel?: string): GorgiasMessage;
  /** A ticket event as Gorgias sends it: each active HTTP integration with this trigger gets its form, placeholders filled, with its headers. */
  fire(domain: string, ticket: GorgiasTicket, trigger: 'ticket-created' | 'ticket-updated' | 'ticket-message-created'): Promise<{ url: string; status: number }[]>;
  close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

export async function startFakeGorgias(): Promise<FakeGorgias> {
  const accounts = new Map<string, GorgiasAccount>();
  const requests: RecordedRequest[] = [];
  const faults: GorgiasFault[] = [];

  function account(domain: string): GorgiasAccount {
    let found = accounts.get(domain);
    if (!found) {
      found = { domain, agent: { id: id(), email: `concierge@${domain}.example`, name: 'Concierge' }, apiKey: `gk_${domain}_${id()}`, tickets: new Map(), integrations: new Map() };
      accounts.set(domain, found);
    }
    return found;
  }

  const authenticated = (request: IncomingMessage) =>
    [...accounts.values()].find((a) => request.headers.authorization === `Basic ${Buffer.from(`${a.agent.email}:${a.apiKey}`).toString('base64')}`);

  function message(domain: string, ticketId: number, from: { party: GorgiasParty; agent: boolean }, body: string, channel = 'email'): GorgiasMessage {
    const ticket = account(domain).tickets.get(ticketId)!;
    const m: GorgiasMessage = {
      id: id(),
      ticket_id: ticketId,
      channel,
      via: from.agent ? 'helpdesk' : 'email',
      from_agent: from.agent,
      public: channel !== 'internal-note',
      sender: from.party,
      body_text: body,
      stripped_text: body,
      source: from.agent ? undefined : { type: 'email', from: { address: from.party.email }, to: [{ address: `support@${domain}.example` }] },
    };
    ticket.messages.push(m);
    return m;
  }

  const view = (t: GorgiasTicket) => ({ id: t.id, subject: t.subject, channel: t.channel, status: t.status, customer: t.customer, tags: t.tags, assignee_user: t.assignee_user, assignee_team: t.assignee_team });

  async function handle(request: IncomingMessage, response: ServerResponse, record: (status: number, body: unknown, a?: GorgiasAccount) => void) {
    const url = new URL(request.url ?? '/', 'http://x');
    const method = request.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const a = authenticated(request);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record(status, body, a);
      json(response, status, payload, headers);
    };
    if (!a) return send(401, { error: { msg: 'Unauthorized' } });
    const fault = faults.findIndex((f) => f.method === method && (f.path === undefined || f.path === url.pathname));
    if (fault >= 0) {
      const f = faults.splice(fault, 1)[0]!;
      return send(f.status, { error: { msg: f.status === 429 ? 'Too many requests' : 'Server error' } }, f.retryAfter ? { 'retry-after': f.retryAfter } : {});
    }
    const integration = /^\/api\/integrations(?:\/(\d+))?$/.exec(url.pathname);
    if (integration && !integration[1] && method === 'GET') {
      // Cursor pagination: `limit` (≤ 100) and `cursor`, `meta.next_cursor`.
      const all = [...a.integrations.values()].filter((i) => !url.searchParams.get('type') || i.type === url.searchParams.get('type'));
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 30) || 30, 100);
      const start = Number(url.searchParams.get('cursor') ?? 0) || 0;
      return send(200, { data: all.slice(start, start + limit), meta: { next_cursor: start + limit < all.length ? String(start + limit) : null, prev_cursor: null } });
    }
    if (integration && !integration[1] && method === 'POST') {
      const given = body as Partial<GorgiasIntegration> | undefined;
      if (!given?.type || !given.name || (given.type === 'http' && (!given.http?.url || !given.http.method))) return send(400, { error: { msg: 'type, name and http.url are required' } });
      const made = { id: id(), type: given.type, name: given.name, description: given.description ?? '', deactivated_datetime: null, http: given.http! } as GorgiasIntegration;
      a.integrations.set(made.id, made);
      return send(201, made);
    }
    if (integration && integration[1]) {
      const found = a.integrations.get(Number(integration[1]));
      if (!found) return send(404, { error: { msg: 'Integration not found' } });
      if (method === 'PUT') {
        const given = body as Partial<GorgiasIntegration> | undefined;
        Object.assign(found, { ...(given?.name ? { name: given.name } : {}), ...(given?.http ? { http: given.http } : {}), ...(given && 'deactivated_datetime' in given ? { deactivated_datetime: given.deactivated_datetime } : {}) });
        return send(200, found);
      }
      if (method === 'DELETE') {
        a.integrations.delete(found.id);
        record(204, body, a);
        response.writeHead(204).end();
        return;
      }
    }
    if (url.pathname === '/api/tickets' && method === 'GET') return send(200, { data: [...a.tickets.values()].slice(0, Number(url.searchParams.get('limit') ?? 30)).map(view), meta: {} });
    const m = /^\/api\/tickets\/(\d+)(\/messages)?$/.exec(url.pathname);
    const ticket = m ? a.tickets.get(Number(m[1])) : undefined;
    if (!m || !ticket) return send(404, { error: { msg: 'Not found' } });
    if (!m[2] && method === 'GET') return send(200, view(ticket));
    if (m[2] && method === 'GET') {
      // Cursor pagination as Gorgias documents it: `limit` (30 by default, at most 100), `cursor`, `meta.next_cursor`.
      const limit = Number(url.searchParams.get('limit') ?? 30);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return send(400, { error: { msg: 'limit must be between 1 and 100' } });
      const start = url.searchParams.get('cursor') ? Number(Buffer.from(url.searchParams.get('cursor')!, 'base64url').toString()) : 0;
      const page = ticket.messages.slice(start, start + limit);
      const more = start + limit < ticket.messages.length;
      return send(200, { data: page, meta: { next_cursor: more ? Buffer.from(String(start + limit)).toString('base64url') : null, prev_cursor: null } });
    }
    if (m[2] && method === 'POST') {
      if (!body || typeof body.channel !== 'string' || typeof body.via !== 'string' || typeof body.from_agent !== 'boolean' || typeof body.body_text !== 'string')
        return send(400, { error: { msg: 'channel, via, from_agent and a body are required' } });
      const isNote = body.channel === 'internal-note';
      if (!isNote && !body.receiver) return send(400, { error: { msg: 'receiver is required for a public message' } });
      const sender = body.sender as { email?: string } | undefined;
      const made: GorgiasMessage = {
        id: id(),
        ticket_id: ticket.id,
        channel: body.channel,
        via: body.via,
        from_agent: body.from_agent,
        public: !isNote,
        sender: sender?.email === a.agent.email ? a.agent : { email: sender?.email ?? '' },
        receiver: body.receiver,
        source: body.source,
        ...(typeof body.subject === 'string' ? { subject: body.subject } : {}),
        body_text: body.body_text,
        ...(typeof body.body_html === 'string' ? { body_html: body.body_html } : {}),
        external_id: typeof body.external_id === 'string' ? body.external_id : null,
      };
      ticket.messages.push(made);
      return send(201, made);
    }
    if (!m[2] && method === 'PUT') {
      if (!body) return send(400, { error: { msg: 'a body is required' } });
      if (typeof body.status === 'string') ticket.status = body.status;
      if (Array.isArray(body.tags)) ticket.tags = (body.tags as { name: string }[]).map((tag) => ({ name: tag.name }));
      if ('assignee_user' in body) ticket.assignee_user = body.assignee_user as { id: number } | null;
      if ('assignee_team' in body) ticket.assignee_team = body.assignee_team as { id: number } | null;
      return send(202, view(ticket));
    }
    return send(405, { error: { msg: 'Method not allowed' } });
  }

  const server: Server = createServer((request, response) => {
    const at = Date.now();
    const record = (status: number, body: unknown, a?: GorgiasAccount) => requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', status, body, at, account: a?.domain });
    handle(request, response, record).catch((error: unknown) => {
      record(500, String(error));
      json(response, 500, { error: { msg: String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    faults,
    account,
    message,
    newTicket(domain, customer, subject, body) {
      const a = account(domain);
      const party = { id: id(), ...customer };
      const ticket: GorgiasTicket = { id: id(), subject, channel: 'email', status: 'open', customer: party, tags: [], assignee_user: { id: a.agent.id }, assignee_team: null, messages: [] };
      a.tickets.set(ticket.id, ticket);
      message(domain, ticket.id, { party, agent: false }, body);
      return ticket;
    },
    async fire(domain, ticket, trigger) {
      const sent: { url: string; status: number }[] = [];
      const last = ticket.messages.at(-1);
      const fill = (template: string) =>
        template.replaceAll('{{ticket.id}}', String(ticket.id)).replaceAll('{{message.id}}', String(last?.id ?? '')).replaceAll('{{ticket.updated_datetime}}', `${ticket.messages.length}:${ticket.tags.map((t) => t.name).join(',')}`);
      for (const integration of account(domain).integrations.values()) {
        if (integration.type !== 'http' || integration.deactivated_datetime || !integration.http.triggers[trigger]) continue;
        const form = Object.fromEntries(Object.entries(integration.http.form).map(([key, value]) => [key, fill(value)]));
        const answer = await fetch(integration.http.url, { method: integration.http.method, headers: { 'content-type': integration.http.request_content_type, ...integration.http.headers }, body: JSON.stringify(form) });
        await answer.arrayBuffer();
        sent.push({ url: integration.http.url, status: answer.status });
      }
      return sent;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
