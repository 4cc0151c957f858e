import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, Kind, parse, validate, visit, type DocumentNode, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { FetchApi } from '../admin-transport';
import { fakeAdminSchema } from './fake-schema';
import { presentReverseDelivery, type FakeShop } from './fake-shop';

/** A fault the next matching request meets. */
export type Fault =
  | { kind: 'http'; status: number; retryAfter?: string }
  | { kind: 'throttled' }
  /** The request is carried out, but the answer comes after `ms` (past the client's timeout). */
  | { kind: 'slow'; ms: number };

interface Bucket { maximumAvailable: number; restoreRate: number; available: number; at: number }

export interface RequestLogEntry { operation: string; fields: string[]; status: number; throttled: boolean; idempotencyKey: string | null; at: number; replayed: boolean }

const parseQueryString = (query: string | undefined) => {
  const terms: { field: string; op: string; value: string }[] = [];
  for (const m of (query ?? '').matchAll(/(\w+):(>=|<=|>|<)?("(?:[^"\\]|\\.)*"|'[^']*'|[^\s()]+)/g)) {
    const raw = m[3]!;
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.startsWith("'") ? raw.slice(1, -1) : raw;
    terms.push({ field: m[1]!, op: m[2] ?? ':', value });
  }
  return terms;
};

const numericId = (gid: string | null) => (gid ? gid.split('/').pop()! : '');

/**
 * A local server that speaks Shopify's Admin GraphQL protocol for one shop: the path with the API
 * version, the X-Shopify-Access-Token header, GraphQL documents parsed, validated against the schema
 * subset and executed, `extensions.cost` with a leaky bucket, THROTTLED errors, `@idempotent`
 * mutations, and injectable faults (429 with Retry-After, 5xx, slow answers). Also the OAuth
 * access-token exchange.
 */
export class FakeAdminServer {
  readonly log: RequestLogEntry[] = [];
  private readonly faults: { fault: Fault; match?: string }[] = [];
  private readonly idempotent = new Map<string, ExecutionResult>();
  private server: Server | undefined;
  bucket: Bucket = { maximumAvailable: 2000, restoreRate: 100, available: 2000, at: Date.now() };
  /** OAuth: the codes this shop will exchange for the token. */
  readonly oauthCodes = new Map<string, string>();

  constructor(
    readonly shop: FakeShop,
    readonly accessToken: string,
    readonly app: { clientId: string; clientSecret: string } = { clientId: 'client-id', clientSecret: 'client-secret' },
  ) {}

  /** The next request whose operation includes `match` (or any) meets `fault`. */
  inject(fault: Fault, match?: string): void {
    this.faults.push({ fault, ...(match ? { match } : {}) });
  }

  setBucket(maximumAvailable: number, restoreRate: number, available = maximumAvailable): void {
    this.bucket = { maximumAvailable, restoreRate, available, at: Date.now() };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A fetch for the official client: https://<shop>.myshopify.com/… is sent to this server instead. */
  fetchApi(origin: string): FetchApi {
    return (url, init) => fetch(url.replace(/^https:\/\/[^/]+/, origin), init);
  }

  /** Executions of a mutation field that changed something (replays of an idempotent key are not counted). */
  executed(field: string): number {
    return this.log.filter((e) => e.fields.includes(field) && e.status === 200 && !e.throttled && !e.replayed).length;
  }

  private available(): number {
    const now = Date.now();
    this.bucket.available = Math.min(this.bucket.maximumAvailable, this.bucket.available + (this.bucket.restoreRate * (now - this.bucket.at)) / 1000);
    this.bucket.at = now;
    return this.bucket.available;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.method === 'POST' && req.url === '/admin/oauth/access_token') return this.exchangeCode(body, send);
    if (req.method !== 'POST' || !/^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/.test(req.url ?? '')) return send(404, { errors: 'Not Found' });
    if (req.headers['x-shopify-access-token'] !== this.accessToken) return send(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });

