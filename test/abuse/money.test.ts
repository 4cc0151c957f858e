import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestSystem, type TestSystem } from '../support/system';
import { abuseStore, assertNoPolicyLeak, type AbuseStore } from './support';

/**
 * Attacks on the money paths, as a dishonest shopper would try them: serial returnless refunds,
 * excluded categories, inflated and repeated amounts. Each attack gets its own store (its own
 * shopper history) and asserts the outcome: no money beyond the store's limits without a human,
 * no duplicate or inflated request, no internal limit disclosed, no 5xx.
 */

let t: TestSystem;
before(async () => {
  t = await startTestSystem();
});
after(async () => {
  await t.close();
});

/** A store that asks no photo of damage claims (the default asks one: test/abuse/evidence.test.ts). */
const noPhoto = { evidence: { photo: 'never' } };
const damaged = (name: string) => `my order ${name} arrived damaged, I want a refund`;
const pendingOrPaid = (s: AbuseStore, names: string[]) =>
  s.requests(names).then((rows) => rows.filter((r) => ['pending', 'completed', 'in_progress'].includes(r.status)));

type Shopper = AbuseStore['shoppers'][number];

/** Refunds claimed on each of a serial shopper's orders; returns what was paid and what waits. */
async function serialClaims(
  s: AbuseStore,
  shopper: Shopper,
  messages: (name: string, i: number) => string[],
  options: { oneConversation?: boolean; customer?: (i: number) => boolean } = {},
) {
  const names = shopper.orders;
  const login = (i: number) => (options.customer?.(i) ? { email: shopper.email } : undefined);
  const shared = options.oneConversation ? await s.start(login(0)) : undefined;
  const replies: string[] = [];
  for (const [i, name] of names.entries()) {
    const id = shared ?? (await s.start(login(i)));
    const { turns } = await s.conversation(messages(name, i), id);
    replies.push(...turns.map((turn) => turn.text));
  }
  const rows = await s.requests(names);
  return {
    names,
    replies,
    paidCents: await s.refundedCents(names),
    automatic: rows.filter((r) => r.automatic && r.status === 'completed'),
    pending: rows.filter((r) => r.status === 'pending'),
  };
}

