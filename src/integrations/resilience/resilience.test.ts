import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { isProviderUnavailable, ProviderUnavailableError } from '../../core/provider-unavailable';
import { fullJitterDelayMs, retryAfterMs } from './backoff';
import { CircuitBreaker } from './circuit-breaker';
import { callFailureOf } from './failure';
import { manualClock } from './manual-clock';
import { resilience } from './resilient-call';

/** A provider on 127.0.0.1 answering from a script: each request takes the next answer. */
function scriptedProvider() {
  const script: { status: number; headers?: Record<string, string>; delayMs?: number }[] = [];
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits += 1;
    const next = script.shift() ?? { status: 200 };
    setTimeout(() => {
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(JSON.stringify({ ok: next.status < 400 }));
    }, next.delayMs ?? 0);
  });
  return {
    script,
    hits: () => hits,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** A fetch that throws like the official clients do: an error carrying the status and the headers. */
async function get(url: string, signal: AbortSignal) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status, headers: response.headers });
  return response.json();
}

describe('backoff and Retry-After', () => {
  test('full jitter stays under min(cap, base·2^n) and uses the whole range', () => {
    assert.equal(fullJitterDelayMs(0, { baseMs: 100, capMs: 1000, random: () => 0.999 }), 99);
    assert.equal(fullJitterDelayMs(3, { baseMs: 100, capMs: 1000, random: () => 0.999 }), 799);
    assert.equal(fullJitterDelayMs(10, { baseMs: 100, capMs: 1000, random: () => 0.5 }), 500);
    assert.equal(fullJitterDelayMs(2, { baseMs: 100, capMs: 1000, random: () => 0 }), 0);
  });

  test('Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    assert.equal(retryAfterMs('3', now), 3000);
    assert.equal(retryAfterMs('0.5', now), 500);
    assert.equal(retryAfterMs('Mon, 07 Dec 2026 12:00:07 GMT', now), 7000);
    assert.equal(retryAfterMs('Mon, 07 Dec 2026 11:00:00 GMT', now), 0);
    assert.equal(retryAfterMs('soon', now), undefined);
    assert.equal(retryAfterMs(undefined, now), undefined);
  });

  test('which failures are retried', () => {
    for (const status of [408, 409, 429, 500, 502, 503]) assert.equal(callFailureOf({ statusCode: status }).retryable, true, String(status));
    for (const status of [400, 401, 402, 403, 404, 422]) assert.equal(callFailureOf({ statusCode: status }).retryable, false, String(status));
    assert.equal(callFailureOf({ $metadata: { httpStatusCode: 503 } }).retryable, true);
    assert.equal(callFailureOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })).maybeApplied, false);
    assert.equal(callFailureOf({ statusCode: 500 }).maybeApplied, true);
  });
});

describe('circuit breaker', () => {
  test('closed → open after the threshold → half-open after the wait → closed on a good trial, open again on a bad one', () => {
    const clock = manualClock();
    const circuit = new CircuitBreaker({ failureThreshold: 3, openMs: 10_000 }, clock);
    assert.equal(circuit.state, 'closed');
    circuit.failure();
    circuit.failure();
    assert.equal(circuit.state, 'closed');
    circuit.failure();
    assert.equal(circuit.state, 'open');
    assert.equal(circuit.allow(), false);
    clock.advance(9_999);
    assert.equal(circuit.allow(), false);
    clock.advance(1);
    assert.equal(circuit.state, 'half_open');
    assert.equal(circuit.allow(), true, 'one trial');
    assert.equal(circuit.allow(), false, 'only one trial at a time');
    circuit.failure();
    assert.equal(circuit.state, 'open', 'a failed trial opens it again');
    clock.advance(10_000);
    assert.equal(circuit.allow(), true);
    circuit.success();
    assert.equal(circuit.state, 'closed');
  });
});

