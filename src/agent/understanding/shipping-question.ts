import type { Entities } from '../../core/ports/nlu';

/**
 * A question about shipping in general ("do you ship to Canada?", "how long does shipping take",
 * "when would it get here if I order today") is answered from the knowledge base; it is not about
 * an order, so no order is looked up or asked for (docs/adr/0035).
 */
const SHIPPING = /\b(ship(ping|s|ped)?|deliver(y|ies|s)?|postage|courier|carriers?|express|standard|international(ly)?|overseas|abroad|arrive|get here)\b/i;
const ASKS = /^\W*(do|does|can|could|will|would|is|are|how|what|whats|what's|which|when|where)\b|\?\s*$/i;
// "if I order today", "before I buy": a purchase not made yet.
const HYPOTHETICAL = /\b(if i (order|buy|place|purchase|get)|before i (order|buy|purchase)|if (ordered|bought|placed) (today|now|tonight))\b/i;
// The shopper's own order or parcel ("my order", "it", "that one"): a follow-up or a status question, not a general one.
const OWN = /\b(my|mine|our)\s+(\w+\s+)?(order|package|parcel|delivery|shipment|stuff|items?|things|box|purchase)\b|\b(where|when)('?s| is| was| will| does| did)? (it|my|that|this|they|them)\b|\b(it|that|this one|they|them)\b(?! (take|takes|cost|costs)\b)/i;
const ASPECTS: [RegExp, string][] = [
  [/\bwhen (will|would|does|do|could|should)\b[^?]*\b(arrive|get here|be here|come|delivered)\b|\bhow (long|fast|quick(ly)?|soon)\b|\b(delivery|shipping|transit) (time|times|speed)\b|\bbusiness days\b|\bget here\b|\barrive (by|in|within)\b/i, 'how long does delivery take business days'],
  [/\bhow much\b|\bcosts?\b|\bprice\b|\bfees?\b|\bfree\b|\bcharge\b|\brates?\b/i, 'how much does shipping cost'],
  [/\bcarriers?\b|\bcouriers?\b|\b(ups|usps|fedex|dhl)\b/i, 'which carriers do you use'],
  [/\b(ship|deliver|send)s? (to|internationally|overseas|abroad|outside)\b|\bcountr(y|ies)\b|\binternational(ly)?\b/i, 'where do you ship countries'],
];

export function isGeneralShippingQuestion(text: string, entities: Entities): boolean {
  if ((entities.orderNumbers?.length ?? 0) > 0) return false;
  if (HYPOTHETICAL.test(text) && SHIPPING.test(text)) return true;
  return SHIPPING.test(text) && ASKS.test(text.trim()) && !OWN.test(text);
}

// Return and refund questions in a shopper's words ("how long do i have to return stuff?") with the article's own words beside them.
const POLICY_ASPECTS: [RegExp, string][] = [
  [/\bhow (long|many days|much time)\b[^?]*\b(to|can i|could i) (return|send (it|them|stuff|things)? ?back)\b|\breturn (window|period|deadline)\b|\b(too late|deadline) to return\b/i, 'how long do I have to return something'],
  [/\bhow (long|many days)\b[^?]*\brefunds?\b|\brefunds?\b[^?]*\bhow long\b|\bwhen (will|do|does) (i|my) (get|see) (my|the)? ?(money|refund)\b/i, 'how long does a refund take'],
];

/** The question with the words of the shipping (or returns) topic it asks about, so the help article on that topic is found. */
export function shippingQuery(text: string): string {
  const policy = POLICY_ASPECTS.find(([cue]) => cue.test(text));
  if (policy && !SHIPPING.test(text)) return `${text} (${policy[1]})`;
  if (!SHIPPING.test(text) && !HYPOTHETICAL.test(text)) return text;
  const aspect = ASPECTS.find(([cue]) => cue.test(text));
  return aspect ? `${text} (${aspect[1]})` : text;
}
