import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTurn, type ObservedTurn } from './check';
import { parseScenarios, ScenarioFileError } from './scenario';

const seen: ObservedTurn = {
  reply: 'Order #1154 is on its way with UPS.',
  intent: 'order_status',
  order: '#1154',
  awaiting: null,
  handoff: false,
  actions: [{ type: 'cancel_order', status: 'completed', order: '#1274', data: { orderName: '#1274' } }],
};

test('a turn that matches passes; each difference is named', () => {
  assert.deepEqual(checkTurn({ intent: 'order_status', order: '1154', reply_has: ['on its way', '/UPS|FedEx/'], reply_lacks: ['refund'], handoff: false, awaiting: null, actions: [{ type: 'cancel_order', order: '#1274' }] }, seen), []);
  assert.deepEqual(checkTurn({ order: '#1274', reply_has: ['delivered'], reply_lacks: ['UPS'], handoff: true, awaiting: 'confirmation', intent: ['cancel_order', 'refund_request'] }, seen), [
    'intent order_status, expected cancel_order or refund_request',
    'order in focus #1154, expected #1274',
    'waiting for nothing, expected confirmation',
    'not handed off, expected a handoff',
    'reply lacks "delivered"',
    'reply contains "UPS"',
  ]);
  assert.deepEqual(checkTurn({ actions: [] }, seen), ['unexpected action cancel_order completed on #1274']);
  assert.deepEqual(checkTurn({ actions: [{ type: 'cancel_order', order: '#1154' }] }, seen), ['missing action cancel_order on #1154', 'unexpected action cancel_order completed on #1274']);
  assert.deepEqual(checkTurn({ order: null }, { ...seen, order: null }), []);
});

test('scenario files: one per document or a list, numbers as shopper turns, clear errors', () => {
  const list = parseScenarios('scenarios:\n  - name: a\n    turns:\n      - say: 1001\n  - name: b\n    shopper: { email: ann.lee0@example.com }\n    turns: [{ say: hi }]\n', 'x.yaml');
  assert.deepEqual(list.map((s) => [s.name, s.turns[0]!.say, s.shopper?.logged_in ?? null]), [['a', '1001', null], ['b', 'hi', true]]);
  assert.equal(parseScenarios('name: c\nturns: [{ say: yo }]\n---\nname: d\nturns: [{ say: hey }]\n', 'y.yaml').length, 2);
  assert.throws(() => parseScenarios('name: e\nturns: [{ say: hi, expect: { orders: "#1" } }]\n', 'z.yaml'), (e: Error) => e instanceof ScenarioFileError && /z\.yaml: scenario 1 "e": turns\.0\.expect/.test(e.message));
  assert.throws(() => parseScenarios('name: f\nturns: []\n', 'w.yaml'), ScenarioFileError);
  assert.throws(() => parseScenarios('name: [unclosed\n', 'v.yaml'), ScenarioFileError);
});

test('repeated: false fails on the previous reply word for word; data_lacks fails on a word the action holds', () => {
  assert.deepEqual(checkTurn({ repeated: false }, seen, 'Order #1154 is on its way with UPS.'), ['the same reply as the turn before, word for word']);
  assert.deepEqual(checkTurn({ repeated: false }, seen, 'Order #1154 is being packed.'), []);
  assert.deepEqual(checkTurn({ repeated: false }, seen, null), []);
  assert.deepEqual(checkTurn({ actions: [{ type: 'cancel_order', data_lacks: ['1274'] }] }, seen), ['missing action cancel_order without 1274', 'unexpected action cancel_order completed on #1274']);
  assert.deepEqual(checkTurn({ actions: [{ type: 'cancel_order', data_lacks: ['Parka'] }] }, seen), []);
});
