import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { routeOfIntent } from '../../core/ports/nlu';
import { decideDisclosure } from '../../policy/index';
import type { AgentDeps } from '../deps';
import { runContext } from '../run-context';
import { recordToolCall } from '../tools/tool-calls';
import type { ConversationStateType, ConversationUpdate } from '../state';
import type { Slots } from '../state-types';
import { toOrderView } from '../tools/order-view';
import { catalogHeads } from '../tools/catalog-heads';
import { chosenOrder } from '../understanding/order-choice';
import { orderReferences, postalCodeAnswer } from '../understanding/order-reference';
import { readSituation } from '../understanding/situation';
import { looksLikeAddressPart, readAddress } from '../understanding/address';
import { productsMentioned, productsNotOnOrder } from '../understanding/product-mentions';
import { verificationLockout } from '../verification-lockout';

const ORDER_ROUTES = new Set(['wismo', 'returns', 'refunds', 'order_changes']);

/**
 * A new shipping address, whole in one message or typed over several ("45 Elm Street apt 3", then
 * "Denver, CO 80203"): the pieces are kept until they make a whole address.
 */
function readAddressParts(state: ConversationStateType, slots: Slots): void {
  if (state.intent !== 'change_address') return;
  const whole = readAddress(state.input);
  if (whole) {
    slots.newAddress = whole;
    delete slots.addressDraft;
    return;
  }
  if (state.awaiting?.kind !== 'new_address' || !looksLikeAddressPart(state.input)) return;
  const draft = slots.addressDraft ? `${slots.addressDraft}, ${state.input.trim()}` : state.input.trim();
  const together = readAddress(draft);
  if (together) {
    slots.newAddress = together;
    delete slots.addressDraft;
  } else slots.addressDraft = draft;
}

/** A different order comes into focus: what was chosen or told for the previous one no longer applies. */
function focusOn(slots: Slots, orderRef: string, how: 'named' | 'chosen'): void {
  if (orderRef.replace(/^#/, '') === slots.orderRef?.replace(/^#/, '')) {
    slots.orderHow = slots.orderHow === 'named' ? 'named' : how;
    return;
  }
  // What was said about the previous order stays with it; said before any order, it is about this one.
  if (slots.orderRef) {
    delete slots.namedProducts;
    delete slots.situation;
  }
  delete slots.itemIds;
  delete slots.itemsHow;
  delete slots.confirmed;
  delete slots.refundReason;
  delete slots.refundAmount;
  delete slots.newAddress;
  delete slots.addressDraft;
  delete slots.variantWanted;
  // Details given for another order are not a claim on this one.
  delete slots.email;
  delete slots.postalCode;
  slots.orderRef = orderRef.replace(/^#/, '');
  slots.orderHow = how;
  slots.failedVerifications = 0;
  delete slots.verificationLocked;
}

/**
 * Takes what the message says into the slots that persist across turns: the order it names (an
 * order number; a bare number in context that the store has; one of the orders we listed), the
 * e-mail, and the postal code given for verification (never read as an order number).
 */
async function mergeSlots(state: ConversationStateType, deps: AgentDeps): Promise<Slots> {
  const slots: Slots = { ...state.slots };
  const refs = orderReferences(state.input, state.entities, state.awaiting);
  const named = refs.named[0];
  if (named) focusOn(slots, named, 'named');
  else {
    let found: string | undefined;
    for (const candidate of refs.candidates) {
      if (await deps.commerce.getOrder(state.store_id, candidate)) {
        found = candidate;
        break;
      }
    }
    if (found) focusOn(slots, found, 'named');
    else if (state.awaiting?.kind === 'order_reference') {
      const chosen = chosenOrder(state.input, state.awaiting.options ?? []);
      if (chosen) focusOn(slots, chosen, 'chosen');
    }
  }
  const email = state.entities.emails?.[0];
  if (email) slots.email = email;
  if (state.awaiting?.kind === 'verification') {
    const postalCode = postalCodeAnswer(state.input, refs.named);
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
  const slots = await mergeSlots(state, deps);
  const needsOrder = ORDER_ROUTES.has(routeOfIntent[state.intent]);
  if (!needsOrder) return { slots, order_data: null };
  const heads = await catalogHeads(deps.commerce, state.store_id);
  readAddressParts(state, slots);
  if (state.intent === 'exchange_request' || state.active_intent === 'exchange_request') {
    const wanted = [...(state.entities.sizes ?? []).map((s) => `size ${s}`), ...(state.entities.colors ?? [])];
    if (wanted.length > 0) slots.variantWanted = wanted;
  }
  const situation = readSituation(state.input);
  // "the scarves weren't in the box, only the lamp and the mug": what came is not what is meant.
  const received = situation === 'missing_item' ? /\bonly (?:got|received|came with|had|found)\b(.*)$/i.exec(state.input)?.[1] : undefined;
  const mentioned = productsMentioned(received ? state.input.slice(0, state.input.length - received.length) : state.input, heads);
  if (mentioned.length > 0) slots.namedProducts = mentioned;
  if (situation) slots.situation = situation;

  if (!slots.orderRef) {
    // Never the latest order in the shopper's stead: a shopper the channel vouches for is shown
    // their orders by number and picks one.
    if (!state.identity.verified || !state.identity.email) return { slots, order_data: null };
    const email = state.identity.email;
    const mine = await recordToolCall(run, 'find_orders', () => deps.commerce.findOrders(state.store_id, { email, limit: 5 }));
    return { slots, order_data: null, order_choices: mine.map((o) => ({ name: o.name, title: o.itemTitles.join(', '), createdAt: o.createdAt.toISOString() })) };
  }

  const orderRef = slots.orderRef;
  const order = await recordToolCall(run, 'get_order', () => deps.commerce.getOrder(state.store_id, orderRef));
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
  const view = toOrderView(order);
  const unmatched = productsNotOnOrder(slots.namedProducts ?? [], view.items.map((i) => i.title));
  return {
    slots,
    unmatched_items: unmatched,
    order_data: view,
    verified_orders: [...verified],
    customer_data: { email: order.email, name: order.customerName, verified: verified.has(order.id) },
  };
};
