import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

// pino writes to fd 1 through sonic-boom, which calls fs.write/writeSync on the CommonJS fs module.
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');

/** Waits (up to 5 s) until `condition` holds, then asserts it. */
async function until(condition: () => boolean, message: string) {
  const deadline = Date.now() + 5000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(condition(), message);
}

/** Every log line the process writes while `work` runs. */
async function captureLogs(work: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const originalWrite = fs.write;
  const originalWriteSync = fs.writeSync;
  const keep = (fd: unknown, data: unknown) => {
    if ((fd === 1 || fd === 2) && (typeof data === 'string' || Buffer.isBuffer(data))) lines.push(String(data));
  };
  fs.writeSync = ((fd: number, data: never, ...rest: never[]) => (keep(fd, data), originalWriteSync(fd, data, ...rest))) as typeof fs.writeSync;
  fs.write = ((fd: number, data: never, ...rest: never[]) => (keep(fd, data), (originalWrite as (...a: unknown[]) => void)(fd, data, ...rest))) as typeof fs.write;
  try {
    await work();
  } finally {
    fs.write = originalWrite;
    fs.writeSync = originalWriteSync;
  }
  return lines.join('');
}

describe('event streams (SSE)', { timeout: 60_000 }, () => {
  let t: TestSystem;
  let store: TestStore;
  let baseUrl: string;
  let active = 0; // subscriptions open on the system's pub/sub
  before(async () => {
    t = await startTestSystem({ env: { LOG_LEVEL: 'error' } });
    store = await createStore(t, 'Streams');
    const pubsub = t.system.pubsub;
    const subscribe = pubsub.subscribe.bind(pubsub);
    pubsub.subscribe = async (channel, listener) => {
      const unsubscribe = await subscribe(channel, listener);
      active += 1;
      let done = false;
      return async () => {
        if (!done) active -= 1;
        done = true;
        await unsubscribe();
      };
    };
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => t?.close());

  /** Opens a stream as a browser would, reads until its `ready` event, and returns how to hang up. */
  async function open(path: string) {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}${path}`, { headers: { ...bearer(store.apiKey), accept: 'text/event-stream' }, signal: controller.signal });
    assert.equal(response.status, 200);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: ready')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    assert.match(text, /event: ready/);
    return { hangUp: () => controller.abort(), reader };
  }

  test('subscribing logs no error, and a client that goes away is unsubscribed', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: bearer(store.apiKey), payload: { channel: 'api' } });
    const conversationId = (created.json() as { id: string }).id;
    const logs = await captureLogs(async () => {
      const inbox = await open('/v1/events');
      const conversation = await open(`/v1/conversations/${conversationId}/events`);
      await until(() => active === 2, 'two subscriptions');
      inbox.hangUp();
      conversation.hangUp();
      await until(() => active === 0, `both subscriptions end when their clients leave (${active} open)`);
    });
    assert.doesNotMatch(logs, /addHook|"level":50/, logs.slice(0, 500));
  });

  test('closing the server ends the open streams and their subscriptions', async () => {
    const inbox = await open('/v1/events');
    await until(() => active === 1, 'one subscription');
    await t.app.close();
    assert.equal(active, 0);
    for (;;) if ((await inbox.reader.read()).done) break; // the stream ended: the server hung up
  });
});
