import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoStore } from './support/demo';
import { bearer, startTestSystem, type TestSystem } from './support/system';

describe('product and general questions answered from the knowledge base', () => {
  let t: TestSystem;
  let s: Awaited<ReturnType<typeof demoStore>>;
  before(async () => {
    t = await startTestSystem();
    s = await demoStore(t);
    await t.system.articles.install(s.storeId, await t.system.stores.settings(s.storeId));
    await t.system.syncCatalog(s.storeId);
  });
  after(() => t.close());

  const ask = async (question: string) => {
    const conversationId = await s.start();
    return { conversationId, turn: await s.say(conversationId, question) };
  };
  const messages = async (conversationId: string) =>
    (await t.app.inject({ method: 'GET', url: `/v1/conversations/${conversationId}`, headers: s.headers })).json().messages as {
      role: string;
      content: string;
    }[];

  test('a product question is answered from the product page, with its source', async () => {
    const { turn } = await ask('is the alpine rain jacket waterproof?');
    assert.match(turn.reply!.content, /About the Alpine Rain Jacket: .*waterproof 3-layer shell/s);
    assert.match(turn.reply!.content, /Source: Alpine Rain Jacket/);
    assert.deepEqual(
      (turn.reply as unknown as { citations: { title: string; source: string }[] }).citations.map((c) => c.title),
      ['Alpine Rain Jacket'],
    );
    assert.equal(turn.escalated, false);
    // Only what the question is about is quoted from the product page.
    const price = await ask('how much is the alpine rain jacket?');
    assert.match(price.turn.reply!.content, /^About the Alpine Rain Jacket: Price: \$149\.00\./);
    assert.doesNotMatch(price.turn.reply!.content, /3-layer shell|Tags:/);
  });

  test('a policy question is answered from the article, quoting the figures of the settings', async () => {
    const { turn } = await ask('do you ship to canada?');
    assert.match(turn.reply!.content, /Canada/);
    assert.match(turn.reply!.content, /Source: Shipping and delivery › Where do you ship\?/);
    const returns = await ask('how long is the return window?');
    assert.match(returns.turn.reply!.content, /within 30 days of delivery/);
  });

  test('when the settings change, the articles and the answers change with them', async () => {
    const patch = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { returnWindowDays: 45 } });
    assert.equal(patch.statusCode, 200);
    const { turn } = await ask('how long is the return window?');
    assert.match(turn.reply!.content, /within 45 days of delivery/);
    assert.doesNotMatch(turn.reply!.content, /30 days/);
    const search = await t.app.inject({ method: 'GET', url: '/v1/knowledge/search?q=return%20window%20days', headers: bearer(s.apiKey) });
    assert.ok(search.json().data.some((hit: { content: string }) => /45 days/.test(hit.content)));
  });

  test('nothing relevant: the agent says so, offers a human, and hands over on yes', async () => {
    const { conversationId, turn } = await ask('do you sell kayaks?');
    assert.match(turn.reply!.content, /don't have that information/);
    assert.doesNotMatch(turn.reply!.content, /Source:/);
    const yes = await s.say(conversationId, 'yes please');
    assert.equal(yes.escalated, true);
    assert.equal(yes.escalationReason, 'knowledge_gap');
    assert.ok((await messages(conversationId)).length >= 4);
  });

  test('a passage that is probably but not clearly the answer is quoted with the way to a human kept open', async () => {
    const { conversationId, turn } = await ask('can i stack two promo codes');
    assert.match(turn.reply!.content, /closest I found in our help articles: Only one discount code can be used per order/);
    assert.match(turn.reply!.content, /Would you like that\?/);
    assert.match(turn.reply!.content, /Source: Frequently asked questions › Can I use more than one discount code\?/);
    const no = await s.say(conversationId, 'no thanks');
    assert.equal(no.escalated, false);
    const again = await ask('can i stack two promo codes');
    const yes = await s.say(again.conversationId, 'yes');
    assert.equal(yes.escalated, true);
    assert.equal(yes.escalationReason, 'knowledge_gap');
  });

  test('catalog changes reach the answers: an imported product is found, a changed one is re-indexed', async () => {
    const product = {
      id: 9001,
      title: 'Glacier Ice Axe',
      product_type: 'Outdoor',
      tags: 'climbing',
      body_html: '<p>Forged steel pick, 50 cm shaft, weighs 420 g. CE and UIAA certified.</p>',
      variants: [{ id: 90011, title: 'Default', price: '129.00', sku: 'AXE-1', inventory_quantity: 5 }],
    };
    const imported = await t.app.inject({
      method: 'POST',
      url: `/v1/stores/${s.storeId}/catalog/import`,
      headers: s.headers,
      payload: { products: [product] },
    });
    assert.equal(imported.statusCode, 200, imported.body);
    assert.equal(imported.json().knowledge, 'processing', 'the products are re-indexed in the background');
    assert.ok(await t.system.ingestion.settled(s.storeId));
    const first = await ask('how heavy is the glacier ice axe?');
    assert.match(first.turn.reply!.content, /420 g/);
    await t.app.inject({
      method: 'POST',
      url: `/v1/stores/${s.storeId}/catalog/import`,
      headers: s.headers,
      payload: { products: [{ ...product, body_html: '<p>Forged steel pick, 50 cm shaft, weighs 390 g.</p>' }] },
    });
    assert.ok(await t.system.ingestion.settled(s.storeId));
    const second = await ask('how heavy is the glacier ice axe?');
    assert.match(second.turn.reply!.content, /390 g/);
    const docs = (await t.app.inject({ method: 'GET', url: '/v1/knowledge/documents?kind=product&limit=500', headers: s.headers })).json().data as {
      title: string;
    }[];
    assert.equal(docs.filter((d) => d.title === 'Glacier Ice Axe').length, 1);
  });
});
