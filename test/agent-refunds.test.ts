import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateKey } from '../src/data/secrets/keyring';
import { demoStore } from './support/demo';
import { startTestSystem, type TestSystem } from './support/system';

const small = (s: Awaited<ReturnType<typeof demoStore>>) =>
  s.demo.records.orders.find((o) => s.demo.index.delivered_recent.includes(o.name) && o.lineItems.length === 1 && o.lineItems[0]!.quantity === 1 && o.totalCents <= 5000)!.name;

describe('refunds and approvals', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-approvals-'));
  const env = { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_ENCRYPTION_KEY: generateKey() };
  let t: TestSystem;
  let s: Awaited<ReturnType<typeof demoStore>>;
  before(async () => {
    t = await startTestSystem({ env });
    // The refund and approval paths themselves: the store asks no photo (photos: test/abuse/evidence.test.ts).
    s = await demoStore(t, { evidence: { photo: 'never' } });
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function requestRefund(order: string) {
    const id = await s.start();
    await s.say(id, `the item from order ${order} arrived damaged, I want a refund`);
    let turn = await s.say(id, s.demo.owners[order]!.email);
    if (/Which item/.test(turn.reply!.content)) turn = await s.say(id, 'all');
    return { id, turn };
  }

  test('under the limit: refunded at once, logged with reasons, and the order changed', async () => {
    const order = small(s);
    const { turn } = await requestRefund(order);
    assert.match(turn.reply!.content, /I've refunded \$\d+\.\d\d/);
    const action = turn.actions.find((a) => a.type === 'process_refund')!;
    assert.equal(action.status, 'completed');
    assert.ok(action.reasons.some((r) => /auto-approve limit/.test(r)));
    const row = await s.orderRow(order);
    assert.ok(['refunded', 'partially_refunded'].includes(row.financial_status), row.financial_status);
    assert.ok(Number(row.total_refunded) > 0);
  });

  test('over the limit: pending, then approved → the shopper is told and the order refunded', async () => {
    const order = s.demo.index.high_value[0]!;
    const { id, turn } = await requestRefund(order);
    assert.match(turn.reply!.content, /to our team to review/);
    assert.doesNotMatch(turn.reply!.content, /\$50|limit|above/i, 'the shopper is not taught the auto-approve limit');
    const pending = turn.actions.find((a) => a.status === 'pending')!;
    assert.equal((await s.orderRow(order)).financial_status, 'paid', 'no money moves before approval');
    const queue = await t.app.inject({ method: 'GET', url: '/v1/actions?status=pending', headers: s.headers });
    assert.ok(queue.json().data.some((a: { id: string }) => a.id === pending.id));
    const detail = await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: s.headers });
    assert.equal(detail.json().status, 'pending');

    const approved = await t.app.inject({ method: 'POST', url: `/v1/actions/${pending.id}/approve`, headers: s.headers, payload: { note: 'loyal customer' } });
    assert.equal(approved.statusCode, 200);
    assert.equal(approved.json().action.status, 'completed');
    assert.match(approved.json().message, /approved your refund/);
    assert.equal((await s.orderRow(order)).financial_status, 'refunded');
    const again = await t.app.inject({ method: 'POST', url: `/v1/actions/${pending.id}/approve`, headers: s.headers, payload: {} });
    assert.equal(again.statusCode, 409, 'a second approval is refused and pays nothing');
    const messages = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: s.headers })).json().messages as { role: string; content: string }[];
    assert.match(messages.at(-1)!.content, /approved your refund/);
  });

  test('over the limit, rejected: the shopper is told and nothing is refunded', async () => {
    const order = s.demo.index.high_value[1]!;
    const { turn } = await requestRefund(order);
    const pending = turn.actions.find((a) => a.status === 'pending')!;
    const rejected = await t.app.inject({ method: 'POST', url: `/v1/actions/${pending.id}/reject`, headers: s.headers, payload: { note: 'item was used' } });
    assert.equal(rejected.json().action.status, 'rejected');
    assert.match(rejected.json().message, /couldn't approve it: item was used/);
    assert.equal((await s.orderRow(order)).financial_status, 'paid');
  });

  test('a pending approval survives a restart and resumes on approve', async () => {
    const order = s.demo.index.high_value[2]!;
    const { turn } = await requestRefund(order);
    const pending = turn.actions.find((a) => a.status === 'pending')!;
    await t.app.close();
    await t.system.close();
    // A new process on the same data folder: nothing in memory survives, the checkpoint does.
    t = await startTestSystem({ env: { ...env } });
    const approved = await t.app.inject({ method: 'POST', url: `/v1/actions/${pending.id}/approve`, headers: s.headers, payload: {} });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.match(approved.json().message, /approved your refund/);
    const [row] = await t.system.database.query<{ financial_status: string }>('SELECT financial_status FROM orders WHERE store_id = $1 AND name = $2', [s.storeId, order]);
    assert.equal(row!.financial_status, 'refunded');
  });
});
