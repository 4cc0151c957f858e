import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

const ERROR_SHAPE = /^\{"error":\{"code":"[a-z_]+","message":"[^"]+.*","requestId":"[^"]+"/;

/** Inputs that used to answer 500 (issue 13 item 7): each is a 4xx in the documented shape and changes nothing. */
describe('bad input is a 4xx, never a 500', () => {
  let t: TestSystem;
  let store: TestStore;
  before(async () => {
    t = await startTestSystem();
    store = await createStore(t, 'Bad Input');
    await t.app.inject({ method: 'POST', url: '/v1/knowledge/documents', headers: bearer(store.apiKey), payload: { format: 'text', title: 'Shipping', content: 'We ship parcels to Canada in five days.' } });
    await t.system.ingestion.settled(store.storeId);
  });
  after(() => t?.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: string) =>
    t.app.inject({ method, url, headers: { ...bearer(store.apiKey), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload } : {}) });
  const expect4xx = (response: { statusCode: number; body: string }, status: number, mention: RegExp) => {
    assert.equal(response.statusCode, status, response.body);
    assert.match(response.body, ERROR_SHAPE);
    assert.match(response.body, mention);
  };

  test('a NUL character or a lone surrogate anywhere in a body, a query or a field name is refused, naming the field', async () => {
    const conversations = async () => (await send('GET', '/v1/conversations?limit=100')).json().data.length as number;
    const before = await conversations();
    expect4xx(await send('POST', '/v1/conversations', '{"channel":"api","message":{"content":"where is my order\\u0000"}}'), 400, /body\.message\.content: contains a NUL/);
    expect4xx(await send('POST', '/v1/conversations', '{"channel":"api","customer":{"name":"Ann \\ud83d"}}'), 400, /body\.customer\.name: contains an unpaired UTF-16 surrogate/);
    expect4xx(await send('POST', '/v1/conversations', '{"channel":"api","customer":{"name":"Ann","\\u0000x":1}}'), 400, /field name/);
    expect4xx(await send('PATCH', `/v1/stores/${store.storeId}/settings`, '{"brandVoice":{"name":"Shop\\udc00"}}'), 400, /body\.brandVoice\.name/);
    expect4xx(await send('POST', '/v1/knowledge/documents', '{"format":"text","title":"T","content":"a\\u0000b"}'), 400, /body\.content/);
    expect4xx(await send('POST', `/v1/stores/${store.storeId}/catalog/import`, '{"products":[{"id":1,"title":"Tee\\u0000","variants":[]}]}'), 400, /body\.products\.0\.title/);
    expect4xx(await send('GET', '/v1/knowledge/search?q=refund%00'), 400, /querystring\.q: contains a NUL/);
    assert.equal(await conversations(), before, 'nothing was created');
    // Well-formed text of any script, emoji and joiners included, still goes through.
    const fine = await send('POST', '/v1/conversations', JSON.stringify({ channel: 'api', customer: { name: 'Zoë 👩‍👩‍👧 مريم' } }));
    assert.equal(fine.statusCode, 201, fine.body);
  });

  test('searching for a word no vector knows answers, without a NaN score', async () => {
    const response = await send('GET', '/v1/knowledge/search?q=qwzxvbnm');
    assert.equal(response.statusCode, 200, response.body);
    for (const hit of response.json().data as { score: number; relevance: number }[]) assert.ok(Number.isFinite(hit.score) && Number.isFinite(hit.relevance));
  });

  test('re-importing an order name under a new id is a conflict naming the element, and the first order stays', async () => {
    const order = (id: number) => ({ id, name: '#7001', email: 'ann@example.com', financial_status: 'paid', total_price: '10.00', line_items: [{ id: id * 10, title: 'Tee', quantity: 1, price: '10.00' }] });
    assert.equal((await send('POST', `/v1/stores/${store.storeId}/catalog/import`, JSON.stringify({ orders: [order(1)] }))).statusCode, 200);
    expect4xx(await send('POST', `/v1/stores/${store.storeId}/catalog/import`, JSON.stringify({ orders: [order(2)] })), 409, /orders\[0\]\.name \\"#7001\\" already belongs to order 1/);
    expect4xx(await send('POST', `/v1/stores/${store.storeId}/catalog/import`, JSON.stringify({ orders: [order(3), { ...order(4) }] })), 409, /orders\[1\]\.name/);
    assert.equal((await send('POST', `/v1/stores/${store.storeId}/catalog/import`, JSON.stringify({ orders: [order(1)] }))).statusCode, 200, 'the same order again is an update');
  });

  test('a price of 1e300 (as a number or a string) is refused with its path', async () => {
    for (const price of ['1e300', 1e300, '99999999999999999999', -1e300]) {
      const response = await send('POST', `/v1/stores/${store.storeId}/catalog/import`, JSON.stringify({ products: [{ id: 9, title: 'Tee', variants: [{ id: 10, price }] }] }));
      expect4xx(response, 400, /products\[0\]\.variants\[0\]\.price/);
    }
  });
});
