import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replyText } from './reply-text';

test('Gmail: the "On … wrote:" intro (wrapped over two lines) and the quoted lines go', () => {
  const gmail = [
    'Thanks, and when will it arrive?',
    '',
    'On Mon, Dec 7, 2026 at 5:02 PM Acme Support <s1abc@inbound.test>',
    'wrote:',
    '',
    '> Your order #1001 has shipped.',
    '> Tracking: 1Z999',
  ].join('\n');
  assert.equal(replyText(gmail), 'Thanks, and when will it arrive?');
  assert.equal(replyText('Yes please\r\n\r\nOn Mon, Dec 7, 2026 at 5:02 PM Acme <a@b.test> wrote:\r\n> old'), 'Yes please');
});

test('Outlook: the rule and From/Sent/To/Subject block, or -----Original Message-----, and "Get Outlook" go', () => {
  const outlook = [
    'Please cancel it.',
    '',
    'Get Outlook for iOS<https://aka.ms/o0ukef>',
    '________________________________',
    'From: Acme Support <s1abc@inbound.test>',
    'Sent: Monday, December 7, 2026 5:02 PM',
    'To: Jane <jane@example.com>',
    'Subject: Re: Order 1001',
    '',
    'Your order has shipped.',
  ].join('\n');
  assert.equal(replyText(outlook), 'Please cancel it.');
  assert.equal(replyText('ok\n\n-----Original Message-----\nFrom: x\nold text'), 'ok');
});

test('Apple Mail: "On …, at …, … wrote:" and "Sent from my iPhone" go', () => {
  const apple = ['Where is it now?', '', 'Sent from my iPhone', '', 'On Dec 7, 2026, at 17:02, Acme Support <s1abc@inbound.test> wrote:', '', '> Shipped.'].join('\n');
  assert.equal(replyText(apple), 'Where is it now?');
});

test('a "-- " signature goes; text that is all quote is kept rather than emptied', () => {
  assert.equal(replyText('My order is 1001.\n\n-- \nJane Doe\n+1 555 0100'), 'My order is 1001.');
  assert.equal(replyText('> only a quote'), '> only a quote');
  assert.equal(replyText('From: me, a question about sizes?'), 'From: me, a question about sizes?');
});
