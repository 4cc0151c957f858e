import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { minimalPdf } from '../src/knowledge/ingest/minimal-pdf.fixture';

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/concierge.js', ...args], { env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('concierge kb', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-kb-'));
  const docs = mkdtempSync(join(tmpdir(), 'concierge-docs-'));
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(docs, { recursive: true, force: true });
  });

  test('ingest reads a folder of Markdown, HTML and PDF recursively; again, nothing changes; search finds them', async () => {
    mkdirSync(join(docs, 'policies'));
    writeFileSync(join(docs, 'gift-wrap.md'), '# Gift wrap\n\nWe gift wrap any order for $5. Add a note at checkout.');
    writeFileSync(join(docs, 'policies', 'loyalty.html'), '<h1>Loyalty club</h1><p>Members earn one point per dollar and get free express shipping.</p>');
    writeFileSync(join(docs, 'policies', 'repairs.pdf'), minimalPdf([['Ski repairs', 'We wax and sharpen skis within two days.']]));
    writeFileSync(join(docs, 'photo.png'), 'not a document');
    const env = { CONCIERGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const first = await run(['kb', 'ingest', docs], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /created\s+gift-wrap\.md\s+"Gift wrap"/);
    assert.match(first.stdout, /created\s+policies\/loyalty\.html\s+"Loyalty club"/);
    assert.match(first.stdout, /created\s+policies\/repairs\.pdf/);
    assert.doesNotMatch(first.stdout, /photo/);
    const second = await run(['kb', 'ingest', docs], env);
    assert.equal(second.stdout.match(/unchanged/g)?.length, 3);
    const search = await run(['kb', 'search', 'do', 'you', 'sharpen', 'skis'], env);
    assert.match(search.stdout.split('\n')[0]!, /repairs\.pdf/);
  });

  test('eval prints recall@1, recall@5 and MRR per mode, and hybrid retrieval meets its target', async () => {
    const result = await run(['kb', 'eval', '--json'], { LOG_LEVEL: 'silent' });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
      questions: number;
      modes: Record<string, { recallAt1: number; recallAt5: number; mrr: number }>;
    };
    assert.ok(report.questions >= 150);
    assert.deepEqual(Object.keys(report.modes).sort(), ['hybrid', 'hybrid-no-rerank', 'lexical', 'vector']);
    assert.ok(report.modes.hybrid!.recallAt5 >= 0.9, `hybrid recall@5 ${report.modes.hybrid!.recallAt5}`);
    assert.ok(report.modes.hybrid!.mrr >= report.modes.vector!.mrr);
  });
});
