import type { ConversationStateType, ConversationUpdate } from '../../state';
import { saysNoPhoto } from '../../understanding/no-photo';
import { listText, reply } from '../shared/reply';

/**
 * The store asks for a photo of this claim and none is attached (docs/adr/0034): the agent asks
 * for one in the shopper's words and waits — nothing is requested, nothing is paid. A shopper who
 * says they cannot send one is handed to a person, who decides without it. No figure of the rule
 * (always, or over which amount) is ever said.
 */
export function askPhotoStep(state: ConversationStateType): ConversationUpdate {
  const checked = state.policy_decision;
  if (checked?.kind !== 'refund' || checked.outcome === 'deny' || !checked.evidenceMissing) return {};
  const view = state.order_data!;
  if (state.awaiting?.kind === 'photo' && saysNoPhoto(state.input))
    return reply('refunds/photo_unavailable', { order_name: view.name }, null, { requires_escalation: true, escalation_reason: 'evidence_unavailable' });
  const items = listText((state.slots.itemIds ?? []).map((id) => view.items.find((i) => i.id === id)?.title ?? '').filter(Boolean));
  return reply('refunds/photo_needed', { order_name: view.name, items, reason: state.slots.refundReason ?? 'other', channel: state.channel }, { kind: 'photo', orderId: view.id });
}
