import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { routeOfIntent } from '../../core/ports/nlu';
import { decideDisclosure } from '../../policy/index';
import type { AgentDeps } from '../deps';
import { runContext } from '../run-context';
import { recordToolCall } from '../tools/tool-calls';
import type { ConversationStateType, ConversationUpdate } from '../state';
import type { OrderView, Slots } from '../state-types';
import { toOrderView } from '../tools/order-view';
import { catalogHeads } from '../tools/catalog-heads';
import { chosenOrder } from '../understanding/order-choice';
import { orderReferences, postalCodeAnswer } from '../understanding/order-reference';
import { readSituation } from '../understanding/situation';
import { readSizeAnswer, readSizesWanted } from '../understanding/size-wanted';
import { itemsSaidMissing, saysSomethingMissing } from '../understanding/missing-items';
import { bareNumbers } from '../understanding/bare-numbers';
import { findPostalCode } from '../understanding/postal-code';
import { looksLikeAddressPart, readAddress } from '../understanding/address';
import { headNoun, productsMentioned, productsNotOnOrder } from '../understanding/product-mentions';
import { verificationLockout } from '../verification-lockout';
import { ordersHoldingItems } from '../dialogue/order-of-item';
import { asksOtherOne } from '../understanding/follow-up';
import { ordersPlacedAt, readOrderDate } from '../understanding/order-date';
import { narrowItems } from '../understanding/item-narrowing';

/** An option of the product ("10", "Slate") said as a word of the message. */
const optionSaid = (text: string, option: string) => new RegExp(`(^|[\\s,])${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,.!])`, 'i').test(text);

