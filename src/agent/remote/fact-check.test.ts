import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFacts } from './fact-check';

const draft = 'Order #1042 shipped with UPS, tracking 1Z999AA10123456784, and should arrive on Wednesday, December 9. Refunds take 5-10 business days; returns are accepted for 30 days. You paid $49.00.';

test('a rewrite that keeps the figures of the draft passes', () => {
  const rewrite = 'Good news: #1042 is with UPS (tracking 1Z999AA10123456784) and due Wednesday, December 9. You paid $49.00, returns are open for 30 days.';
  assert.deepEqual(checkFacts(rewrite, draft), { ok: true, unsupported: [] });
});

test('an invented tracking number, amount, date, percentage or policy figure is caught, by kind', () => {
  const cases: [string, string][] = [
    ['Your tracking number is 1Z999AA10123456785.', 'tracking number'],
    ['We will refund $59.00 today.', 'amount'],
    ['It should arrive on December 12.', 'date'],
    ['You get 15% off your next order.', 'percentage'],
    ['Returns are accepted for 60 days.', 'policy figure'],
    ['Order #1043 is on its way.', 'order number'],
    ['It arrives Friday.', 'date'],
    ['Your order {{order.7}} shipped.', 'placeholder'],
  ];
  for (const [reply, kind] of cases) {
    const check = checkFacts(reply, draft);
    assert.equal(check.ok, false, reply);
    assert.ok(check.unsupported.includes(kind), `${reply}: ${check.unsupported.join(', ')}`);
  }
});