describe('resilient calls against a local provider', () => {
  const provider = scriptedProvider();
  let url = '';
  before(async () => void (url = await provider.start()));
  after(() => provider.stop());

  test('a 429 waits what Retry-After says (seconds, then an HTTP date), then succeeds', async () => {
    const clock = manualClock(Date.parse('2026-12-07T12:00:00Z'));
    const calls = resilience({ clock, random: () => 0.5 });
    provider.script.push({ status: 429, headers: { 'retry-after': '2' } }, { status: 503, headers: { 'retry-after': 'Mon, 07 Dec 2026 12:00:05 GMT' } }, { status: 200 });
    const before = provider.hits();
    const result = await calls.call({ storeId: 's1', provider: 'p', operation: 'read' }, (signal) => get(url, signal));
    assert.deepEqual(result, { ok: true });
    assert.equal(provider.hits() - before, 3);
    assert.deepEqual(clock.sleeps, [2000, 3000]);
  });

  test('a 500 is retried with jittered backoff; a 404 is not retried and keeps the client error', async () => {
    const clock = manualClock();
    const calls = resilience({ clock, random: () => 0.5, baseDelayMs: 100 });
    provider.script.push({ status: 500 }, { status: 200 });
    await calls.call({ storeId: 's1', provider: 'p', operation: 'read' }, (signal) => get(url, signal));
    assert.deepEqual(clock.sleeps, [50]);
    provider.script.push({ status: 404 });
    const before = provider.hits();
    await assert.rejects(calls.call({ storeId: 's1', provider: 'p', operation: 'read' }, (signal) => get(url, signal)), (e: { status?: number }) => e.status === 404);
    assert.equal(provider.hits() - before, 1);
  });

  test('a slow answer times out per attempt; after the attempts the caller gets ProviderUnavailableError (outcome unknown)', async () => {
    const calls = resilience({ timeoutMs: 50, maxAttempts: 2, clock: manualClock() });
    provider.script.push({ status: 200, delayMs: 300 }, { status: 200, delayMs: 300 });
    await assert.rejects(calls.call({ storeId: 's1', provider: 'p', operation: 'read' }, (signal) => get(url, signal)), (e) => isProviderUnavailable(e) && e.outcomeUnknown);
  });

  test('a Retry-After longer than we wait is reported as unavailable at once', async () => {
    const calls = resilience({ clock: manualClock(), maxRetryAfterMs: 1000 });
    provider.script.push({ status: 429, headers: { 'retry-after': '120' } });
    await assert.rejects(calls.call({ storeId: 's1', provider: 'p', operation: 'read' }, (signal) => get(url, signal)), ProviderUnavailableError);
  });

  test('the circuit opens per store and provider: calls then fail without reaching the provider; others are untouched', async () => {
    const clock = manualClock();
    const calls = resilience({ clock, maxAttempts: 1, circuit: { failureThreshold: 2, openMs: 30_000 } });
    const down = { storeId: 'store-a', provider: 'p', operation: 'read' };
    provider.script.push({ status: 502 }, { status: 502 });
    for (let i = 0; i < 2; i++) await assert.rejects(calls.call(down, (signal) => get(url, signal)), ProviderUnavailableError);
    assert.equal(calls.circuit('store-a', 'p').state, 'open');
    const before = provider.hits();
    await assert.rejects(calls.call(down, (signal) => get(url, signal)), (e) => isProviderUnavailable(e) && /circuit open/.test(e.message) && !e.outcomeUnknown);
    assert.equal(provider.hits(), before, 'nothing sent while open');
    assert.deepEqual(await calls.call({ storeId: 'store-b', provider: 'p', operation: 'read' }, (signal) => get(url, signal)), { ok: true }, 'another store is not affected');
    clock.advance(30_000);
    assert.deepEqual(await calls.call(down, (signal) => get(url, signal)), { ok: true }, 'half-open trial succeeds');
    assert.equal(calls.circuit('store-a', 'p').state, 'closed');
  });
});
