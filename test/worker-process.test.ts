import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { SHIPMENT_SCAN_JOB } from '../src/agent/proactive/shipment-watch';
import { skipWithoutPostgres } from './support/databases';
import { demoStore } from './support/demo';
import { eventually } from './support/eventually';
import { captureEnv } from './support/log-capture';
import { startSmtpSink } from './support/smtp-sink';
import { startTestSystem, type TestSystem } from './support/system';

/** Server mode with `concierge worker`: the web process only accepts work; a separate process does it, and stops cleanly. */
describe('concierge worker: background work in its own process', { skip: skipWithoutPostgres }, () => {
  let t: TestSystem;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let worker: ChildProcess | undefined;
  let output = '';
  const env = (extra: Record<string, string> = {}) => ({ ...process.env, ...captureEnv(), NODE_ENV: 'test', CONCIERGE_ENCRYPTION_KEY: t.encryptionKey, CONCIERGE_ADMIN_TOKEN: t.adminToken, DATABASE_URL: t.databaseUrl!, SMTP_URL: sink.url, CONCIERGE_SHIPMENT_WATCH_MINUTES: '0', ...extra });

  before(async () => {
    sink = await startSmtpSink();
    t = await startTestSystem({ backend: 'postgres', env: { CONCIERGE_BACKGROUND: 'off', SMTP_URL: sink.url, CONCIERGE_SHIPMENT_WATCH_MINUTES: '0' } });
  });
  after(async () => {
    worker?.kill('SIGKILL');
    await t.close();
    await sink.close();
  });

  test('without DATABASE_URL it refuses to start, saying why', () => {
    const refused = spawnSync(process.execPath, ['bin/concierge.js', 'worker'], { env: { ...process.env, DATABASE_URL: '', CONCIERGE_DATA_DIR: 'memory://' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /needs DATABASE_URL/);
  });

  test('a job accepted by the web process waits for a worker, which runs it and sends its e-mail; SIGTERM stops it cleanly', async () => {
    const s = await demoStore(t);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { proactive: { shipmentExceptions: true } } })).statusCode, 200);
    const upload = await t.app.inject({ method: 'POST', url: '/v1/knowledge/documents', headers: s.headers, payload: { source: 'returns-faq.md', title: 'Returns FAQ', format: 'markdown', content: '# Returns\n\nWe take returns within 30 days of delivery.' } });
    assert.equal(upload.statusCode, 202, upload.body);
    const documentId = upload.json().document.id as string;
    const documentStatus = async () => (await t.app.inject({ method: 'GET', url: `/v1/knowledge/documents/${documentId}`, headers: s.headers })).json().status as string;
    const { id } = await t.system.jobs.queue.enqueue(SHIPMENT_SCAN_JOB, { storeId: s.storeId }, { storeId: s.storeId, dedupeKey: 'worker-test' });
    const statusOf = async () => (await t.system.database.query<{ status: string }>(`SELECT status FROM jobs WHERE id = $1`, [id]))[0]?.status;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(await statusOf(), 'pending', 'the web process runs no background work');
    assert.equal(await documentStatus(), 'processing', 'not even the ingestion of an upload it accepted');

    worker = spawn(process.execPath, ['bin/concierge.js', 'worker'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    assert.equal(await eventually(async () => ((await statusOf()) === 'done' ? 'done' : undefined), 60_000), 'done', output);
    const opened = await t.system.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM conversations WHERE store_id = $1`, [s.storeId]);
    assert.ok(opened[0]!.n > 0);
    // The worker's e-mail sweep sends what the scan wrote.
    assert.ok(await eventually(async () => (sink.received.length >= opened[0]!.n ? true : undefined), 30_000), `sent ${sink.received.length} of ${opened[0]!.n}`);
    assert.match(output, /concierge worker: running background jobs on postgres/);
    assert.equal(await eventually(async () => ((await documentStatus()) === 'ready' ? 'ready' : undefined), 30_000), 'ready', 'the worker indexed the upload');

    const exited = new Promise<number | null>((resolve) => worker!.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    assert.equal(await exited, 0, output);
    worker = undefined;
  });
});