    let document: DocumentNode;
    let variables: Record<string, unknown>;
    try {
      const parsed = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      document = parse(parsed.query);
      variables = parsed.variables ?? {};
    } catch (error) {
      return send(400, { errors: [{ message: `Parse error: ${(error as Error).message}` }] });
    }
    const invalid = validate(fakeAdminSchema, document);
    if (invalid.length > 0) return send(200, { errors: invalid.map((e) => ({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) });

    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
    let idempotencyKey: string | null = null;
    visit(document, { Directive: (node) => void (node.name.value === 'idempotent' && node.arguments?.[0]?.value.kind === Kind.STRING && (idempotencyKey = node.arguments[0].value.value)) });
    const entry: RequestLogEntry = { operation: operation.name?.value ?? '', fields, status: 200, throttled: false, idempotencyKey, at: Date.now(), replayed: false };
    this.log.push(entry);

    const faultIndex = this.faults.findIndex((f) => !f.match || entry.operation.includes(f.match) || fields.includes(f.match));
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0]!.fault : undefined;
    if (fault?.kind === 'http') {
      entry.status = fault.status;
      return send(fault.status, { errors: fault.status === 429 ? 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' : 'Internal Server Error' }, fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
    }

    const requested = this.cost(document, operation);
    const throttleStatus = () => ({ maximumAvailable: this.bucket.maximumAvailable, currentlyAvailable: Math.floor(this.bucket.available), restoreRate: this.bucket.restoreRate });
    if (fault?.kind === 'throttled' || requested > this.available()) {
      entry.throttled = true;
      return send(200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus() } } });
    }
    this.bucket.available -= requested;

