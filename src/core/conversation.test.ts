import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agentMayReply, canTransition, transition } from './conversation';

test('legal transitions name their event', () => {
  assert.equal(transition('open', 'handed_off'), 'conversation.handoff_requested');
  assert.equal(transition('handed_off', 'open'), 'conversation.handed_back');
  assert.equal(transition('open', 'resolved'), 'conversation.resolved');
  assert.equal(transition('resolved', 'open'), 'conversation.reopened');
});

test('illegal transitions are refused with a conflict', () => {
  assert.equal(canTransition('handed_off', 'pending'), false);
  assert.throws(() => transition('handed_off', 'pending'), /cannot become pending/);
  assert.throws(() => transition('open', 'open'));
});

test('the agent is silent only while a human owns the conversation', () => {
  assert.equal(agentMayReply('open'), true);
  assert.equal(agentMayReply('handed_off'), false);
  assert.equal(agentMayReply('resolved'), true);
});
