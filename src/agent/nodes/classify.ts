import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { routeOfIntent, type Intent, type Nlu, type NluResult } from '../../core/ports/nlu';
import { readPolicyQuestion } from '../understanding/policy-question';
import type { ConversationStateType, ConversationUpdate } from '../state';
import { runContext, type RunContext } from '../run-context';
import { isBareAcknowledgement } from '../understanding/acknowledgement';
import { answersAwaited } from '../understanding/answers-awaited';
import { ITEM_SITUATIONS, readSituation } from '../understanding/situation';
import { splitRequests } from '../understanding/requests';
import { asksMoneyBack } from '../understanding/money-back';
import { isGeneralShippingQuestion } from '../understanding/shipping-question';
import { saysWrongFit } from '../understanding/wrong-fit';
import { withdraws } from '../understanding/withdrawal';
import { isSideQuestion } from '../understanding/side-question';
import { correctsOrder } from '../understanding/order-reference';
import { asksAmountBack, asksOtherOne, asksWhen, isFollowUp, statusOf } from '../understanding/follow-up';

// Intents that never take over a task in progress: "ok", "thanks", noise.
const WEAK_INTENTS = new Set<Intent>(['greeting', 'other', 'feedback']);
const TOPIC_CHANGE_CONFIDENCE = 0.7;
// Below TOPIC_CHANGE_CONFIDENCE, a request for another action said with its own verb ("actually just
// return them" while an exchange asks for a size) still switches the task: the verb is the shopper's word.
const SWITCH_WITH_VERB_CONFIDENCE = 0.5;
const ACTION_REQUESTS = new Set<Intent>(['return_request', 'exchange_request', 'refund_request', 'cancel_order', 'change_address']);
// Requests that already say what the shopper wants done: a situation they mention is their reason.
const ASKS_WHY_CANCELLED = /\b(why|how come)\b[^.?!]*\bcancel{1,2}(ed|led)\b|\bi (didn'?t|did not|never) cancel/i;
// Asking where an order is, in a message the classifier read as a product question.
const WHERE_IS = /\b(where('?s| is| are)|wheres|status|track(ing)?|shipped|arriv(e|ed|ing))\b/i;
const WISMO_CUE = /\b(where|status|when|track|tracking|shipped|arrive[ds]?|arriving|coming|update|here|soon|get it|delivered)\b|^\W*#?\d+\W*$/i;
const ASKS_FOR_ACTION = /\b(return|refund|exchange|swap|replace|replacement|cancel|back|compensat\w*|credit|\d+\s?(dollars|bucks|euros?|pounds)|change (the |my )?address|where('?s| is) my (return|refund))\b|[$£€]\s?\d/i;
const OWN_FLOW = new Set<Intent>(['return_request', 'exchange_request', 'refund_request', 'return_status', 'refund_status', 'cancel_order', 'change_address']);
// Requests a parcel's money-back wording does not override ("cancel it, it never shipped").
const OWN_FLOW_BUT_STATUS = new Set<Intent>(['return_request', 'exchange_request', 'refund_request', 'return_status', 'cancel_order', 'change_address']);
// What happened to the parcel on its way (not to an item in hand).
const PARCEL_SITUATIONS = new Set(['not_received', 'lost', 'late']);

/** A second reading of an unsure message (the remote model's), or the offline one unchanged. */
export type Understand = (state: ConversationStateType, run: RunContext, offline: NluResult) => Promise<NluResult>;

/**
 * classify: the offline NLU reads the message; a short answer to the question we asked last
 * turn keeps the task in progress, a confident new request changes topic. With a remote model,
 * `understand` may read an unsure message again in the conversation's context first.
 */
export const classifyNode = (nlu: Nlu, understand?: Understand) => {
  const offline = (state: ConversationStateType, run: RunContext) =>
    nlu.analyze(state.input, { referenceDate: run.now, expectingOrderNumber: state.awaiting?.kind === 'order_reference' });
  /** The message's first request; the others wait in the queue (docs/adr/0035). */
  const firstRequest = (state: ConversationStateType, run: RunContext): { state: ConversationStateType; update: ConversationUpdate } => {
    if (state.turn_replies.length > 0) return { state, update: {} };
    const ordersIn = (text: string) => {
      const { entities } = nlu.analyze(text, { referenceDate: run.now });
      return [...(entities.orderNumbers ?? []), ...(entities.orderCandidates ?? [])];
    };
    const [first, ...others] = splitRequests(state.input, ordersIn);
    if (others.length === 0) return { state, update: {} };
    return { state: { ...state, input: first! }, update: { input: first!, queued: [...others, ...state.queued].slice(0, 3) } };
  };
  if (!understand)
    return (state: ConversationStateType, config: LangGraphRunnableConfig): ConversationUpdate => {
      const run = runContext(config);
      const split = firstRequest(state, run);
      return { ...decide(split.state, offline(split.state, run)), ...split.update };
    };
  return async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
    const run = runContext(config);
    const split = firstRequest(state, run);
    const current = split.state;
    const result = offline(current, run);
    // A short answer to the question asked last turn is read offline: it is what the dialogue expects.
    const answering = current.awaiting !== null && current.active_intent !== null && ((current.awaiting.kind === 'photo' && current.attached.length > 0) || answersAwaited(current.input, current.awaiting, result));
    return { ...decide(current, answering ? result : await understand(current, run, result)), ...split.update };
  };
};

function decide(state: ConversationStateType, result: NluResult): ConversationUpdate {
  let intent: Intent = result.intent;
  let awaiting = state.awaiting;
  let activeIntent = state.active_intent;

  // A photo attached while one is asked for answers the question, whatever the words beside it.
  const photoSent = awaiting?.kind === 'photo' && state.attached.length > 0;
  // "never mind, forget it" while an item, a reason, a size or an address is asked for: the task is dropped (a yes/no reads it as a no).
  if (activeIntent && awaiting && awaiting.kind !== 'confirmation' && !photoSent && withdraws(state.input)) {
    return { ...analysis(result, 'greeting', result.confidence), awaiting: null, active_intent: null, suspended: null, withdrawn: true, topics: state.topics };
  }
  const continuing = activeIntent !== null && awaiting !== null && (photoSent || answersAwaited(state.input, awaiting, result));
  const policyQuestion = !continuing && readPolicyQuestion(state.input, result.entities);
  let suspended = state.suspended;
  if (policyQuestion && activeIntent && awaiting && routeOfIntent[activeIntent] !== 'general') {
    // A side question in the middle of a task: answered, then the task picks up where it was.
    return { ...analysis(result, 'policy_question', result.confidence), awaiting: null, active_intent: activeIntent, suspended: { intent: activeIntent, awaiting }, topics: pushTopic(state.topics, 'policy_question') };
  }
  if (!continuing && activeIntent && awaiting && ORDER_ROUTES.has(routeOfIntent[activeIntent]) && routeOfIntent[result.intent] === 'product' && isSideQuestion(state.input)) {
    // "btw is the tent waterproof?" while an item or a yes waits: answered, then the task picks up again (docs/adr/0039).
    return { ...analysis(result, 'product_question', result.confidence), awaiting: null, active_intent: activeIntent, suspended: { intent: activeIntent, awaiting }, topics: pushTopic(state.topics, 'product_question') };
  }
  if (!continuing && activeIntent && awaiting && ORDER_ROUTES.has(routeOfIntent[activeIntent]) && state.slots.orderRef && asksAmountBack(state.input)) {
    // "ok and how much will I get back" while a return or a cancellation waits: answered from the order, then the task picks up again.
    return { ...analysis(result, activeIntent, result.confidence), awaiting: null, active_intent: activeIntent, suspended: { intent: activeIntent, awaiting }, topics: state.topics };
  }
  // Set aside by next_request for a general question of the same message: kept until the answer is built.
  suspended = state.suspended?.sameTurn ? state.suspended : null;
  const followUp = continuing ? null : followUpIntent(state, result);
  if (continuing) {
    intent = activeIntent!;
  } else if (activeIntent && ORDER_ROUTES.has(routeOfIntent[activeIntent]) && namesOrder(result) && correctsOrder(state.input)) {
    // "oh sorry wrong one, i meant 1035": the same task, on the corrected order (docs/adr/0039).
    intent = activeIntent;
    awaiting = null;
  } else if (followUp) {
    // "when will that arrive then?", "and the other one?", "what about the socks?": read against the last order and answer.
    intent = followUp;
    awaiting = null;
  } else if (activeIntent && awaiting && !movesOnFromOffer(state.input, awaiting) && !switchesAction(result, activeIntent, state.input) && (WEAK_INTENTS.has(result.intent) || result.confidence < TOPIC_CHANGE_CONFIDENCE || isBareAcknowledgement(state.input))) {
    intent = activeIntent; // not an answer, not a new request: stay on the task and ask again
  } else if (isBareAcknowledgement(state.input)) {
    // "yes please", "ok thanks" with nothing pending: an acknowledgement, never the start of an action.
    return { ...analysis(result, 'greeting', result.confidence), suspended: null, awaiting: null, active_intent: activeIntent };
  } else {
    // Something happened to an item in hand (damaged, wrong, missing): a situation with its own next step.
    const situation = readSituation(state.input);
    const wrongFit = saysWrongFit(state.input) && (!OWN_FLOW.has(intent) || !ASKS_FOR_ACTION.test(state.input));
    // The classifier's guess of a return or refund is not the shopper's request unless they said so.
    // "too small", "doesn't fit": the size is wrong for the shopper, an exchange for another size (or a return).
    if (wrongFit && !(situation && situation !== 'wrong_item' && ITEM_SITUATIONS.has(situation))) intent = 'exchange_request';
    else if (situation && ITEM_SITUATIONS.has(situation) && (!OWN_FLOW.has(intent) || !ASKS_FOR_ACTION.test(state.input))) intent = 'delivery_problem';
    // A parcel that never came, asked as money back: the refund for non-delivery decides it (the lost-parcel path).
    else if (situation && PARCEL_SITUATIONS.has(situation) && !OWN_FLOW_BUT_STATUS.has(intent) && asksMoneyBack(state.input)) intent = 'refund_request';
    // "why was it cancelled? I didn't cancel it" asks what happened; it is not a request to cancel.
    else if (intent === 'cancel_order' && ASKS_WHY_CANCELLED.test(state.input)) intent = 'order_status';
    // "do you ship to Canada?", "how long does shipping take": about shipping, not about an order.
    else if (routeOfIntent[intent] !== 'returns' && routeOfIntent[intent] !== 'refunds' && !OWN_FLOW.has(intent) && isGeneralShippingQuestion(state.input, result.entities)) intent = 'shipping_info';
    // A message that names an order and asks nothing else we know ("where is 1010", "1040??") is about its status.
    else if (policyQuestion) intent = 'policy_question';
    // (A product reading of a message that names an order and asks where it is, "…1064 and 1244. where is the first one?", is read the same way.)
    else if (namesOrder(result) && (routeOfIntent[intent] === 'general' || (routeOfIntent[intent] === 'product' && WHERE_IS.test(state.input)))) {
      // "and 1016?", "what about 1002": the same question about another order.
      if (WEAK_INTENTS.has(intent) && activeIntent && routeOfIntent[activeIntent] !== 'general') intent = activeIntent;
      // A message that names an order and asks about it in words we know ("where is 1010", "1040??") is about its status.
      else if (WISMO_CUE.test(state.input)) intent = 'order_status';
    }
    awaiting = null;
    activeIntent = WEAK_INTENTS.has(intent) ? activeIntent : intent;
  }
  return {
    ...analysis(result, intent, continuing ? Math.max(result.confidence, 0.9) : result.confidence),
    suspended,
    topics: intent === state.topics.at(-1) || WEAK_INTENTS.has(intent) ? state.topics : pushTopic(state.topics, intent),
    awaiting,
    active_intent: activeIntent,
  };
}

const ORDER_ROUTES = new Set(['wismo', 'returns', 'refunds', 'order_changes']);

/**
 * "Would you like me to pass this to our team?" answered with another question ("ok what about
 * engraving?"): the offer was optional, the shopper moved on; the question is read as a new one,
 * not the offer asked again (docs/adr/0039).
 */
function switchesAction(result: NluResult, activeIntent: Intent, text: string): boolean {
  return ACTION_REQUESTS.has(result.intent) && result.intent !== activeIntent && result.confidence >= SWITCH_WITH_VERB_CONFIDENCE && ASKS_FOR_ACTION.test(text);
}

function movesOnFromOffer(text: string, awaiting: NonNullable<ConversationStateType['awaiting']>): boolean {
  if (awaiting.kind !== 'confirmation' || awaiting.action !== 'handoff' || isBareAcknowledgement(text)) return false;
  return /\?|\b(what|how|do you|does|can you|can i|is there|are there|which|when|where)\b/i.test(text);
}

/**
 * A short follow-up to the last answer about an order (no order number of its own): a question of
 * when or how long is about where the last task stands; "the other one", a product named, or how
 * much comes back carry the last task on (docs/adr/0035).
 */
function followUpIntent(state: ConversationStateType, result: NluResult): Intent | null {
  const active = state.active_intent;
  if (!active || !ORDER_ROUTES.has(routeOfIntent[active]) || !state.slots.orderRef || namesOrder(result)) return null;
  if (!isFollowUp(state.input)) return null;
  // A new request in its own words ("cancel it", "I want to return them") is that request.
  if (OWN_FLOW.has(result.intent) && result.intent !== active && !asksWhen(state.input) && !asksAmountBack(state.input)) return null;
  if (asksAmountBack(state.input)) return active;
  if (asksOtherOne(state.input)) return asksWhen(state.input) ? statusOf(active) : active;
  if (asksWhen(state.input)) return statusOf(active);
  // "what about the socks?", "and the beanie?": the same task for another thing the shopper names.
  if (/^\W*(and|ok(ay)?,? and|what about|how about|and what about|also)\s+(the|my|those|these|that)\s+\w+/i.test(state.input)) return active;
  return null;
}

/** What the NLU read, as the state's analysis channels. */
function analysis(result: NluResult, intent: Intent, confidence: number): ConversationUpdate {
  return {
    intent,
    nlu_intent: result.intent,
    sub_intents: result.subIntents,
    confidence_score: confidence,
    sentiment: result.sentiment,
    sentiment_score: result.sentimentScore,
    frustration: result.frustration,
    language: result.language,
    entities: result.entities,
    withdrawn: false,
  };
}

const namesOrder = (result: NluResult) => (result.entities.orderNumbers?.length ?? 0) > 0 || (result.entities.orderCandidates?.length ?? 0) > 0;

/** The topic stack, most recent last, a few deep. */
const pushTopic = (topics: Intent[], intent: Intent) => [...topics.filter((t) => t !== intent), intent].slice(-4);
