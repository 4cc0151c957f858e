import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

const cli = () => spawn(process.execPath, ['bin/concierge.js', 'nlu'], { stdio: ['pipe', 'pipe', 'pipe'] });

test('answers every line in order; a bad line gets an error and the rest are still answered; exit 1', async () => {
  const child = cli();
  const out: string[] = [];
  let err = '';
  createInterface({ input: child.stdout }).on('line', (line) => out.push(line));
  child.stderr.on('data', (chunk) => (err += chunk));
  child.stdin.end(
    [
      JSON.stringify({ id: 'a', text: 'where is my order #1042?' }),
      '{"id": "b", "text": ',
      JSON.stringify({ id: 'c', text: 'I want my money back for the broken mug' }),
      JSON.stringify({ id: 'd', text: 42 }),
      JSON.stringify({ id: 'e', text: 'let me talk to a real person' }),
    ].join('\n'),
  );
  const code = await new Promise((resolve) => child.on('close', resolve));
  const rows = out.map((line) => JSON.parse(line) as { id: string | null; intent?: string; route?: string; error?: string; entities?: Record<string, string[]> });
  assert.deepEqual(rows.map((r) => r.id), ['a', null, 'c', 'd', 'e']);
  assert.equal(rows[0]!.intent, 'order_status');
  assert.equal(rows[0]!.route, 'wismo');
  assert.deepEqual(rows[0]!.entities?.orderNumbers, ['1042']);
  assert.match(rows[1]!.error!, /not valid JSON/);
  assert.equal(rows[2]!.route, 'refunds');
  assert.match(rows[3]!.error!, /"text" must be a string/);
  assert.equal(rows[4]!.intent, 'human_agent');
  assert.match(err, /line 2/);
  assert.equal(code, 1);
});

test('streams: the first answer arrives before the input ends; a clean run exits 0', async () => {
  const child = cli();
  const lines = createInterface({ input: child.stdout });
  child.stdin.write(`${JSON.stringify({ id: 1, text: 'do you ship to Canada?' })}\n`);
  const first = await new Promise<string>((resolve) => lines.once('line', resolve));
  const row = JSON.parse(first) as { id: number; intent: string; sentiment: string; confidence: number };
  assert.equal(row.id, 1);
  assert.equal(row.intent, 'shipping_info');
  assert.ok(row.confidence > 0 && row.confidence <= 1);
  child.stdin.end(`${JSON.stringify({ id: 2, text: 'thanks!' })}\n`);
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
});
