import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fuzzString, fuzzValue, mutate, pick, RAW_BODIES, schemaValue, seeded, type JsonSchema, type Random } from './support/fuzz-values';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

/**
 * Every route, fuzzed (issue 13): for each operation of the published OpenAPI document (and the
 * pages outside it), seeded cases of hostile bodies, queries, path parameters and headers. Whatever
 * is sent, the answer is never a 5xx, and every refusal is the documented error body with a status
 * the document lists for that operation. CONCIERGE_FUZZ_CASES (default 24 per operation) and
 * CONCIERGE_FUZZ_SEED replay or widen a run.
 */

const SEED = Number(process.env.CONCIERGE_FUZZ_SEED ?? 20261207);
const CASES = Number(process.env.CONCIERGE_FUZZ_CASES ?? 24);
const ERROR_SHAPE = (body: unknown) => {
  const error = (body as { error?: { code?: unknown; message?: unknown; requestId?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && /^[a-z][a-z0-9_]*$/.test(error.code) && typeof error.message === 'string' && error.message.length > 0 && typeof error.requestId === 'string';
};

interface Operation {
  method: string;
  path: string;
  statuses: Set<string>;
  bodySchema?: JsonSchema;
  query: { name: string; schema?: JsonSchema }[];
  streamsOnly: boolean;
}

/** Percent-encoding of any string (a lone surrogate has no UTF-8 form: it is sent as U+FFFD, as a browser would). */
const uriEncode = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/** A query value from any JSON value (an object may carry a hostile `toString` key). */
const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null'));

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function operations(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const responses = (op.responses ?? {}) as Record<string, { content?: Record<string, unknown> }>;
      const ok = Object.entries(responses).filter(([status]) => status.startsWith('2'));
      const streamsOnly = ok.length > 0 && ok.every(([, r]) => Object.keys(r.content ?? {}).every((type) => type === 'text/event-stream') && Object.keys(r.content ?? {}).length > 0);
      const body = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.['application/json']?.schema;
      const parameters = ((op.parameters ?? []) as { in: string; name: string; schema?: JsonSchema }[]).filter((p) => p.in === 'query');
      out.push({ method: method.toUpperCase(), path, statuses: new Set(Object.keys(responses)), ...(body ? { bodySchema: body } : {}), query: parameters, streamsOnly });
    }
  }
  return out;
}

describe('route fuzz: no 5xx, every refusal in the documented shape', () => {
  let t: TestSystem;
  let store: TestStore;
  let other: TestStore;
  const real: Record<string, string[]> = {};

  before(async () => {
    t = await startTestSystem();
    store = await createStore(t, 'Fuzz Target');
    other = await createStore(t, 'Fuzz Neighbour');
    const started = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: bearer(store.apiKey), payload: { channel: 'api', message: { content: 'where is my order #1001?' } } });
    const conversation = started.json() as { id: string; messages?: { id: string }[] };
    const read = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${conversation.id}`, headers: bearer(store.apiKey) })).json() as { messages?: { id: string }[] };
    const doc = await t.app.inject({ method: 'POST', url: '/v1/knowledge/documents', headers: bearer(store.apiKey), payload: { format: 'text', title: 'Shipping', content: 'We ship to Canada in five days.' } });
    await t.system.ingestion.settled(store.storeId);
    real.storeId = [store.storeId, other.storeId];
    real.id = [conversation.id, (doc.json() as { id?: string; document?: { id: string } }).document?.id ?? (doc.json() as { id: string }).id];
    real.messageId = (read.messages ?? []).map((m) => m.id);
  });
  after(() => t?.close());

  /** A path parameter: a real id of this store (or the neighbour's), or something hostile. Keys and operators are never real: the fuzz must not revoke its own credentials. */
  const pathValue = (random: Random, name: string) => {
    const known = real[name] ?? [];
    if (known.length && random() < 0.6) return pick(random, known);
    return uriEncode(pick(random, ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '..', '%2F', fuzzString(random).slice(0, 200), '1'.repeat(500)]));
  };

  const credentials = (random: Random, op: Operation): Record<string, string> => {
    if (op.method === 'POST' && op.path === '/v1/stores') return random() < 0.8 ? bearer(t.adminToken) : bearer(store.apiKey);
    const roll = random();
    if (roll < 0.65) return bearer(store.apiKey);
    if (roll < 0.75) return bearer(t.adminToken);
    if (roll < 0.82) return bearer(store.widgetKey);
    if (roll < 0.9) return bearer(uriEncode(fuzzString(random)).slice(0, 300));
    if (roll < 0.95) return { authorization: pick(random, ['Basic Zm9vOmJhcg==', 'Bearer', 'bearer  ', `Bearer ${store.apiKey}x`]) };
    return {};
  };

  const extraHeaders = (random: Random): Record<string, string> => {
    const headers: Record<string, string> = {};
    if (random() < 0.2) headers['idempotency-key'] = uriEncode(fuzzString(random)).slice(0, 400) || 'k';
    if (random() < 0.1) headers['last-event-id'] = uriEncode(fuzzString(random)).slice(0, 100);
    if (random() < 0.1) headers['x-forwarded-for'] = pick(random, ['1.2.3.4', 'not-an-ip', '::1, 10.0.0.1', '']);
    if (random() < 0.1) headers['accept-language'] = pick(random, ['*', 'xx', 'de-DE;q=2', '']);
    return headers;
  };

  const query = (random: Random, op: Operation) => {
    const params = new URLSearchParams();
    for (const parameter of op.query) if (random() < 0.6) params.set(parameter.name, random() < 0.5 ? asText(schemaValue(random, parameter.schema)) : asText(fuzzValue(random)).slice(0, 5000));
    if (random() < 0.2) params.set(fuzzString(random).slice(0, 50) || 'x', fuzzString(random).slice(0, 200));
    const text = params.toString();
    return text ? `?${text}` : '';
  };

  /** A body and its content type: schema-shaped and broken in one place, any value, or raw text a parser chokes on. */
  const body = (random: Random, op: Operation): { payload?: string; contentType?: string } => {
    if (op.method === 'GET' || op.method === 'DELETE') return random() < 0.1 ? { payload: '{}', contentType: 'application/json' } : {};
    const roll = random();
    const contentType = random() < 0.9 ? 'application/json' : pick(random, ['text/plain', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']);
    if (roll < 0.15) return { payload: pick(random, RAW_BODIES), contentType };
    if (roll < 0.3) return { payload: JSON.stringify(fuzzValue(random)) ?? 'null', contentType };
    const shaped = schemaValue(random, op.bodySchema);
    return { payload: JSON.stringify(random() < 0.15 ? shaped : mutate(random, shaped)), contentType };
  };

  test('every operation of the OpenAPI document and the pages outside it', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const ops = operations(doc).filter((op) => !op.streamsOnly);
    ops.push(...['/widget/v1/concierge.js', '/demo', '/console', '/console/', '/favicon.ico'].map((path) => ({ method: 'GET', path, statuses: new Set<string>(), query: [], streamsOnly: false })));
    const random = seeded(SEED);
    const failures: string[] = [];
    let sent = 0;
    const statusCounts = new Map<number, number>();
    for (const op of ops) {
      for (let i = 0; i < CASES; i++) {
        const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValue(random, name)) + query(random, op);
        const { payload, contentType } = body(random, op);
        const headers = { ...credentials(random, op), ...extraHeaders(random), ...(contentType ? { 'content-type': contentType } : {}) };
        let response;
        try {
          response = await t.app.inject({ method: op.method as Method, url, headers, ...(payload !== undefined ? { payload } : {}) });
        } catch (error) {
          failures.push(`${op.method} ${op.path}: inject threw ${(error as Error).message.slice(0, 120)}`);
          continue;
        }
        sent += 1;
        statusCounts.set(response.statusCode, (statusCounts.get(response.statusCode) ?? 0) + 1);
        const where = `${op.method} ${op.path} (case ${i}, seed ${SEED})`;
        if (response.statusCode >= 500) failures.push(`${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        else if (response.statusCode >= 400) {
          let parsed: unknown = null;
          try {
            parsed = response.json();
          } catch {
            /* not JSON: reported below */
          }
          if (!ERROR_SHAPE(parsed)) failures.push(`${where}: ${response.statusCode} outside the error shape: ${response.body.slice(0, 200)}`);
          else if (op.statuses.size > 0 && !op.statuses.has(String(response.statusCode)) && !op.statuses.has('4XX'))
            failures.push(`${where}: ${response.statusCode} is not documented for this operation (${[...op.statuses].join(',')})`);
        }
      }
    }
    console.log(`fuzz: ${sent} requests over ${ops.length} operations, ${failures.length} failures; statuses ${JSON.stringify(Object.fromEntries([...statusCounts].sort((a, b) => a[0] - b[0])))}`);
    if (process.env.CONCIERGE_FUZZ_REPORT) for (const f of failures) console.log(`FUZZFAIL ${f.slice(0, 300)}`);
    assert.deepEqual(failures.slice(0, 25), [], `${failures.length} fuzzed requests broke the contract`);
  });

  test("the neighbour store's data was not touched by anything the fuzz sent with this store's key", async () => {
    const conversations = await t.app.inject({ method: 'GET', url: '/v1/conversations', headers: bearer(other.apiKey) });
    assert.equal(conversations.statusCode, 200);
    assert.equal((conversations.json() as { data: unknown[] }).data.length, 0, 'no conversation appeared in the neighbour store');
  });
});
