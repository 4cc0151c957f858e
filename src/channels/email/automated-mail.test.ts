import assert from 'node:assert/strict';
import { test } from 'node:test';
import { automatedReason } from './automated-mail';
import type { InboundEmail } from './inbound-email';

const mail = (headers: Record<string, string>, from = 'shopper@example.com', returnPath: string | undefined = from): InboundEmail => ({
  messageId: 'm1@example.com',
  inReplyTo: [],
  references: [],
  from: { address: from, name: '' },
  recipients: ['s1@inbound.test'],
  subject: 'Hi',
  text: 'Where is my order?',
  html: undefined,
  headers,
  returnPath,
  attachments: [],
  authentication: {},
});

test('a person writing is answered', () => {
  assert.equal(automatedReason(mail({})), null);
  assert.equal(automatedReason(mail({ 'auto-submitted': 'no' })), null);
  assert.equal(automatedReason(mail({ precedence: 'first-class' })), null);
});

test('auto-replies, bounces, lists and bulk mail are never answered', () => {
  assert.equal(automatedReason(mail({ 'auto-submitted': 'auto-replied' })), 'auto_submitted');
  assert.equal(automatedReason(mail({ 'auto-submitted': 'auto-generated' })), 'auto_submitted');
  for (const p of ['bulk', 'junk', 'list', 'Bulk']) assert.equal(automatedReason(mail({ precedence: p })), 'precedence');
  assert.equal(automatedReason(mail({ 'x-autoreply': 'yes' })), 'autoreply_header');
  assert.equal(automatedReason(mail({ 'x-autorespond': 'Out of office' })), 'autoreply_header');
  assert.equal(automatedReason(mail({ 'list-id': '<news.shop.example>' })), 'mailing_list');
  assert.equal(automatedReason(mail({}, 'shopper@example.com', '')), 'null_sender');
  assert.equal(automatedReason(mail({ 'return-path': '<>' }, 'shopper@example.com', undefined)), 'null_sender');
  assert.equal(automatedReason(mail({}, 'MAILER-DAEMON@mx.example.com')), 'system_sender');
  assert.equal(automatedReason(mail({}, 'postmaster@example.com')), 'system_sender');
  assert.equal(automatedReason(mail({ 'content-type': 'multipart/report; report-type=delivery-status; boundary="x"' })), 'delivery_report');
});
