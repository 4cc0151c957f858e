import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

// A store whose pages all talk about payments and name the shop, and where one passage names the
// pay-later provider a shopper asks about: the rare word must lead full-text retrieval.
const PAYING = `# Paying at Brookfield

## Card payments
Brookfield takes card payments from Visa and Mastercard. Card payments are charged at dispatch; card payments are never stored by Brookfield.

## Wallet payments
Brookfield takes Apple Pay and Google Pay payments. Wallet payments are charged at dispatch like card payments.

## Business payments
Businesses can make payments by bank transfer. Brookfield sends a payment reference for every transfer payment.

## Questions?
Our team answers every e-mail within one business day, Monday to Friday, from 9 am to 6 pm Eastern.
`;

const MONEY_BACK = `# Money back at Brookfield

## Pay-later plans
Bought with Afterpay or Klarna? Your instalment plan is adjusted within 3 business days of the return arriving.

## Card refunds
Refunds to a card take 5 to 10 business days to show, depending on your bank. Brookfield cannot speed this up.

## Questions?
Our team answers every e-mail within one business day, Monday to Friday, from 9 am to 6 pm Eastern.
`;

let t: TestSystem;
let store: TestStore;
before(async () => {
  t = await startTestSystem();
  store = await createStore(t);
  for (const [source, content] of [['paying.md', PAYING], ['money-back.md', MONEY_BACK]]) {
    const response = await t.app.inject({ method: 'POST', url: '/v1/knowledge/documents', headers: bearer(store.apiKey), payload: { format: 'markdown', source, content } });
    assert.equal(response.statusCode, 201, response.body);
  }
});
after(() => t?.close());

const search = async (q: string, mode: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/v1/knowledge/search?q=${encodeURIComponent(q)}&mode=${mode}&k=3`, headers: bearer(store.apiKey) });
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { data: { titlePath: string[] }[] }).data.map((hit) => hit.titlePath.at(-1));
};
const searchSources = async (q: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/v1/knowledge/search?q=${encodeURIComponent(q)}&k=3`, headers: bearer(store.apiKey) });
  return (response.json() as { data: { titlePath: string[]; source: string }[] }).data.map((hit) => `${hit.source} › ${hit.titlePath.at(-1)}`);
};

test("full text weighs each word by its rarity in the store's own passages", async () => {
  // "payments" is in most passages and the shop's name in all; "klarna" in one.
  assert.equal((await search('bought with klarna, what happens to my payments at brookfield if i return it', 'lexical'))[0], 'Pay-later plans');
  assert.equal((await search('I paid with Klarna and sent it back, when do the payments change', 'hybrid'))[0], 'Pay-later plans');
});

test('a question of common words only still finds passages', async () => {
  assert.ok((await search('how do payments work', 'lexical')).length > 0);
});

test('the same paragraph on two pages takes one place among the answers', async () => {
  const hits = await searchSources('when does your team answer e-mails');
  assert.equal(hits.filter((hit) => hit.endsWith('Questions?')).length, 1, hits.join('; '));
});
