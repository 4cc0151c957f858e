import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { openDatabase, type Database } from '../src/data/database';
import { migrate } from '../src/data/migrate';
import { stores } from '../src/data/schema/index';
import { loggerOptions } from '../src/gateway/logging/logger';
import { bearer, createStore, startTestSystem } from './support/system';

const SHOPPER = 'Hi, I am Jane Doe, jane.doe@example.com, +1 555 0142 1234, 12 Oak Street. Where is 1Z999AA10123456784?';

/** Logs through a real Fastify instance built with the gateway's options; returns the written lines. */
async function logged(write: (log: ReturnType<typeof Fastify>['log']) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'concierge-log-'));
  const file = join(dir, 'log.jsonl');
  const app = Fastify({ logger: loggerOptions({ level: 'info', file }) });
  try {
    write(app.log);
    await app.close();
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CONTACT_DETAILS = ['jane.doe@example.com', '555 0142 1234', '12 Oak Street', '1Z999AA10123456784'];

function assertNoPersonalData(text: string, leaks = [...CONTACT_DETAILS, 'Where is', 'Jane Doe']) {
  for (const leak of leaks) {
    assert.ok(!text.includes(leak), `the log holds "${leak}":\n${text}`);
  }
}

describe('logs hold no personal data or secrets', () => {
  let database: Database;
  before(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
  });
  after(async () => database.close());

  test('a database error keeps its code and type but not the query parameters (a \\u0000 in a shopper message)', async () => {
    const error = await database.db
      .insert(stores)
      .values({ name: `${SHOPPER}\u0000` })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof Error, 'the insert fails');
    assert.ok(error.message.includes('jane.doe@example.com'), 'the raw error does carry the parameters (what must not be logged)');
    const text = await logged((log) => log.error({ err: error }, 'unhandled error'));
    assertNoPersonalData(text);
    const line = JSON.parse(text.trim()) as { err: { type: string; message: string; cause: { code: string } } };
    assert.equal(line.err.type, 'DrizzleQueryError');
    assert.match(line.err.message, /^Failed query: insert into "stores"/);
    assert.equal(line.err.cause.code, '22021', "PostgreSQL's SQLSTATE survives");
  });

  test("a unique violation keeps its constraint, not PostgreSQL's detail that quotes the value", async () => {
    const [store] = await database.db.insert(stores).values({ name: 'Shop' }).returning();
    await database.query("CREATE UNIQUE INDEX IF NOT EXISTS test_store_email ON stores ((settings->>'email'))");
    await database.query(`UPDATE stores SET settings = jsonb_build_object('email', $1::text) WHERE id = $2`, ['jane.doe@example.com', store!.id]);
    const error = await database
      .query(`INSERT INTO stores (name, settings) VALUES ($1, jsonb_build_object('email', $2::text))`, [SHOPPER, 'jane.doe@example.com'])
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof Error);
    const text = await logged((log) => log.error({ err: error }, 'unhandled error'));
    assertNoPersonalData(text);
    const line = JSON.parse(text.trim()) as { err: { code: string; constraint?: string } };
    assert.equal(line.err.code, '23505');
    assert.equal(line.err.constraint, 'test_store_email');
  });

  test('a data error quoting the value it refused logs the kind of error only', async () => {
    const error = await database.query('SELECT $1::uuid', ['jane.doe@example.com']).then(
      () => undefined,
      (e: unknown) => e,
    );
    const text = await logged((log) => log.error(error as Error));
    assertNoPersonalData(text);
    assert.match(text, /invalid input syntax for type uuid/);
  });

  test('free text, nested fields and secrets are scrubbed wherever they sit', async () => {
    const text = await logged((log) => {
      log.info({ event: { data: { message: { content: SHOPPER } } } }, 'turn');
      // A message interpolated into free text cannot be recognised as such, but its contact details can.
      log.warn(`could not parse: ${SHOPPER}`);
      log.info(
        {
          headers: { authorization: 'Bearer sk_0123456789abcdef_0123456789abcdef' },
          note: 'key sk_0123456789abcdef_0123456789abcdef, token ct_abcdefghijklmnopqrstuvwxyz',
        },
        'auth',
      );
      log.info({ customer: { email: 'jane.doe@example.com', phone: '+1 555 0142 1234' }, tracking: 'USPS 9400111899223344556677' }, 'order');
    });
    assertNoPersonalData(text, CONTACT_DETAILS);
    for (const secret of ['sk_0123456789abcdef', 'ct_abcdefghijklmnop', '9400111899223344556677']) assert.ok(!text.includes(secret), `the log holds ${secret}`);
    assert.equal(text.trim().split('\n').length, 4, 'every line is still written');
  });

  test('what an operator needs stays: ids, routes, status codes, durations, dates', async () => {
    const text = await logged((log) =>
      log.info(
        {
          storeId: '9b2f4c1e-0a4b-4c3e-9d7f-123456789012',
          path: '/v1/conversations/3f2a',
          statusCode: 500,
          responseTime: 12.34567891,
          at: '2026-12-07 14:20:00',
        },
        'request completed',
      ),
    );
    for (const kept of ['9b2f4c1e-0a4b-4c3e-9d7f-123456789012', '/v1/conversations/3f2a', '500', '12.34567891', '2026-12-07 14:20:00'])
      assert.ok(text.includes(kept), `${kept} is kept:\n${text}`);
  });
});

describe('a whole system logs no personal data, whatever fails', () => {
  test('a widget message with a \\u0000, a database error with personal data in its parameters, a conversation token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concierge-log-'));
    const file = join(dir, 'log.jsonl');
    const t = await startTestSystem({
      env: { LOG_LEVEL: 'debug', CONCIERGE_LOG_FILE: file },
      surfaces: [
        async (app) => {
          // A repository write that fails inside PostgreSQL with the shopper's words among its parameters.
          app.post('/test/failing-write', async () => {
            await t.system.database.db.insert(stores).values({ name: `${SHOPPER}\u0000` });
            return { ok: true };
          });
        },
      ],
    });
    try {
      const shop = 'https://shop.example';
      const store = await createStore(t, 'Logs', { allowedOrigins: [shop] });
      const widget = { ...bearer(store.widgetKey), origin: shop };
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/conversations',
        headers: widget,
        payload: { channel: 'widget', message: { content: SHOPPER } },
      });
      assert.equal(created.statusCode, 201);
      const { id, accessToken } = created.json() as { id: string; accessToken: string };
      const nul = await t.app.inject({
        method: 'POST',
        url: `/v1/conversations/${id}/messages`,
        headers: { ...widget, 'x-conversation-token': accessToken },
        payload: { content: `${SHOPPER}\u0000` },
      });
      assert.ok(nul.statusCode === 400 || nul.statusCode === 422 || nul.statusCode === 500, `answered ${nul.statusCode}`);
      const failing = await t.app.inject({ method: 'POST', url: '/test/failing-write' });
      assert.equal(failing.statusCode, 500);
      await t.app.inject({
        method: 'GET',
        url: `/v1/conversations/${id}?email=jane.doe@example.com`,
        headers: { ...widget, 'x-conversation-token': accessToken },
      });
      const text = readFileSync(file, 'utf8');
      assert.match(text, /"msg":"unhandled error"/, 'the database error is logged');
      assert.match(text, /"code":"22021"/, 'with its SQLSTATE');
      assertNoPersonalData(text);
      for (const secret of [accessToken, store.widgetKey, store.apiKey, t.adminToken]) assert.ok(!text.includes(secret), 'no credential in the log');
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