describe('serial returnless refunds', () => {
  // Defaults: 2 returnless refunds / $100 per 30 days, 2 automatic / $100 per day. Orders are $30 each.
  let s: AbuseStore;
  let n = 0;
  const shopper = () => s.shoppers[n++]!;
  before(async () => {
    // These attacks are on the limits: the store asks no photo, so claims reach them (photos: evidence.test.ts).
    s = await abuseStore(t, { shoppers: 12, settings: noPhoto });
  });
  const atMostTwoPaid = (result: Awaited<ReturnType<typeof serialClaims>>) => {
    assert.ok(result.automatic.length <= 2, `paid automatically: ${result.automatic.length}`);
    assert.ok(result.paidCents <= 6000, `paid ${result.paidCents}`);
    assert.equal(result.automatic.length + result.pending.length, result.names.length, 'the rest waits for a human, none is lost');
    for (const text of result.replies) assertNoPolicyLeak(text);
  };

  test('five "arrived damaged" claims in one conversation: two paid, three wait for a human', async () => {
    const p = shopper();
    atMostTwoPaid(await serialClaims(s, p, (name) => [damaged(name), p.email], { oneConversation: true }));
  });

  test('five claims across five conversations: the count follows the shopper, not the conversation', async () => {
    const p = shopper();
    atMostTwoPaid(await serialClaims(s, p, (name) => [damaged(name), p.email]));
  });

  test('five claims at the same instant, one per conversation: the limits hold under the race', async () => {
    const p = shopper();
    const ids = await Promise.all(p.orders.map(() => s.start()));
    const runs = await Promise.all(p.orders.map((name, i) => s.conversation([damaged(name), p.email], ids[i])));
    const rows = await s.requests(p.orders);
    const result = {
      names: p.orders,
      replies: runs.flatMap((run) => run.turns.map((turn) => turn.text)),
      paidCents: await s.refundedCents(p.orders),
      automatic: rows.filter((r) => r.automatic && r.status === 'completed'),
      pending: rows.filter((r) => r.status === 'pending'),
    };
    atMostTwoPaid(result);
  });

  test('five claims as a logged-in shopper (the channel vouches for the e-mail)', async () => {
    const p = shopper();
    atMostTwoPaid(await serialClaims(s, p, (name) => [damaged(name)], { customer: () => true }));
  });

  test('logged in for some claims, typing the e-mail for others: still one shopper', async () => {
    const p = shopper();
    atMostTwoPaid(await serialClaims(s, p, (name, i) => (i % 2 ? [damaged(name)] : [damaged(name), p.email]), { customer: (i) => i % 2 === 1 }));
  });

  test('reasons rotated (damaged, defective, never arrived): every returnless reason counts', async () => {
    const p = shopper();
    const said = ['arrived damaged', 'is defective, it stopped working', 'never arrived', 'arrived damaged', 'is broken'];
    atMostTwoPaid(await serialClaims(s, p, (name, i) => [`order ${name} ${said[i % said.length]}, refund please`, p.email]));
  });

  test('small amounts ("refund $10" on each order): the count caps it even under the amount', async () => {
    const p = shopper();
    const result = await serialClaims(s, p, (name) => [`order ${name} arrived damaged, just refund $10`, p.email]);
    assert.ok(result.automatic.length <= 2, `paid automatically: ${result.automatic.length}`);
    assert.ok(result.paidCents <= 2000, `paid ${result.paidCents}`);
  });

  test('the operator sees the shopper history in the held refund', async () => {
    const p = shopper();
    const result = await serialClaims(s, { ...p, orders: p.orders.slice(0, 3) }, (name) => [damaged(name), p.email]);
    assert.equal(result.pending.length, 1);
    const queue = await t.app.inject({ method: 'GET', url: '/v1/actions?status=pending', headers: s.headers });
    const held = (queue.json().data as { data: { orderName: string }; reasons: string[] }[]).find((a) => a.data.orderName === p.orders[2])!;
    const history = held.reasons.find((r) => /this shopper's/.test(r));
    assert.ok(history, `reasons: ${held.reasons.join(' | ')}`);
    for (const name of result.names.slice(0, 2)) assert.match(history, new RegExp(name));
  });

  test('a held claim is answered as a review, with no figure of the policy', async () => {
    const p = shopper();
    const result = await serialClaims(s, { ...p, orders: p.orders.slice(0, 3) }, (name) => [damaged(name), p.email]);
    assert.match(result.replies.at(-1)!, /our team to review/);
    assertNoPolicyLeak(result.replies.at(-1)!);
  });

  test('claims repeated on an order already refunded do not reset the count', async () => {
    const p = shopper();
    const [first] = p.orders;
    await s.conversation([damaged(first!), p.email]);
    const again = await s.conversation([damaged(first!), p.email]);
    assert.doesNotMatch(again.last.text, /I've refunded/);
    assert.ok((await s.refundedCents([first!])) <= 3000);
    const result = await serialClaims(s, p, (name) => [damaged(name), p.email]);
    assert.ok(result.automatic.length <= 2);
  });

  test('a store that wants every returnless refund reviewed sets the count to 0 (settings API)', async () => {
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/v1/stores/${s.storeId}/settings`,
      headers: s.headers,
      payload: { refundLimits: [{ kind: 'returnless', windowDays: 30, maxCount: 0, maxAmount: 0 }] },
    });
    assert.equal(patch.statusCode, 200, patch.body);
    const p = shopper();
    const result = await serialClaims(s, { ...p, orders: p.orders.slice(0, 2) }, (name) => [damaged(name), p.email]);
    assert.equal(result.paidCents, 0);
    assert.equal(result.pending.length, 2);
  });
});

describe('excluded categories', () => {
  let s: AbuseStore;
  before(async () => {
    s = await abuseStore(t);
  });

  const noMoney = async (names: string[]) => {
    assert.equal(await s.refundedCents(names), 0, 'no money moved');
    assert.equal((await pendingOrPaid(s, names)).length, 0, 'nothing queued for the card');
  };

  const claims: [string, (n: string) => string][] = [
    ['damaged', (n) => `the gift card from order ${n} arrived damaged, refund it`],
    ['defective', (n) => `gift card on ${n} is defective, it doesn't work, I want my money back`],
    ['never arrived', (n) => `order ${n} never arrived, refund please`],
    ['an amount named', (n) => `refund $50 on order ${n}, the card arrived damaged`],
  ];
  for (const [i, [label, message]] of claims.entries())
    test(`a gift card refund claimed as ${label}: refused, no money`, async () => {
      const order = s.giftCards[i]!;
      const { turns } = await s.conversation([message(order.name), order.email]);
      await noMoney([order.name]);
      for (const turn of turns) assertNoPolicyLeak(turn.text);
      assert.doesNotMatch(turns.at(-1)!.text, /I've refunded|to our team to review/);
    });

  test('a gift card and an item, "refund everything": the item only', async () => {
    const [mixed] = s.mixed;
    await s.conversation([`order ${mixed!.name} arrived damaged, refund the whole order`, mixed!.email]);
    assert.ok((await s.refundedCents([mixed!.name])) <= mixed!.itemCents, 'never the card');
    const rows = await pendingOrPaid(s, [mixed!.name]);
    for (const row of rows) assert.ok(Number(row.amount_cents) <= mixed!.itemCents, `the card's $100 is not in ${row.amount_cents}`);
  });

  test('a gift card and an item, an amount that only the card covers: refused', async () => {
    const mixed = s.mixed[1]!;
    const { last } = await s.conversation([`order ${mixed.name} arrived damaged, refund $${(mixed.itemCents + 5000) / 100}`, mixed.email]);
    assert.equal(await s.refundedCents([mixed.name]), 0);
    assert.equal((await pendingOrPaid(s, [mixed.name])).length, 0);
    assertNoPolicyLeak(last.text);
  });

  test('a gift card "returned" for a refund: no return, no money', async () => {
    const order = s.giftCards[4]!;
    await s.conversation([`I want to return the gift card from order ${order.name} and get a refund`, order.email]);
    await noMoney([order.name]);
  });
});

describe('inflated and repeated amounts', () => {
  let s: AbuseStore;
  before(async () => {
    s = await abuseStore(t, { settings: noPhoto });
  });
  // Orders over $50: every refund here would wait for a human, so the ledger shows what was asked.
  const big = () => s.others.filter((o) => o.totalCents > 9000);
  let next = 0;
  const order = () => big()[next++]!;

  test('"refund $45 on order X": $45 is what is requested, not the whole order', async () => {
    const o = order();
    const { last } = await s.conversation([`refund $45 on order ${o.name}, it arrived damaged`, o.email]);
    const rows = await pendingOrPaid(s, [o.name]);
    assert.equal(rows.length, 1);
    assert.equal(Number(rows[0]!.amount_cents), 4500);
    assert.match(last.text, /\$45\.00/);
  });

  for (const [label, amount] of [
    ['$5000', '$5000'],
    ['$5,000.00', '$5,000.00'],
    ['"10000 dollars"', '10000 dollars'],
  ] as const)
    test(`${label} on a smaller order: read whole and refused as more than is left, nothing queued`, async () => {
      const o = order();
      const { last } = await s.conversation([`refund ${amount} on order ${o.name}, it arrived damaged`, o.email]);
      assert.equal((await pendingOrPaid(s, [o.name])).length, 0);
      assert.equal(await s.refundedCents([o.name]), 0);
      assert.match(last.text, /more than|left to refund/i);
      assertNoPolicyLeak(last.text);
    });

  test('the same request five times while one is pending: one request, answered with its status', async () => {
    const o = order();
    const id = await s.start();
    await s.conversation([`refund $45 on order ${o.name}, it arrived damaged`, o.email], id);
    for (let i = 0; i < 4; i += 1) {
      const { last } = await s.conversation([`refund $45 on order ${o.name}, it arrived damaged`], id);
      assert.match(last.text, /already/);
    }
    assert.equal((await pendingOrPaid(s, [o.name])).length, 1);
  });

  test('another amount asked while one is pending: still one request', async () => {
    const o = order();
    const id = await s.start();
    await s.conversation([`refund $60 on order ${o.name}, it arrived damaged`, o.email], id);
    await s.conversation([`ok then refund $80 on order ${o.name}, it arrived damaged`], id);
    await s.conversation([`refund order ${o.name}, it arrived damaged`], id);
    assert.equal((await pendingOrPaid(s, [o.name])).length, 1);
  });

  test('the same request from a second conversation: one request', async () => {
    const o = order();
    await s.conversation([`refund $45 on order ${o.name}, it arrived damaged`, o.email]);
    const { last } = await s.conversation([`refund $45 on order ${o.name}, it arrived damaged`, o.email]);
    assert.match(last.text, /already/);
    assert.equal((await pendingOrPaid(s, [o.name])).length, 1);
  });

  test('twenty turns of "refund please": at most one live request', async () => {
    const o = order();
    const id = await s.start();
    await s.conversation([`order ${o.name} arrived damaged, refund please`, o.email], id);
    for (let i = 0; i < 19; i += 1) await s.conversation(['refund please, it arrived damaged'], id);
    assert.ok((await pendingOrPaid(s, [o.name])).length <= 1);
  });

  test('a refund of $0: nothing requested', async () => {
    const o = order();
    await s.conversation([`refund $0 on order ${o.name}, it arrived damaged`, o.email]);
    assert.equal(await s.refundedCents([o.name]), 0);
    for (const row of await pendingOrPaid(s, [o.name])) assert.ok(Number(row.amount_cents) > 0);
  });

  test('an order already refunded in full: nothing more, however asked', async () => {
    const refunded = s.demo.index.refunded[0]!;
    const owner = s.demo.owners[refunded]!;
    const { last } = await s.conversation([`refund $20 on order ${refunded}, it arrived damaged`, owner.email]);
    assert.equal((await pendingOrPaid(s, [refunded])).length, 0);
    assertNoPolicyLeak(last.text);
  });

  test('a partly refunded order: more than what is left is refused', async () => {
    const partial = s.demo.index.partially_refunded[0]!;
    const row = s.demo.records.orders.find((o) => o.name === partial)!;
    const owner = s.demo.owners[partial]!;
    const before = await s.refundedCents([partial]);
    await s.conversation([`refund $${row.totalCents / 100} on order ${partial}, it arrived damaged`, owner.email]);
    assert.equal(await s.refundedCents([partial]), before);
    assert.equal((await pendingOrPaid(s, [partial])).length, 0);
  });

  test('an amount under the limit on a big order is paid as asked, never more', async () => {
    const o = order();
    await s.conversation([`order ${o.name} arrived damaged, refund $20`, o.email]);
    assert.ok((await s.refundedCents([o.name])) <= 2000);
  });
});
