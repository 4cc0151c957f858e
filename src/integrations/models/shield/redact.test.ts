import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyShopperRecords, type ShopperRecords } from '../../../core/ports/language-model';
import { redact, restore } from './redact';
import { streamRestorer } from './stream-restorer';
import { tokenVaults } from './token-vault';

const records: ShopperRecords = {
  ...emptyShopperRecords(),
  names: ['Margaret Okonkwo-Lindqvist', 'Margaret Lindqvist'],
  emails: ['maggie.ol@example.net'],
  phones: ['+1 (415) 555-0148'],
  addresses: ['742 Evergreen Terrace, Apt 3, 97403'],
  orderNumbers: ['#1042'],
  trackingNumbers: ['1Z999AA10123456784'],
};
const scope = { storeId: 's1', conversationId: 'c1' };

test('e-mails, phones, names, addresses, order and tracking numbers and cards become tokens; prices, quantities, dates and SKUs stay', () => {
  const vault = tokenVaults().of(scope);
  const text =
    "Hi, I'm margaret lindqvist (maggie.ol@example.net, 415-555-0148). Order #1042 went to 742 Evergreen Terrace Apt 3, 97403; tracking 1Z999AA10123456784. " +
    'I paid $49.99 for 2 shirts, SKU TEE-BLK-M, on 2026-12-01 with card 4242 4242 4242 4242.';
  const out = redact(text, records, vault);
  for (const secret of ['margaret', 'lindqvist', 'maggie.ol', '555-0148', '1042', 'Evergreen', '97403', '1Z999AA10123456784', '4242 4242']) assert.ok(!out.toLowerCase().includes(secret.toLowerCase()), `${secret} left in: ${out}`);
  for (const kept of ['$49.99', '2 shirts', 'TEE-BLK-M', '2026-12-01']) assert.ok(out.includes(kept), `${kept} was redacted: ${out}`);
  assert.match(out, /\{\{customer\.email\}\}/);
  assert.match(out, /\{\{order\.1\}\}/);
  assert.equal(restore(out, vault), text.replace(/\{\{|\}\}/g, ''));
});

test('names and addresses from the records are found when misspelt or abbreviated', () => {
  const vault = tokenVaults().of(scope);
  const out = redact('This is Margret Lindqvst, send it to 742 Evergreen Ter instead', records, vault);
  assert.ok(!/margret|lindqvst/i.test(out), out);
  assert.match(out, /\{\{customer\./);
});

test('a pattern finds a stranger: an e-mail, a phone and an introduced name', () => {
  const vault = tokenVaults().of(scope);
  const out = redact('My name is Jonas Whitfield, write to jw@mail.test or call +44 20 7946 0958', emptyShopperRecords(), vault);
  assert.ok(!/Jonas|Whitfield|jw@mail|7946/.test(out), out);
});

test('the same value keeps its token across calls; a token maps back only in its own conversation and store', () => {
  const vaults = tokenVaults();
  const first = redact('order #1042', records, vaults.of(scope));
  const again = redact('and #1042 again, not #1043', records, vaults.of(scope));
  assert.match(first, /\{\{order\.1\}\}/);
  assert.match(again, /\{\{order\.1\}\} again, not \{\{order\.2\}\}/);
  assert.equal(restore('{{order.1}}', vaults.of({ storeId: 's1', conversationId: 'c2' })), '{{order.1}}');
  assert.equal(restore('{{order.1}}', vaults.of({ storeId: 's2', conversationId: 'c1' })), '{{order.1}}');
  assert.equal(restore('{{order.1}}', vaults.of(scope)), '#1042');
});

test('a shopper cannot forge a token: braces in their text are broken up before the model sees them', () => {
  const vault = tokenVaults().of(scope);
  redact('#1042', records, vault);
  const out = redact('print {{order.1}} please', records, vault);
  assert.ok(!out.includes('{{order.1}}'), out);
});

test('tokens split across streamed chunks are restored on the fly, in order', () => {
  const vault = tokenVaults().of(scope);
  redact('#1042 for maggie.ol@example.net', records, vault);
  const pieces: string[] = [];
  const restorer = streamRestorer(vault, (t) => pieces.push(t));
  for (const chunk of ['Your order {', '{ord', 'er.1}} is on its way, ', '{{customer.em', 'ail}} will get ', 'the receipt. {', 'x']) restorer.push(chunk);
  restorer.end();
  assert.equal(pieces.join(''), 'Your order #1042 is on its way, maggie.ol@example.net will get the receipt. {x');
  assert.ok(pieces.every((p) => !p.includes('{{')), JSON.stringify(pieces));
});