    let result: ExecutionResult;
    const missingKey = fields.includes('refundCreate') && !idempotencyKey;
    if (missingKey) result = { errors: [{ message: 'The @idempotent directive is required for this mutation.', extensions: { code: 'BAD_REQUEST' } }] as never };
    else if (idempotencyKey && this.idempotent.has(idempotencyKey)) {
      result = this.idempotent.get(idempotencyKey)!;
      entry.replayed = true;
    } else {
      result = await execute({ schema: fakeAdminSchema, document, variableValues: variables, rootValue: this.root() });
      if (idempotencyKey) this.idempotent.set(idempotencyKey, result);
    }
    const payload = { ...result, extensions: { cost: { requestedQueryCost: requested, actualQueryCost: requested, throttleStatus: throttleStatus() } } };
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (!res.destroyed) send(200, payload);
  }

  /** Shopify's query cost, roughly: a point per object field, `first` times for connections, 10 for a mutation. */
  private cost(document: DocumentNode, operation: OperationDefinitionNode): number {
    let cost = operation.operation === 'mutation' ? 10 : 1;
    visit(document, {
      Field(node) {
        const first = node.arguments?.find((a) => a.name.value === 'first');
        if (first && first.value.kind === Kind.INT) cost += Math.min(Number(first.value.value), 10);
        else if (node.selectionSet) cost += 1;
      },
    });
    return cost;
  }

  private exchangeCode(body: string, send: (status: number, payload: unknown) => void): void {
    const input = JSON.parse(body || '{}') as { client_id?: string; client_secret?: string; code?: string };
    if (input.client_id !== this.app.clientId || input.client_secret !== this.app.clientSecret) return send(400, { error: 'invalid_client' });
    const token = input.code ? this.oauthCodes.get(input.code) : undefined;
    if (!token) return send(400, { error: 'invalid_request', error_description: 'The authorization code was not found or was already used' });
    this.oauthCodes.delete(input.code!);
    send(200, { access_token: token, scope: this.shop.grantedScopes.join(',') });
  }

  private root() {
    const shop = this.shop;
    // Shopify's values for fulfillment_status; several terms of it are read as one OR group.
    const FULFILLMENT_FILTER: Record<string, string[]> = { shipped: ['FULFILLED'], partial: ['PARTIALLY_FULFILLED'], unshipped: ['UNFULFILLED'], unfulfilled: ['UNFULFILLED', 'PARTIALLY_FULFILLED'], any: ['FULFILLED', 'PARTIALLY_FULFILLED', 'UNFULFILLED'] };
    const ordersMatching = (query: string | undefined) => {
      const terms = parseQueryString(query);
      const fulfilment = terms.filter((t) => t.field === 'fulfillment_status').flatMap((t) => FULFILLMENT_FILTER[t.value] ?? []);
      return [...shop.orders.values()].filter((o) =>
        (fulfilment.length === 0 || fulfilment.includes(o.fulfillment)) &&
        terms.every((t) => {
          if (t.field === 'status') return t.value === 'open' ? o.cancelledAt === null : true;
          if (t.field === 'created_at' && t.op === '>=') return o.createdAt >= t.value;
          if (t.field === 'name') return o.name === (t.value.startsWith('#') ? t.value : `#${t.value}`);
          if (t.field === 'email') return (o.email ?? '').toLowerCase() === t.value.toLowerCase();
          if (t.field === 'customer_id') return numericId(o.customerId) === t.value;
          return true;
        }),
      );
    };
    return {
      order: ({ id }: { id: string }) => (shop.orders.has(id) ? shop.presentOrder(shop.orders.get(id)!) : null),
      orders: ({ first = 10, query, reverse }: { first?: number; query?: string; reverse?: boolean }) => {
        const found = ordersMatching(query).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        if (reverse) found.reverse();
        return { nodes: found.slice(0, first).map((o) => shop.presentOrder(o)), pageInfo: { hasNextPage: found.length > first, endCursor: null } };
      },
      customer: ({ id }: { id: string }) => shop.customers.get(id) ?? null,
      customers: ({ first = 10, query }: { first?: number; query?: string }) => {
        const email = parseQueryString(query).find((t) => t.field === 'email')?.value.toLowerCase();
        const found = [...shop.customers.values()].filter((c) => !email || c.email?.toLowerCase() === email).slice(0, first);
        return { nodes: found, pageInfo: { hasNextPage: false, endCursor: null } };
      },
      product: ({ id }: { id: string }) => (shop.products.has(id) ? shop.presentProduct(shop.products.get(id)!) : null),
      products: ({ first = 10, after, query }: { first?: number; after?: string; query?: string }) => {
        const terms = parseQueryString(query);
        const all = [...shop.products.values()].filter((p) =>
          terms.every((t) => (t.field === 'status' ? p.status === t.value.toUpperCase() : t.field === 'updated_at' && t.op === '>' ? p.updatedAt > t.value : true)),
        );
        const start = after ? Number(after) : 0;
        const page = all.slice(start, start + first);
        const end = start + page.length;
        return { nodes: page.map((p) => shop.presentProduct(p)), pageInfo: { hasNextPage: end < all.length, endCursor: String(end) } };
      },
      job: ({ id }: { id: string }) => shop.pollJob(id),
      return: ({ id }: { id: string }) => {
        const found = shop.findReturn(id);
        return found ? shop.presentReturn(found.order, found.ret) : null;
      },
      shop: { name: 'Test Shop', myshopifyDomain: shop.domain },
      currentAppInstallation: () => ({ accessScopes: shop.grantedScopes.map((handle) => ({ handle })) }),

      orderCancel: ({ orderId }: { orderId: string }) => {
        const { job, errors } = shop.cancel(orderId);
        return { job: job ?? null, orderCancelUserErrors: errors.map((e) => ({ field: ['orderId'], ...e })), userErrors: [] };
      },
      orderUpdate: ({ input }: { input: { id: string; shippingAddress?: Record<string, string | null> } }) => {
        const errors = shop.updateAddress(input);
        return { order: errors.length === 0 ? shop.presentOrder(shop.orders.get(input.id)!) : null, userErrors: errors };
      },
      refundCreate: ({ input }: { input: Parameters<FakeShop['refund']>[0] }) => {
        const { refund, errors } = shop.refund(input);
        const order = shop.orders.get(input.orderId);
        const presented = refund && order ? (shop.presentOrder(order).refunds() as { id: string }[]).find((r) => r.id === refund.id) : null;
        return { refund: presented ?? null, order: order ? shop.presentOrder(order) : null, userErrors: errors };
      },
      returnCreate: ({ returnInput }: { returnInput: Parameters<FakeShop['createReturn']>[0] }) => {
        const { created, order, errors } = shop.createReturn(returnInput);
        return { return: created && order ? shop.presentReturn(order, created) : null, userErrors: errors };
      },
      reverseDeliveryCreateWithShipping: (input: Parameters<FakeShop['createReverseDelivery']>[0]) => {
        const { delivery, errors } = shop.createReverseDelivery(input);
        return { reverseDelivery: delivery ? presentReverseDelivery(delivery) : null, userErrors: errors };
      },
      returnCancel: ({ id }: { id: string }) => {
        const found = shop.findReturn(id);
        if (!found) return { return: null, userErrors: [{ field: ['id'], message: 'Return does not exist' }] };
        if (found.ret.status !== 'OPEN' && found.ret.status !== 'REQUESTED') return { return: null, userErrors: [{ field: ['id'], message: 'Return cannot be canceled' }] };
        found.ret.status = 'CANCELED';
        return { return: shop.presentReturn(found.order, found.ret), userErrors: [] };
      },
    };
  }
}