const ORDER_ROUTES = new Set(['wismo', 'returns', 'refunds', 'order_changes']);
// Questions that only read an order: an order named by a date goes straight into focus for these.
const READ_ONLY = new Set(['order_status', 'return_status', 'refund_status']);
// The shopper's orders searched for an item they named without an order number.
const ITEM_SEARCH_ORDERS = 20;

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
function focusOn(slots: Slots, orderRef: string, how: NonNullable<Slots['orderHow']>): void {
  if (orderRef.replace(/^#/, '') === slots.orderRef?.replace(/^#/, '')) {
    slots.orderHow = slots.orderHow === 'named' ? 'named' : how;
    return;
  }
  // What was said about the previous order stays with it; said before any order, it is about this one.
  if (slots.orderRef) {
    delete slots.namedProducts;
    delete slots.situation;
    // Details given for another order are not a claim on this one; given before any order ("my email is…", then the number), they are.
    delete slots.email;
    delete slots.postalCode;
  }
  delete slots.itemIds;
  delete slots.itemsHow;
  delete slots.confirmed;
  delete slots.refundReason;
  delete slots.refundAmount;
  delete slots.newAddress;
  delete slots.addressDraft;
  delete slots.variantWanted;
  slots.orderRef = orderRef.replace(/^#/, '');
  slots.orderHow = how;
  slots.ordersSeen = [...(slots.ordersSeen ?? []).filter((o) => o !== slots.orderRef), slots.orderRef].slice(-5);
  slots.failedVerifications = 0;
  delete slots.verificationLocked;
}

/**
 * "tracking for 1034 says delivered": a bare number the NLU ruled out by its neighbours is still
 * the order when it is one of the shopper's own orders (logged in, or the e-mail they gave).
 * Never a postal code given for verification (docs/adr/0032).
 */
async function ownOrderNamed(state: ConversationStateType, deps: AgentDeps, claimedEmail: string | undefined): Promise<string | undefined> {
  const email = (state.identity.verified ? state.identity.email : undefined) ?? claimedEmail;
  if (!email) return undefined;
  const postal = state.awaiting?.kind === 'verification' ? findPostalCode(state.input)?.replace(/\s+/g, '') : undefined;
  for (const number of bareNumbers(state.input).filter((n) => n !== postal).slice(0, 3)) {
    const order = await deps.commerce.getOrder(state.store_id, number);
    if (order?.email && order.email.toLowerCase() === email.toLowerCase()) return number;
  }
  return undefined;
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
    else if (state.awaiting?.kind === 'order_reference' && chosenOrder(state.input, state.awaiting.options ?? [])) {
      focusOn(slots, chosenOrder(state.input, state.awaiting.options ?? [])!, 'chosen');
    } else {
      const own = await ownOrderNamed(state, deps, state.entities.emails?.[0] ?? slots.email);
      if (own) focusOn(slots, own, 'named');
      else if (asksOtherOne(state.input) && slots.orderRef) {
        // "and the other one?": the one other order the shopper named in this conversation; more than one, nothing is assumed.
        const others = (slots.ordersSeen ?? []).filter((o) => o !== slots.orderRef);
        if (others.length === 1) focusOn(slots, others[0]!, 'named');
      }
    }
  }
  // "I have 2 orders coming, 1148 and 1208": the others named are remembered for "and the other one?" (docs/adr/0039).
  const alsoNamed = [...refs.named, ...refs.candidates].map((n) => n.replace(/^#/, '')).filter((n) => n !== slots.orderRef);
  if (alsoNamed.length > 0 && slots.orderRef && slots.orderRef !== state.slots.orderRef) {
    slots.ordersSeen = [...new Set([...alsoNamed, ...(slots.ordersSeen ?? []).filter((o) => !alsoNamed.includes(o))])].slice(-5);
  }
  const email = state.entities.emails?.[0];
  if (email) slots.email = email;
  if (state.awaiting?.kind === 'verification') {
    const postalCode = postalCodeAnswer(state.input, refs.named);
    if (postalCode) slots.postalCode = postalCode;
  }
  return slots;
}

// Requests that say what the shopper wants done: a missing item they mention is their reason.
const ACTION_INTENTS = new Set(['return_request', 'exchange_request', 'refund_request', 'cancel_order', 'change_address', 'modify_order']);

/**
 * "order 1015 came without the wallet", "got the bottle from 1003 but wheres the blanket??": an
 * item of THIS order (of several) said not to have come is a missing item or a partial shipment,
 * whatever the classifier made of the words; the order's fulfilments then say which (docs/adr/0032).
 */
function itemMissingFromOrder(state: ConversationStateType, view: OrderView): string[] | undefined {
  if (view.items.length < 2 || ACTION_INTENTS.has(state.intent) || state.awaiting) return undefined;
  const missing = itemsSaidMissing(state.input, view.items.map((i) => i.title));
  const heads = missing.map(headNoun).filter((h): h is string => Boolean(h));
  return heads.length > 0 ? heads : undefined;
}

/**
 * fetch_context: the entity pass into slots, then the order (fresh every turn) and whether the
 * shopper may see it (the policy engine's disclosure decision).
 */
export const fetchContextNode = (deps: AgentDeps) => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  const run = runContext(config);
  const slots = await mergeSlots(state, deps);
  const orderRoute = ORDER_ROUTES.has(routeOfIntent[state.intent]);
  // An order named with an item said not to have come is about that order, whatever the route.
  const missingSaid = !orderRoute && Boolean(slots.orderRef) && !state.awaiting && saysSomethingMissing(state.input);
  if (!orderRoute && !missingSaid) return { slots, order_data: null };
  const heads = await catalogHeads(deps.commerce, state.store_id);
  readAddressParts(state, slots);
  if (state.intent === 'exchange_request' || state.active_intent === 'exchange_request') {
    // Sizes read where a size is asked for ("for a 10", "size 9.5", "EU 42"), never a fit ("they run small").
    const answer = readSizeAnswer(state.input);
    const sizes = answer ? [answer] : readSizesWanted(state.input);
    const chosen = state.awaiting?.kind === 'variant_choice' && sizes.length === 0 ? state.awaiting.options.filter((o) => optionSaid(state.input, o)) : [];
    const wanted = [...sizes.map((s) => `size ${s}`), ...chosen.map((o) => (/^[\d.]+$|^[SMLX]{1,3}$/.test(o) ? `size ${o}` : o)), ...(state.entities.colors ?? []).filter((c) => !chosen.some((o) => o.toLowerCase() === c.toLowerCase()))];
    if (wanted.length > 0) slots.variantWanted = wanted;
  }
  const situation = readSituation(state.input);
  // "the scarves weren't in the box, only the lamp and the mug": what came is not what is meant.
  const received = situation === 'missing_item' ? /\bonly (?:got|received|came with|had|found)\b(.*)$/i.exec(state.input)?.[1] : undefined;
  const mentioned = productsMentioned(received ? state.input.slice(0, state.input.length - received.length) : state.input, heads);
  if (mentioned.length > 0) slots.namedProducts = mentioned;
  if (situation) slots.situation = situation;

  // "my last order", "the one from yesterday": the shopper's orders placed then (docs/adr/0039).
  const when = slots.orderRef !== state.slots.orderRef ? null : readOrderDate(state.input, run.now);
  const shopperEmail = state.identity.verified && state.identity.email ? state.identity.email : slots.verifiedEmail;
  if (when && shopperEmail) {
    const mine = await recordToolCall(run, 'find_orders', () => deps.commerce.findOrders(state.store_id, { email: shopperEmail, limit: ITEM_SEARCH_ORDERS }));
    const fit = ordersPlacedAt(mine, when);
    // One fits and the shopper only asks about it: that order. To act on it, or several fit, or none: shown by number to pick.
    if (fit.length === 1 && READ_ONLY.has(state.intent)) focusOn(slots, fit[0]!.name, 'date');
    else if (mine.length > 0) {
      delete slots.orderRef;
      delete slots.orderHow;
      const choices = (fit.length > 0 ? fit : mine).slice(0, 5).map((o) => ({ name: o.name, title: o.itemTitles.join(', '), createdAt: o.createdAt.toISOString() }));
      return { slots, order_data: null, order_choices: choices, order_choices_when: when.kind === 'placed' && fit.length !== 1 ? { said: when.said, found: fit.length > 0 } : null };
    }
  }

  if (!slots.orderRef) {
    // Never the latest order in the shopper's stead: a shopper the channel vouches for is shown
    // their orders by number and picks one; an item they named picks the order that holds it.
    if (!state.identity.verified || !state.identity.email) return { slots, order_data: null };
    const email = state.identity.email;
    const mine = await recordToolCall(run, 'find_orders', () => deps.commerce.findOrders(state.store_id, { email, limit: ITEM_SEARCH_ORDERS }));
    const holding = ordersHoldingItems(mine, slots.namedProducts ?? [], state.input);
    if (holding.length === 1) focusOn(slots, holding[0]!.name, 'item');
    else {
      const choices = holding.length > 1 ? holding : mine;
      return { slots, order_data: null, order_choices: choices.slice(0, 5).map((o) => ({ name: o.name, title: o.itemTitles.join(', '), createdAt: o.createdAt.toISOString() })) };
    }
  }

  const orderRef = slots.orderRef!;
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
        // An e-mail already proven on another order of this conversation is the shopper's: their other orders under it need no second check.
        email: slots.email ?? (slots.verifiedEmail && order.email?.toLowerCase() === slots.verifiedEmail ? slots.verifiedEmail : undefined),
        postalCode: slots.postalCode,
        channelVerifiedEmail: state.identity.verified ? state.identity.email : undefined,
        channelCustomerId: state.identity.verified ? state.identity.customerId : undefined,
      },
      failedAttempts: Math.max(slots.failedVerifications ?? 0, prior),
      now: run.now,
    });
    if (decision.outcome === 'allow') {
      verified.add(order.id);
      const claimed = (slots.email ?? slots.verifiedEmail)?.toLowerCase();
      if (claimed && order.email?.toLowerCase() === claimed) slots.verifiedEmail = claimed;
    }
    else if (decision.reasons.some((r) => r.code === 'verification_failed' || r.code === 'too_many_attempts')) {
      slots.failedVerifications = (slots.failedVerifications ?? 0) + 1;
      delete slots.email;
      delete slots.postalCode;
      if (decision.reasons[0]!.code === 'verification_failed') await lockout.recordFailure(subject, { conversationId: state.conversation_id, channel: state.channel });
      if (lockout.locked(prior + 1)) slots.verificationLocked = true;
    } else if (lockout.locked(prior)) slots.verificationLocked = true;
  }
  const view = toOrderView(order);
  const partly = itemMissingFromOrder(state, view);
  if (partly) {
    slots.namedProducts = partly;
    slots.situation = 'missing_item';
  }
  // "what about the socks?": items named now that are not the ones chosen start the choice again.
  const chosenTitles = (slots.itemIds ?? []).map((id) => view.items.find((i) => i.id === id)?.title.toLowerCase() ?? '');
  if (mentioned.length > 0 && chosenTitles.length > 0 && !mentioned.some((head) => chosenTitles.some((t) => t.includes(head)))) {
    delete slots.itemIds;
    delete slots.itemsHow;
    delete slots.confirmed;
  }
  // "actually I'll keep the parka, just the boots": the items of the task in progress narrowed (docs/adr/0039).
  const narrowed = state.awaiting && slots.orderRef === state.slots.orderRef ? narrowItems(state.input, view.items, slots.itemIds ?? []) : undefined;
  if (narrowed) {
    slots.itemIds = narrowed;
    slots.itemsHow = 'named';
    delete slots.confirmed;
  }
  const unmatched = productsNotOnOrder(slots.namedProducts ?? [], view.items.map((i) => i.title));
  return {
    ...(partly ? { intent: 'delivery_problem' as const, active_intent: 'delivery_problem' as const } : {}),
    slots,
    unmatched_items: unmatched,
    order_data: view,
    verified_orders: [...verified],
    customer_data: { email: order.email, name: order.customerName, verified: verified.has(order.id) },
  };
};
