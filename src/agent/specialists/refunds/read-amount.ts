import { toCents } from '../../../core/money';
import type { ConversationStateType, ConversationUpdate } from '../../state';

/** The amount the shopper named in this message ("refund $45", "45 dollars"), kept for the turns that follow. */
export function readAmountStep(state: ConversationStateType): ConversationUpdate {
  const [named] = state.entities.amounts ?? [];
  if (!named || named === state.slots.refundAmount) return {};
  return { slots: { ...state.slots, refundAmount: named } };
}

/** The asked amount in the order's minor units, when it was named in the order's currency. */
export function askedAmountCents(state: ConversationStateType, currency: string): number | undefined {
  const [value, unit] = (state.slots.refundAmount ?? '').split(' ');
  if (!value || unit !== currency || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  return toCents(value, currency);
}
