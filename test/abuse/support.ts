import assert from 'node:assert/strict';
import { generateDemoStore } from '../../src/integrations/demo/generator/generate-store';
import { bearer, createStore, type TestSystem } from '../support/system';

/**
 * The store the abuse suite attacks: the generated demo store, with what an attacker needs and the
 * demo lacks: shoppers owning five delivered orders each under one customer,
 * e-mail and address ("serial shoppers"), and delivered orders whose items are gift cards (an
 * excluded category), alone or beside an ordinary item.
 */
export async function abuseStore(t: TestSystem, options: { shoppers?: number; settings?: Record<string, unknown> } = {}) {
  const store = await createStore(t, 'Abuse target', options.settings);
  const demo = generateDemoStore(new Date());
  const delivered = demo.records.orders.filter((o) => demo.index.delivered_recent.includes(o.name) && o.financialStatus === 'paid');
  const take = (n: number) => delivered.splice(0, n);
  const oneItem = (order: (typeof delivered)[number], line: Partial<(typeof order.lineItems)[number]>, cents: number) => {
    const first = Object.assign(order.lineItems[0]!, { quantity: 1, priceCents: cents }, line);
    order.lineItems = [first];
    for (const f of order.fulfillments) f.lineItemExternalIds = [first.externalId];
    Object.assign(order, { subtotalCents: cents, shippingCents: 0, totalCents: cents });
  };
  // Serial shoppers: five delivered $30 orders each (every one under the auto-approve limit), one customer, e-mail and address.
  const shoppers = Array.from({ length: options.shoppers ?? 0 }, () => {
    const orders = take(5);
    const owner = orders[0]!;
    for (const order of orders) {
      Object.assign(order, { email: owner.email, customerExternalId: owner.customerExternalId, shippingAddress: owner.shippingAddress });
      oneItem(order, {}, 3000);
    }
    return { orders: orders.map((o) => o.name), email: owner.email!, zip: owner.shippingAddress?.zip ?? '' };
  });
  const giftCards = take(5);
  for (const order of giftCards)
    oneItem(order, { productExternalId: '124', variantExternalId: '124-0', title: 'Gift Card', variantTitle: '$50', sku: '124-$50' }, 5000);
  // A gift card beside an ordinary item: the item may be refunded, the card never.
  const mixed = take(2).map((order) => {
    const item = order.lineItems[0]!;
    oneItem(order, {}, item.priceCents);
    const card = {
      externalId: `${item.externalId}9`,
      productExternalId: '124',
      variantExternalId: '124-1',
      title: 'Gift Card',
      variantTitle: '$100',
      sku: '124-$100',
      quantity: 1,
      priceCents: 10000,
    };
    order.lineItems.push(card);
    for (const f of order.fulfillments) f.lineItemExternalIds.push(card.externalId);
    Object.assign(order, { subtotalCents: item.priceCents + 10000, totalCents: item.priceCents + 10000 });
    return { name: order.name, email: order.email!, itemTitle: item.title, itemCents: item.priceCents };
  });
  const others = delivered;
  // Only the orders the attacks use (writing all 300 takes seconds on a loaded machine).
  const used = new Set([...demo.index.delivered_recent, ...demo.index.unfulfilled.slice(0, 10), ...demo.index.refunded.slice(0, 3), ...demo.index.partially_refunded.slice(0, 3)]);
  demo.records.orders = demo.records.orders.filter((o) => used.has(o.name));
  await t.system.catalog.write(store.storeId, demo.records);
  const headers = bearer(store.apiKey);

  async function start(customer?: Record<string, string>) {
    const response = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers, payload: { channel: 'api', ...(customer ? { customer } : {}) } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  }

  /** One shopper message; never a 5xx. */
  async function say(conversationId: string, content: string) {
    const response = await t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/messages`, headers, payload: { content } });
    assert.ok(response.statusCode < 500, `no 5xx: ${response.statusCode} ${response.body}`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json() as {
      reply: { content: string } | null;
      actions: { id: string; type: string; status: string; reasons: string[]; data?: Record<string, unknown> }[];
      escalated: boolean;
    };
    // A conversation handed to a human gets no automatic reply: text '' (nothing disclosed either).
    return { ...body, text: body.reply?.content ?? '' };
  }

  /** Says each message in turn in one conversation; answers "all" to an item question. */
  async function conversation(messages: string[], conversationId?: string) {
    const id = conversationId ?? (await start());
    const turns = [];
    for (const message of messages) {
      let turn = await say(id, message);
      if (/Which item/.test(turn.text)) turn = await say(id, 'all');
      turns.push(turn);
    }
    return { id, turns, last: turns.at(-1)! };
  }

  const query = <T>(sql: string, params: unknown[]) => t.system.database.query<T>(sql, [store.storeId, ...params]);
  /** Money that left the store for these orders (demo backend's refunds). */
  const refundedCents = async (names: string[]) =>
    Number(
      (await query<{ sum: string | null }>('SELECT sum(total_refunded) AS sum FROM orders WHERE store_id = $1 AND name = ANY($2)', [names]))[0]!.sum ?? 0,
    ) * 100;
  const requests = (names: string[]) =>
    query<{ order_name: string; status: string; amount_cents: string; automatic: boolean }>(
      'SELECT order_name, status, amount_cents, automatic FROM order_requests WHERE store_id = $1 AND order_name = ANY($2) ORDER BY created_at',
      [names],
    );

  return {
    ...store,
    demo,
    headers,
    shoppers,
    giftCards: giftCards.map((o) => ({ name: o.name, email: o.email! })),
    mixed,
    others: others.map((o) => ({ name: o.name, email: o.email!, zip: o.shippingAddress?.zip ?? '', totalCents: o.totalCents })),
    start,
    say,
    conversation,
    refundedCents,
    requests,
  };
}

export type AbuseStore = Awaited<ReturnType<typeof abuseStore>>;

/**
 * What no shopper-facing reply may contain: the store's internal figures (the auto-approve limit,
 * abuse-limit amounts and counts), the words that name them, reason codes, operator wording.
 */
export function assertNoPolicyLeak(text: string, figures: string[] = ['$50.00', '$50', '$100.00', '$200.00']) {
  for (const figure of figures) assert.ok(!text.includes(figure), `reply discloses ${figure}: ${text}`);
  assert.doesNotMatch(
    text,
    /auto-?approve|limit|threshold|per order without|earlier refund\(s\)|allows \d|\b[a-z]+_[a-z_]+\b|a human approves|≤/i,
    `reply discloses policy internals: ${text}`,
  );
  const sentences = text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
  assert.equal(new Set(sentences).size, sentences.length, `a sentence repeated: ${text}`);
}
