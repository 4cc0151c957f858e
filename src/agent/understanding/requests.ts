/**
 * Several requests in one message ("where is my order 1004 and can I change the address on 1007",
 * "cancel 1012 and refund the shipping on 1009", "track 1050, also do you ship to canada?"): the
 * message is cut where a second request starts, so each is handled in turn and none is dropped
 * (docs/adr/0035). Cut only where both sides are requests and they are about different orders, or
 * the second is a general question (no order) after a request about an order: "return the shoes
 * and refund me on 1050" stays one request.
 */

/** What the NLU found in a part of the message: the order numbers it names. */
export type OrdersIn = (text: string) => string[];

// Where a second request may start: a sentence end, a comma or "and"/"also"/"plus"/"then" between clauses.
const JOIN = /(?:\s*[.?!;]+\s+|\s*,\s*|\s+)(?:(?:and|also|plus|then|oh|btw|as well)\b[\s,]*)+|\s*[.?!;]+\s+|\s*,\s+/gi;
// A clause that asks or wants something.
const REQUEST =
  /\b(where|wheres|when|what|whats|how|why|which|status|track\w*|cancel\w*|refund\w*|return\w*|exchange|swap|change|update|address|ship\w*|deliver\w*|arriv\w*|send|money|can|could|would|will|is|are|do|does|did|want|need|like|please|pls)\b|\?/i;
// A question about how the shop works, asked without an order.
const GENERAL = /\b(do|does|can|how (long|much|many)|what('?s| is| are)?)\b[^?]*\b(ship\w*|deliver\w*|return\w*|refund\w*|exchange\w*|polic\w*|gift|warranty|sizes?|stock|price|cost)\b/i;
const MAX_PARTS = 3;

/** The requests of a message in the order written; one element when it holds a single request. */
export function splitRequests(text: string, ordersIn: OrdersIn): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (parts.length < MAX_PARTS - 1) {
    const cut = firstCut(rest, ordersIn);
    if (!cut) break;
    parts.push(cut[0]);
    rest = cut[1];
  }
  return [...parts, rest];
}

function firstCut(text: string, ordersIn: OrdersIn): [string, string] | null {
  for (const join of text.matchAll(JOIN)) {
    const left = text.slice(0, join.index).trim();
    const right = text.slice(join.index! + join[0].length).trim();
    if (left.length < 4 || right.length < 4 || !REQUEST.test(left) || !REQUEST.test(right)) continue;
    const leftOrders = ordersIn(left);
    // "where is 1125 and 1245?": a number on its own after the first request is another order.
    const alone = /^\W*#?(\d{3,20})\W*$/.exec(right)?.[1];
    const rightOrders = alone ? [alone] : ordersIn(right);
    if (leftOrders.length === 0) continue;
    const otherOrder = rightOrders.length > 0 && rightOrders.every((o) => !leftOrders.includes(o));
    const generalQuestion = rightOrders.length === 0 && GENERAL.test(right) && /\?\s*$/.test(right);
    if (otherOrder || generalQuestion) return [left.replace(/[,;]+$/, ''), right];
  }
  return null;
}
