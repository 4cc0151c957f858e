import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFormBody } from './form-body';

/**
 * A stateful server on 127.0.0.1 that speaks the part of Stripe's REST API Concierge uses, as
 * Stripe documents it: Bearer auth, form-encoded bodies, `Idempotency-Key` (the first status and
 * body replayed for the same key, 500s included; other parameters → 400 idempotency_error; the
 * same key while the first is in flight → 409), errors as `{error:{type, code, message}}`, 429
 * with `Retry-After`. Faults are scripted per request: a status, or a slow answer (the work is
 * done, the answer comes late: what a client timeout looks like from the other side).
 */
export type StripeFault = { status: number; retryAfter?: string; type?: string } | { delayMs: number };

interface PaymentIntent {
  id: string;
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  amount_refunded: number;
}

interface StoredAnswer {
  paramsHash: string;
  status: number;
  body: unknown;
  done: boolean;
}

export interface FakeStripe {
  url: string;
  port: number;
  secretKey: string;
  addPaymentIntent(input: { amount: number; currency: string; metadata: Record<string, string> }): PaymentIntent;
  refunds: Map<string, Record<string, unknown>>;
  /** Requests as received: method, path, idempotency key. */
  requests: { method: string; path: string; idempotencyKey: string | undefined; status: number }[];
  /** Faults for the next requests, in order (each used once). */
  faults: StripeFault[];
  /** The status new refunds are created with. */
  refundStatus: 'succeeded' | 'pending';
  close(): Promise<void>;
}

const stripeError = (type: string, message: string, code?: string) => ({ error: { type, message, ...(code ? { code } : {}) } });

export async function startFakeStripe(options: { secretKey?: string } = {}): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? `sk_test_${randomBytes(12).toString('hex')}`;
  const intents = new Map<string, PaymentIntent>();
  const refunds = new Map<string, Record<string, unknown>>();
  const answers = new Map<string, StoredAnswer>();
  const requests: FakeStripe['requests'] = [];
  const state = { faults: [] as StripeFault[], refundStatus: 'succeeded' as 'succeeded' | 'pending' };

  function createRefund(params: Record<string, unknown>): [number, unknown] {
    const intent = intents.get(String(params.payment_intent ?? ''));
    if (!intent) return [404, stripeError('invalid_request_error', `No such payment_intent: '${String(params.payment_intent)}'`, 'resource_missing')];
    const remaining = intent.amount - intent.amount_refunded;
    const amount = params.amount === undefined ? remaining : Number(params.amount);
    if (!Number.isInteger(amount) || amount <= 0) return [400, stripeError('invalid_request_error', 'Invalid positive integer', 'parameter_invalid_integer')];
    if (remaining <= 0) return [400, stripeError('invalid_request_error', `Charge for ${intent.id} has already been refunded.`, 'charge_already_refunded')];
    if (amount > remaining) return [400, stripeError('invalid_request_error', `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, 'amount_too_large')];
    intent.amount_refunded += amount;
    const refund = {
      id: `re_${randomBytes(12).toString('hex')}`,
      object: 'refund',
      amount,
      currency: intent.currency,
      payment_intent: intent.id,
      charge: `ch_${intent.id.slice(3)}`,
      reason: params.reason ?? null,
      metadata: (params.metadata as Record<string, string>) ?? {},
      status: state.refundStatus,
      failure_reason: null,
      created: Math.floor(Date.now() / 1000),
    };
    refunds.set(refund.id, refund);
    return [200, refund];
  }

  function searchIntents(query: string): [number, unknown] {
    // metadata['key']:'value' — the one form of Stripe's search query language Concierge uses.
    const match = /^metadata\['([^']+)'\]:'([^']*)'$/.exec(query.trim());
    if (!match) return [400, stripeError('invalid_request_error', 'Unsupported search query', 'parameter_invalid_string')];
    const data = [...intents.values()].filter((i) => i.metadata[match[1]!] === match[2]);
    return [200, { object: 'search_result', data, has_more: false, url: '/v1/payment_intents/search' }];
  }

  function route(method: string, url: URL, params: Record<string, unknown>): [number, unknown] {
    if (method === 'POST' && url.pathname === '/v1/refunds') return createRefund(params);
    if (method === 'GET' && url.pathname === '/v1/balance') return [200, { object: 'balance', livemode: false, available: [{ amount: 0, currency: 'usd' }], pending: [] }];
    if (method === 'GET' && url.pathname === '/v1/payment_intents/search') return searchIntents(url.searchParams.get('query') ?? '');
    const one = /^\/v1\/refunds\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && one) {
      const refund = refunds.get(one[1]!);
      return refund ? [200, refund] : [404, stripeError('invalid_request_error', `No such refund: '${one[1]}'`, 'resource_missing')];
    }
    if (method === 'GET' && url.pathname === '/v1/refunds') {
      const pi = url.searchParams.get('payment_intent');
      return [200, { object: 'list', data: [...refunds.values()].filter((r) => !pi || r.payment_intent === pi), has_more: false }];
    }
    return [404, stripeError('invalid_request_error', `Unrecognized request URL (${method}: ${url.pathname})`)];
  }

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = req.headers['idempotency-key'] as string | undefined;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      requests.push({ method: req.method!, path: url.pathname, idempotencyKey: key, status });
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}`, ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${secretKey}`) return send(401, stripeError('invalid_request_error', 'Invalid API Key provided'));
    if (req.method === 'POST' && !String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return send(400, stripeError('invalid_request_error', 'Content-Type must be application/x-www-form-urlencoded'));
    const fault = state.faults.shift();
    if (fault && 'status' in fault) return send(fault.status, stripeError(fault.type ?? (fault.status === 429 ? 'invalid_request_error' : 'api_error'), fault.status === 429 ? 'Too many requests' : 'An unknown error occurred', fault.status === 429 ? 'rate_limit' : undefined), fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    const params = req.method === 'POST' ? parseFormBody(raw) : {};
    const paramsHash = createHash('sha256').update(`${req.method} ${url.pathname} ${raw}`).digest('hex');
    if (key && req.method === 'POST') {
      const earlier = answers.get(key);
      if (earlier && !earlier.done) return send(409, stripeError('idempotency_error', 'There is currently another in-progress request using this Idempotent Key.', 'idempotency_key_in_use'));
      if (earlier && earlier.paramsHash !== paramsHash) return send(400, stripeError('idempotency_error', 'Keys for idempotent requests can only be used with the same parameters they were first used with.'));
      if (earlier) return send(earlier.status, earlier.body, { 'idempotent-replayed': 'true' });
    }
    const entry: StoredAnswer | undefined = key && req.method === 'POST' ? { paramsHash, status: 0, body: null, done: false } : undefined;
    if (entry) answers.set(key!, entry);
    const [status, body] = route(req.method!, url, params);
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (entry) Object.assign(entry, { status, body, done: true });
    if (!res.destroyed) send(status, body);
    else requests.push({ method: req.method!, path: url.pathname, idempotencyKey: key, status: -1 });
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    secretKey,
    addPaymentIntent(input) {
      const intent = { id: `pi_${randomBytes(12).toString('hex')}`, amount: input.amount, currency: input.currency, metadata: input.metadata, amount_refunded: 0 };
      intents.set(intent.id, intent);
      return intent;
    },
    refunds,
    requests,
    get faults() {
      return state.faults;
    },
    set faults(value) {
      state.faults = value;
    },
    get refundStatus() {
      return state.refundStatus;
    },
    set refundStatus(value) {
      state.refundStatus = value;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
