import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gracefulShutdown } from '../src/gateway/shutdown';
import { startTestSystem, type TestSystem } from './support/system';

describe('operations endpoints', () => {
  let t: TestSystem;
  before(async () => {
    t = await startTestSystem();
  });
  after(() => t.close());

  test('/healthz and /readyz answer with database, cache and queue', async () => {
    assert.equal((await t.app.inject('/healthz')).json().status, 'ok');
    const ready = await t.app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json().checks, { database: 'ok', cache: 'ok', queue: 'ok' });
  });

  test('/readyz answers 503 naming the part that is down', async () => {
    const original = t.system.gatewayDeps.readiness.cache!;
    t.system.gatewayDeps.readiness.cache = async () => {
      throw new Error('connection refused');
    };
    try {
      const ready = await t.app.inject('/readyz');
      assert.equal(ready.statusCode, 503);
      assert.match(ready.json().checks.cache, /connection refused/);
    } finally {
      t.system.gatewayDeps.readiness.cache = original;
    }
  });

  test('/metrics serves Prometheus text with request latencies', async () => {
    await t.app.inject('/healthz');
    const metrics = await t.app.inject('/metrics');
    assert.equal(metrics.statusCode, 200);
    assert.match(metrics.body, /concierge_http_request_duration_seconds_bucket\{.*route="\/healthz"/);
    assert.match(metrics.body, /concierge_process_cpu_seconds_total/);
  });

  test('/openapi.json is OpenAPI 3.1 generated from the route schemas; /docs serves a page', async () => {
    const spec = (await t.app.inject('/openapi.json')).json();
    assert.equal(spec.openapi, '3.1.0');
    const patch = spec.paths['/v1/stores/{storeId}/settings'].patch;
    assert.ok(patch.requestBody.content['application/json'].schema.properties.returnWindowDays);
    assert.ok(spec.paths['/v1/stores'].post);
    const docs = await t.app.inject('/docs/');
    assert.equal(docs.statusCode, 200);
    assert.match(docs.headers['content-type'] as string, /html/);
  });
});

describe('graceful shutdown', () => {
  test('in-flight requests finish before resources are released; new requests are refused', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let arrived: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const t = await startTestSystem({
      surfaces: [
        async (app) => {
          app.get('/slow', async () => {
            arrived();
            await gate;
            return { finished: true };
          });
        },
      ],
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json());
    // The request must be inside its handler before shutdown starts (a fixed sleep raced on a loaded machine).
    await reached;
    let released = false;
    const shutdown = gracefulShutdown(t.app, async () => {
      released = true;
      await t.system.close();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`));
    assert.equal(released, false, 'resources stay open while a request is in flight');
    release();
    assert.deepEqual(await inFlight, { finished: true });
    assert.equal(await shutdown, 'drained');
    assert.equal(released, true);
  });
});
