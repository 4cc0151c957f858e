import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from '../shared/reply';

/** Changing items is not automated: a human takes it, with the request and the order in the handoff summary. */
export function modifyOrderStep(state: ConversationStateType): ConversationUpdate {
  if (state.intent !== 'modify_order') return {};
  return reply('changes/modify_handoff', {}, null, { requires_escalation: true, escalation_reason: 'order_modification' });
}
