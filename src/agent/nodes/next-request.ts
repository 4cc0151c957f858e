import type { ConversationStateType, ConversationUpdate } from '../state';

/**
 * next_request: the shopper's message held another request and the one before it is done (nothing
 * is waiting for an answer): that request is read next, in the same turn, and its reply follows
 * the first one's (docs/adr/0035). What the previous request fetched or chose is not carried over.
 */
export function nextRequestNode(state: ConversationStateType): ConversationUpdate {
  const [next, ...rest] = state.queued;
  // A general question while the first request waits for the shopper (an e-mail to verify): answered now, and the question kept.
  const setAside = state.awaiting && state.active_intent ? { suspended: { intent: state.active_intent, awaiting: state.awaiting, sameTurn: true }, awaiting: null } : {};
  return {
    ...setAside,
    input: next ?? '',
    queued: rest,
    agent_outputs: {},
    policy_context: [],
    policy_decision: null,
    order_data: null,
    order_choices: [],
    order_choices_when: null,
    unmatched_items: [],
    requires_escalation: false,
    escalation_reason: null,
  };
}
