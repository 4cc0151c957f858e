import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from '../shared/reply';

const STATUS_TEXT: Record<string, string> = {
  requested: 'requested, waiting for approval',
  open: 'open: the label is ready, waiting for the parcel to be sent',
  in_transit: 'on its way back to us',
  received: 'received; your refund is being processed',
  closed: 'completed',
  declined: 'declined',
};

/** For "did you get my return?": the returns on the order and where each stands. Other intents pass. */
export function returnStatusStep(state: ConversationStateType): ConversationUpdate {
  if (state.intent !== 'return_status') return {};
  const order = state.order_data!;
  if (order.returns.length === 0) return reply('returns/none', { order_name: order.name }, null, { agent_outputs: { resolved: true } });
  return reply(
    'returns/status',
    { returns: order.returns.map((r) => ({ rma: r.rma, created_at: r.createdAt, status_text: STATUS_TEXT[r.status] ?? r.status })) },
    null,
    { agent_outputs: { resolved: true }, unresolved_turns: 0 },
  );
}
