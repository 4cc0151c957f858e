import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from '../shared/reply';

const THANKS = /\b(thanks?|thank you|thx|ty|cheers|appreciate)\b/i;
const BYE = /\b(bye|goodbye|see you|that'?s all|have a (good|nice))\b/i;

/** Greetings, thanks, feedback, requests for a person, complaints: answered or handed over, without a lookup. */
export function smallTalkStep(state: ConversationStateType): ConversationUpdate {
  switch (state.intent) {
    case 'greeting':
      if (state.withdrawn) return reply('general/withdrawn', { order_name: state.slots.orderRef ? `#${state.slots.orderRef.replace(/^#/, '')}` : null }, null, { agent_outputs: { resolved: true } });
      if (THANKS.test(state.input) || BYE.test(state.input)) return reply('general/thanks', {}, null, { agent_outputs: { resolved: true } });
      return reply('general/greeting', { name: state.customer_data?.name?.split(' ')[0] ?? null });
    case 'feedback':
      return reply('general/feedback', {}, null, { agent_outputs: { resolved: true } });
    case 'human_agent':
      return reply('handoff/started', {}, null, { requires_escalation: true, escalation_reason: 'human_requested' });
    case 'complaint':
      return reply('handoff/started', {}, null, { requires_escalation: true, escalation_reason: 'complaint' });
    case 'other':
      return reply('general/fallback', {}, null, { unresolved_turns: state.unresolved_turns + 1 });
    default:
      return {};
  }
}
