import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { gorgiasWebhookReader } from '../gorgias/gorgias-webhook';
import { zendeskWebhookReader } from './zendesk-webhook';

const secret = 'signing-secret';
const sign = (timestamp: string, body: string) => createHmac('sha256', secret).update(timestamp + body).digest('base64');

describe('Zendesk webhook reader', () => {
  const now = Date.parse('2026-12-07T21:00:00Z');
  const reader = zendeskWebhookReader({ signingSecret: async (storeId) => (storeId === 'store-a' ? secret : undefined), now: () => now });
  const body = Buffer.from('{"ticket_id":"42","comment_id":"7"}');
  const headers = (timestamp: string, signature = sign(timestamp, body.toString())) => ({ 'x-zendesk-webhook-signature': signature, 'x-zendesk-webhook-signature-timestamp': timestamp });

  test('accepts base64 HMAC-SHA256 of timestamp + raw body; refuses another body, secret, store or an old timestamp', async () => {
    assert.equal(await reader.verify('store-a', body, headers('2026-12-07T20:59:30Z')), 'ok');
    assert.equal(await reader.verify('store-a', Buffer.from('{"ticket_id":"43","comment_id":"7"}'), headers('2026-12-07T20:59:30Z')), 'bad');
    assert.equal(await reader.verify('store-a', body, headers('2026-12-07T20:59:30Z', createHmac('sha256', 'other').update('x').digest('base64'))), 'bad');
    assert.equal(await reader.verify('store-a', body, headers('2026-12-07T20:00:00Z')), 'bad', 'an hour old');
    assert.equal(await reader.verify('store-a', body, {}), 'bad');
    assert.equal(await reader.verify('store-b', body, headers('2026-12-07T20:59:30Z')), 'unconfigured');
  });

  test('reads the ticket from a trigger body or an event subscription; only digits are ids', () => {
    assert.deepEqual(reader.read({ ticket_id: '42', comment_id: '7' }), { ticketId: '42', eventId: undefined });
    assert.deepEqual(reader.read({ type: 'zen:event-type:ticket.comment_added', id: 'e1f0-22', detail: { id: '42' } }), { ticketId: '42', eventId: 'e1f0-22' });
    assert.equal(reader.read({ ticket_id: '../users/me' }), undefined);
    assert.equal(reader.read({ ticket_id: 42.5 }), undefined);
    assert.equal(reader.read([]), undefined);
  });
});

describe('Gorgias webhook reader', () => {
  const reader = gorgiasWebhookReader({ webhookSecret: async () => 'a-shared-secret-of-24-chars' });
  test('compares the shared secret header; reads ticket_id', async () => {
    assert.equal(await reader.verify('s', Buffer.from('{}'), { 'x-concierge-webhook-secret': 'a-shared-secret-of-24-chars' }), 'ok');
    assert.equal(await reader.verify('s', Buffer.from('{}'), { 'x-concierge-webhook-secret': 'a-shared-secret-of-24-chaRs' }), 'bad');
    assert.equal(await reader.verify('s', Buffer.from('{}'), {}), 'bad');
    assert.deepEqual(reader.read({ ticket_id: 9, message_id: 3 }), { ticketId: '9', eventId: undefined });
    assert.deepEqual(reader.read({ ticket: { id: '9' } }), { ticketId: '9', eventId: undefined });
    assert.equal(reader.read({ ticket_id: 'abc' }), undefined);
  });
});
