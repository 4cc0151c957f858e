import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { routeOfIntent } from '../../core/ports/nlu';
import { decideDisclosure } from '../../policy/index';
import type { AgentDeps } from '../deps';
import { runContext } from '../run-context';
import type { ConversationStateType, ConversationUpdate } from '../state';
import type { Slots } from '../state-types';
import { toOrderView } from '../tools/order-view';
import { findPostalCode } from '../understanding/postal-code';
import { verificationLockout } from '../verification-lockout';

const ORDER_ROUTES = new Set(['wismo', 'returns', 'refunds', 'order_changes']);

/** Takes what the message says (order number, e-mail, postal code) into the slots that persist across turns. */
function mergeSlots(state: ConversationStateType): Slots {
  const slots: Slots = { ...state.slots };
  const orderNumber = state.entities.orderNumbers?.[0];
  if (orderNumber && orderNumber !== slots.orderRef?.replace(/^#/, '')) {
    // Another order: what was chosen for the previous one no longer applies.
    delete slots.itemIds;
    delete slots.confirmed;
    delete slots.refundReason;
    delete slots.refundAmount;
    delete slots.newAddress;
    // Details given for another order are not a claim on this one.
    delete slots.email;
    delete slots.postalCode;
    slots.orderRef = orderNumber;
    slots.failedVerifications = 0;
    delete slots.verificationLocked;
  }
  const email = state.entities.emails?.[0];
  if (email) slots.email = email;
  if (state.awaiting?.kind === 'verification') {
    const postalCode = findPostalCode(state.input, state.entities.orderNumbers ?? []);
    if (postalCode) slots.postalCode = postalCode;
  }
  return slots;
}

/**
 * fetch_context: the entity pass into slots, then the order (fresh every turn) and whether the
 * shopper may see it (the policy engine's disclosure decision).
 */
export const fetchContextNode = (deps: AgentDeps) => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  const run = runContext(config);
  const slots = mergeSlots(state);
  const needsOrder = ORDER_ROUTES.has(routeOfIntent[state.intent]);
  if (!needsOrder) return { slots, order_data: null };

  if (!slots.orderRef && state.identity.verified && state.identity.email) {
    const [latest] = await deps.commerce.findOrders(state.store_id, { email: state.identity.email, limit: 1 });
    if (latest) slots.orderRef = latest.name;
  }
  if (!slots.orderRef) return { slots, order_data: null };

  const order = await deps.commerce.getOrder(state.store_id, slots.orderRef);
  if (!order) return { slots, order_data: null, policy_context: [`no order ${slots.orderRef} in this store`] };
  run.orders.set(order.id, order);

  const verified = new Set(state.verified_orders);
  if (!verified.has(order.id)) {
    // Failures count across conversations and channels (per order and per shopper), not only here.
    const lockout = verificationLockout(deps.verificationFailures);
    const subject = { storeId: state.store_id, order, identity: state.identity };
    const prior = await lockout.priorFailures(subject, run.now);
    const decision = decideDisclosure({
      order,
      claim: {
        email: slots.email,
        postalCode: slots.postalCode,
        channelVerifiedEmail: state.identity.verified ? state.identity.email : undefined,
        channelCustomerId: state.identity.verified ? state.identity.customerId : undefined,
      },
      failedAttempts: Math.max(slots.failedVerifications ?? 0, prior),
      now: run.now,
    });
    if (decision.outcome === 'allow') verified.add(order.id);
    else if (decision.reasons.some((r) => r.code === 'verification_failed' || r.code === 'too_many_attempts')) {
      slots.failedVerifications = (slots.failedVerifications ?? 0) + 1;
      delete slots.email;
      delete slots.postalCode;
      if (decision.reasons[0]!.code === 'verification_failed') await lockout.recordFailure(subject, { conversationId: state.conversation_id, channel: state.channel });
      if (lockout.locked(prior + 1)) slots.verificationLocked = true;
    } else if (lockout.locked(prior)) slots.verificationLocked = true;
  }
  return {
    slots,
    order_data: toOrderView(order),
    verified_orders: [...verified],
    customer_data: { email: order.email, name: order.customerName, verified: verified.has(order.id) },
  };
};
