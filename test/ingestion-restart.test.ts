import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { generateKey } from '../src/data/secrets/keyring';
import { captureEnv, recordSent } from './support/log-capture';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The embedded default as `npm start` runs it, in its own process (so it can be killed without warning); CI's DATABASE_URL/REDIS_URL would make it server mode. */
async function startServerProcess(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped with code ${child.exitCode}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (healthy) return child;
    if (Date.now() > deadline) throw new Error('the server did not start in 90 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('an accepted upload survives a crash of the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-restart-'));
  const children: ChildProcess[] = [];
  after(async () => {
    for (const child of children) await killed(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('killed (SIGKILL) while a 1 MB document is being indexed, the next start finishes it: the document ends ready and searchable', { timeout: 240_000 }, async () => {
    const adminToken = `adm_${randomBytes(24).toString('base64url')}`;
    recordSent('secret', adminToken);
    const env = { ...captureEnv(), CONCIERGE_DATA_DIR: dataDir, CONCIERGE_DEMO: 'false', CONCIERGE_ADMIN_TOKEN: adminToken, CONCIERGE_ENCRYPTION_KEY: generateKey() };
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startServerProcess(env, port);
    children.push(first);

    const created = await fetch(`${base}/v1/stores`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Restart Store' }) });
    assert.equal(created.status, 201);
    const { apiKey } = (await created.json()) as { apiKey: string };
    recordSent('secret', apiKey);
    const auth = { authorization: `Bearer ${apiKey}` };
    const content = `# Delivery\n\n${'Parcels to Norway travel with our partner courier and arrive within six working days. '.repeat(12_000)}`;
    const posted = await fetch(`${base}/v1/knowledge/documents`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ format: 'markdown', source: 'delivery.md', content }) });
    assert.equal(posted.status, 202);
    const { document } = (await posted.json()) as { document: { id: string } };
    const read = async () => (await (await fetch(`${base}/v1/knowledge/documents/${document.id}`, { headers: auth })).json()) as { status: string; chunkCount: number };

    // Let the job start on it, then pull the plug while it is still processing.
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal((await read()).status, 'processing', 'still being indexed when the process dies');
    await killed(first);

    const second = await startServerProcess(env, port);
    children.push(second);
    const deadline = Date.now() + 120_000;
    let now = await read();
    while (now.status === 'processing' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      now = await read();
    }
    assert.equal(now.status, 'ready', JSON.stringify(now));
    assert.ok(now.chunkCount > 100, JSON.stringify(now));
    const search = await fetch(`${base}/v1/knowledge/search?q=${encodeURIComponent('how long does delivery to norway take')}`, { headers: auth });
    const hits = ((await search.json()) as { data: { source: string }[] }).data;
    assert.equal(hits[0]?.source, 'delivery.md');
    await killed(second);
  });
});
