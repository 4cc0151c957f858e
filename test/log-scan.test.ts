import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain ES module of the test runner, without types
import { scanLogs } from '../scripts/log-scan.mjs';

interface Scan {
  lines: number;
  findings: { file: string; line: number; what: string }[];
}

function scan(lines: string[], sent: { kind: string; value: string }[] = []): Scan {
  const dir = mkdtempSync(join(tmpdir(), 'concierge-scan-'));
  try {
    writeFileSync(join(dir, '101.log.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, '101.sent.jsonl'), sent.map((s) => `${JSON.stringify(s)}\n`).join(''));
    return (scanLogs as (dir: string) => Scan)(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const clean = JSON.stringify({
  level: 30,
  time: 1796653139833,
  pid: 4242,
  reqId: '9b2f4c1e-0a4b-4c3e-9d7f-123456789012',
  req: { method: 'POST', path: '/v1/conversations/9b2f4c1e-0a4b-4c3e-9d7f-123456789012/messages' },
  res: { statusCode: 200 },
  responseTime: 12.345678912,
  msg: 'request completed',
});

test("the log capture's scan passes what a request log holds", () => {
  const result = scan([
    clean,
    JSON.stringify({
      level: 50,
      err: { type: 'DrizzleQueryError', message: 'Failed query: insert into "messages"', code: '22021' },
      at: '2026-12-07 14:20:00',
      msg: 'unhandled error',
    }),
  ]);
  assert.deepEqual(result.findings, []);
  assert.equal(result.lines, 2);
});

test('the log capture finds each kind of leak and names its line', () => {
  const leaks: [string, string][] = [
    ['e-mail', 'ann.lee0@example.com'],
    ['phone', '+1 555 0142 1234'],
    ['street address', '112 Oak Street'],
    ['tracking number', '1Z999AA10123456784'],
    ['tracking number', '9400111899223344556677'],
    ['secret', 'sk_3f2a9b_4c1e0a4b4c3e9d7f1234'],
    ['secret', 'Bearer adm_Zq8sd7f6g5h4j3k2l1m0n9b8v7c6x5z4'],
  ];
  for (const [what, value] of leaks) {
    const result = scan([clean, JSON.stringify({ level: 50, err: { message: `failed for ${value}` } })]);
    assert.equal(result.findings.length, 1, `${what}: ${value}`);
    assert.equal(result.findings[0]!.line, 2);
    assert.match(result.findings[0]!.what, new RegExp(`^${what}`));
  }
});

test('the log capture finds a message text or a secret the tests sent, even without a pattern', () => {
  const text = 'my daughter hated the colour, can I send it back';
  const result = scan(
    [clean, JSON.stringify({ level: 40, event: { data: text } })],
    [
      { kind: 'message text', value: text },
      { kind: 'secret', value: 'q7Zb3K9xY2w+1vT8s/PaBcDeFgHiJkLmNoPqRsTuVwXy=' },
    ],
  );
  assert.equal(result.findings.length, 1);
  assert.match(result.findings[0]!.what, /^message text sent by a test/);
  const secret = scan(
    [JSON.stringify({ key: 'q7Zb3K9xY2w+1vT8s/PaBcDeFgHiJkLmNoPqRsTuVwXy=' })],
    [{ kind: 'secret', value: 'q7Zb3K9xY2w+1vT8s/PaBcDeFgHiJkLmNoPqRsTuVwXy=' }],
  );
  assert.match(secret.findings[0]!.what, /^secret sent by a test/);
});
