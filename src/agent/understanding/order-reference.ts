import type { Entities } from '../../core/ports/nlu';

// A number standing on its own: not part of a word, a decimal, a price or a quantity.
const NUMBER = /(?<![\w.,$€£/-])#?(\d{3,10})(?![\w-]|[.,]\d|\s*(?:usd|eur|dollars?|euros?|items?|pcs|days?|%))/gi;
const YEAR = /^(19|20)\d{2}$/;

/**
 * The order number in a reply to "what's your order number?": "it's 1003", "sure, 1042 I think".
 * Out of that context a bare number is too ambiguous for the entity pass to call it an order.
 */
export function orderNumberInAnswer(text: string, entities: Entities): string | undefined {
  const taken = [...(entities.phones ?? []), ...(entities.trackingNumbers ?? []), ...(entities.emails ?? []), ...(entities.amounts ?? [])].join(' ');
  for (const match of text.matchAll(NUMBER)) {
    const number = match[1]!;
    if (!YEAR.test(number) && !taken.includes(number)) return number;
  }
  return undefined;
}
