import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replyExtras } from './reply-extras';

test('a question the shopper answers with yes or no gets Yes and No buttons', () => {
  assert.deepEqual(
    replyExtras({ template: 'knowledge/not_found', vars: {} }, "I'd rather not guess. Would you like me to pass your question to a member of our team?")
      .quickReplies,
    ['Yes', 'No'],
  );
  assert.deepEqual(
    replyExtras({ template: 'refunds/return_required', vars: {} }, 'I can create a prepaid return label for you now — shall I start the return?').quickReplies,
    ['Yes', 'No'],
  );
  assert.equal(
    replyExtras({ template: 'verification/ask', vars: {} }, 'Please confirm the e-mail address or the postal code on order #1001.').quickReplies,
    undefined,
  );
  assert.equal(replyExtras({ template: 'general/answer', vars: {} }, 'What size do you wear?').quickReplies, undefined, 'an open question gets no yes/no');
});

test("choosing items offers the order's items and All", () => {
  const extras = replyExtras(
    { template: 'returns/choose_items', vars: { order_name: '#1001', options: [{ title: 'Alpine Rain Jacket — M' }, { title: 'Merino Crew Sweater — L' }] } },
    'Which item…',
  );
  assert.deepEqual(extras.quickReplies, ['Alpine Rain Jacket — M', 'Merino Crew Sweater — L', 'All']);
});

test('an order status answer carries an order card with its tracking link', () => {
  const extras = replyExtras(
    {
      template: 'wismo/in_transit',
      vars: {
        order_name: '#1042',
        carrier: 'UPS',
        eta: '2026-03-12T00:00:00Z',
        tracking_number: '1Z999',
        tracking_url: 'https://ups.example/1Z',
        last_event: null,
      },
    },
    'Order #1042 is on its way with UPS.',
  );
  assert.deepEqual(extras.card, {
    kind: 'order',
    order: '#1042',
    status: 'in_transit',
    carrier: 'UPS',
    trackingNumber: '1Z999',
    trackingUrl: 'https://ups.example/1Z',
    eta: '2026-03-12T00:00:00Z',
  });
  assert.equal(replyExtras({ template: 'general/thanks', vars: {} }, 'You are welcome!').card, undefined);
});

test('a size question offers the sizes as buttons, like the yes/no ones (issue 17)', () => {
  const asked = replyExtras({ template: 'returns/ask_size', vars: { item: 'Camp Slip-On Shoes', options: ['8', '10', '11', '12'] } }, 'Which size would you like instead? In stock now: 8, 10, 11 and 12.');
  assert.deepEqual(asked.quickReplies, ['8', '10', '11', '12']);
  const soldOut = replyExtras({ template: 'returns/variant_sold_out', vars: { options: ['S', 'M', 'XL'] } }, 'The hoodie in size L is out of stock right now. Would one of those work, or would you rather return it for a refund?');
  assert.deepEqual(soldOut.quickReplies, ['S', 'M', 'XL'], 'the sizes, not yes/no');
  assert.deepEqual(replyExtras({ template: 'returns/variant_not_offered', vars: { options: ['7', '8', '9', '10', '11', '12', '13', '14', '15'] } }, 'Which one would you like instead?').quickReplies?.length, 8);
});
