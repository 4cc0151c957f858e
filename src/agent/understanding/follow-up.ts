import type { Intent } from '../../core/ports/nlu';

/**
 * Short follow-ups read against the conversation's last order and answer (docs/adr/0035):
 * "and the other one?", "what about the socks?", "when will that arrive then?", "how long will that
 * take?", "ok and how much will I get back".
 */
const LEAD = /^\W*(and|ok(ay)?,? and|so|what about|how about|and what about|also|then)\b/i;
const REFERS = /\b(that|it|this one|that one|the other one|the other order|other one|them|they|those)\b/i;
const OTHER_ONE = /\b(the )?other (one|order|package|parcel)\b/i;
const WHEN = /\b(when|how long|how soon|what date|by when|what day|how many days)\b/i;
const AMOUNT_BACK = /\bhow much (will|do|would|'?ll|am) i (get|be refunded|receive|get back)\b|\bhow much (is|will be|would be) (the|my) refund\b|\bhow much (money )?back\b|\bwhat (will|would|do) i get back\b|\bwill i get (all )?(my|the) (full )?(money|refund)( back)?\b|\bdo i get (a full refund|my money back|all my money)\b/i;

/** A message that continues the last exchange rather than starting a request of its own. */
export function isFollowUp(text: string): boolean {
  const words = text.trim().split(/\s+/).length;
  return words <= 10 && (LEAD.test(text) || REFERS.test(text) || AMOUNT_BACK.test(text));
}

export const asksOtherOne = (text: string) => OTHER_ONE.test(text);
export const asksWhen = (text: string) => WHEN.test(text);
export const asksAmountBack = (text: string) => AMOUNT_BACK.test(text);

// A question after an action is about where that action stands, never the action again.
const STATUS_OF: Partial<Record<Intent, Intent>> = {
  refund_request: 'refund_status',
  cancel_order: 'refund_status',
  return_request: 'return_status',
  exchange_request: 'return_status',
  delivery_problem: 'order_status',
  change_address: 'order_status',
};

/** The intent a follow-up question ("when…?", "how long…?") carries on from the task it follows. */
export const statusOf = (intent: Intent): Intent => STATUS_OF[intent] ?? intent;
