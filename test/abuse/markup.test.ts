import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bearer, startTestSystem, type TestSystem } from '../support/system';
import { abuseStore, type AbuseStore } from './support';

/**
 * Markup and hostile text in addresses, names and notes: refused before any write (a clear 4xx on
 * the API, a plain refusal in the chat), never stored, never echoed; and no screen of the console
 * renders stored text as HTML.
 */
let t: TestSystem;
let s: AbuseStore;
before(async () => {
  t = await startTestSystem();
  // No photo asked: an approval note needs a claim that reaches the queue in one message.
  s = await abuseStore(t, { settings: { evidence: { photo: 'never' } } });
});
after(async () => {
  await t.close();
});

const hostile = /<|>|javascript:|onload|onerror|&#|\u202e|\u0000/i;

describe('markup in a new shipping address, through the chat', () => {
  const payloads: [string, string][] = [
    ['a script tag', '45 Elm Street <script>alert(1)</script>, Austin, TX 78701'],
    ['an svg onload', '45 Elm Street <svg onload=alert(1)>, Austin, TX 78701'],
    ['an img onerror', '45 <img src=x onerror=alert(1)> Elm Street, Austin, TX 78701'],
    ['a javascript: link', '45 javascript:alert(1) Street, Austin, TX 78701'],
    ['HTML entities', '45 Elm &#60;script&#62; Street, Austin, TX 78701'],
    ['a right-to-left override', '45 Elm \u202eteertS, Austin, TX 78701'],
    ['an address line of 400 characters', `45 ${'Elm '.repeat(100)}Street, Austin, TX 78701`],
  ];
  const unfulfilled = () => s.demo.index.unfulfilled;
  for (const [i, [label, address]] of payloads.entries())
    test(`${label}: not stored, not echoed`, async () => {
      const order = unfulfilled()[i]!;
      const owner = s.demo.owners[order]!;
      const before = (await t.system.database.query<{ shipping_address: unknown }>('SELECT shipping_address FROM orders WHERE store_id = $1 AND name = $2', [s.storeId, order]))[0];
      assert.ok(before, 'the order is in the store');
      const id = await s.start();
      const turns = [await s.say(id, `I need to change the shipping address on order ${order}`), await s.say(id, owner.email), await s.say(id, address)];
      const yes = await s.say(id, 'yes');
      turns.push(yes);
      const after = (await t.system.database.query<{ shipping_address: unknown }>('SELECT shipping_address FROM orders WHERE store_id = $1 AND name = $2', [s.storeId, order]))[0];
      assert.deepEqual(after, before, 'the address is unchanged');
      assert.match(turns[2]!.text, /plain text|full new address/, turns.map((turn) => turn.text).join(' / '));
      for (const turn of turns) {
        assert.doesNotMatch(turn.text, hostile, turn.text);
        assert.ok(!turn.actions.some((a) => a.type === 'update_address' && a.status === 'completed'), 'no address change completed');
      }
    });
});

describe('markup in names and notes, through the API', () => {
  const bad = ['<script>alert(1)</script>', 'Ann <img src=x onerror=alert(1)>', 'javascript:alert(1)', 'Ann\u0000Lee', '&lt;b&gt;Ann'];

  test('a conversation with a customer name in markup: 400, nothing created', async () => {
    for (const name of bad) {
      const response = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: s.headers, payload: { channel: 'api', customer: { name } } });
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      assert.match(response.body, /valid/);
    }
  });

  test('an approval note in markup: 400, the refund is not decided', async () => {
    const order = s.others.find((o) => o.totalCents > 9000)!;
    const { last } = await s.conversation([`order ${order.name} arrived damaged, refund please`, order.email]);
    const pending = last.actions.find((a) => a.status === 'pending');
    assert.ok(pending, last.text);
    const actionId: string = pending.id;
    for (const note of bad) {
      const response = await t.app.inject({ method: 'POST', url: `/v1/actions/${actionId}/approve`, headers: s.headers, payload: { note } });
      assert.equal(response.statusCode, 400, `${note}: ${response.body}`);
    }
    const rejected = await t.app.inject({ method: 'POST', url: `/v1/actions/${actionId}/reject`, headers: s.headers, payload: { note: '<svg onload=alert(1)>' } });
    assert.equal(rejected.statusCode, 400);
    assert.equal(await s.refundedCents([order.name]), 0);
    const queue = await t.app.inject({ method: 'GET', url: '/v1/actions?status=pending', headers: s.headers });
    assert.ok((queue.json().data as { id: string }[]).some((a) => a.id === actionId), 'still pending');
  });

  test('an operator invited with a name in markup: 400', async () => {
    const response = await t.app.inject({ method: 'POST', url: `/v1/stores/${s.storeId}/operators`, headers: s.headers, payload: { email: 'new.agent@example.com', name: '<script>alert(1)</script>', role: 'agent' } });
    assert.equal(response.statusCode, 400, response.body);
  });

  test('a brand voice sign-off or name in markup: 400, settings unchanged', async () => {
    const before = (await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers })).json();
    for (const brandVoice of [{ signOff: '<a href="javascript:alert(1)">Team</a>' }, { name: '<b>Shop</b>' }, { signOff: 'Team\u202e' }]) {
      const response: { statusCode: number; body: string } = await t.app.inject({ method: "PATCH", url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { brandVoice } });
      assert.equal(response.statusCode, 400, response.body);
    }
    const after = (await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: bearer(s.apiKey) })).json();
    assert.deepEqual(after, before);
  });
});

describe('surfaces that show stored text', () => {
  test('no console screen renders text as HTML (no dangerouslySetInnerHTML, no innerHTML)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(tsx?|jsx?)$/.test(name)) files.push(path);
      }
    };
    walk('src/web');
    assert.ok(files.length > 0);
    const offenders = files.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  test('a shopper message in markup is stored as text and comes back as text, never interpreted', async () => {
    const id = await s.start();
    await s.say(id, '<script>alert(1)</script> where is my order?');
    const detail = await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: s.headers });
    assert.equal(detail.statusCode, 200);
    assert.match(detail.headers['content-type'] as string, /application\/json/);
    const messages = detail.json().messages as { role: string; content: string }[];
    assert.equal(messages[0]!.content, '<script>alert(1)</script> where is my order?');
    assert.ok(!messages.filter((m) => m.role === 'assistant').some((m) => /<script/i.test(m.content)), 'the agent never echoes it');
  });
});
