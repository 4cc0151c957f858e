import assert from 'node:assert/strict';
import { test } from 'node:test';
import { automationVerdict, type ConversationFacts } from './automation';

const base: ConversationFacts = {
  id: 'c1',
  customerId: 'ann@example.com',
  status: 'open',
  createdAt: new Date('2026-12-01T10:00:00Z'),
  lastActivityAt: new Date('2026-12-01T10:05:00Z'),
  handedOff: false,
  humanReplied: false,
  firstIntent: 'order_status',
  lastCustomer: { intent: 'feedback', sentiment: 'positive', isFirst: false },
};

test('closed with thanks, no human, no recontact: automated', () => {
  assert.equal(automationVerdict(base, []).automated, true);
});

test('silence is not a resolution: an answered question the shopper never closed does not count', () => {
  const silent = { ...base, lastCustomer: { intent: 'order_status', sentiment: 'neutral', isFirst: true } };
  const verdict = automationVerdict(silent, []);
  assert.equal(verdict.automated, false);
  assert.match(verdict.reason, /silence/);
});

test('a handoff or a human reply: not automated, whatever the ending', () => {
  assert.match(automationVerdict({ ...base, handedOff: true, status: 'resolved' }, []).reason, /handed off/);
  assert.match(automationVerdict({ ...base, humanReplied: true }, []).reason, /human replied/);
});

test('the same shopper back on the same topic within 72 hours: not automated; another topic or later: automated', () => {
  const within = new Date(base.lastActivityAt.getTime() + 71 * 3_600_000);
  const after = new Date(base.lastActivityAt.getTime() + 73 * 3_600_000);
  assert.match(automationVerdict(base, [{ createdAt: within, firstIntent: 'order_status' }]).reason, /recontact/);
  assert.equal(automationVerdict(base, [{ createdAt: within, firstIntent: 'return_request' }]).automated, true);
  assert.equal(automationVerdict(base, [{ createdAt: after, firstIntent: 'order_status' }]).automated, true);
});

test('an anonymous shopper counts only when the conversation was marked resolved', () => {
  assert.equal(automationVerdict({ ...base, customerId: null }, []).automated, false);
  assert.equal(automationVerdict({ ...base, customerId: null, status: 'resolved' }, []).automated, true);
});
