import type { Entities } from '../../core/ports/nlu';
import type { Awaiting } from '../state-types';
import { findPostalCode } from './postal-code';

/** "#1023", "order 1023", "order no. 1023": the shopper said it is an order number. */
const marked = (text: string, number: string) => new RegExp(`(#\\s?|\\b(?:order|ordr|oder|purchase|confirmation)\\b[^\\d]{0,12})${number}\\b`, 'i').test(text);

/**
 * The order numbers a message gives: `named` (the NLU read them as order numbers) and `candidates`
 * (bare numbers in an order-ish context that only the store's orders can confirm). While the agent
 * waits for the e-mail or postal code, a bare number shaped like a postal code is the postal code
 * (a zip is not an order number), unless the shopper marked it as an order ("#1023", "order 1023").
 */
export function orderReferences(text: string, entities: Entities, awaiting: Awaiting | null): { named: string[]; candidates: string[] } {
  let named = entities.orderNumbers ?? [];
  let candidates = entities.orderCandidates ?? [];
  if (awaiting?.kind === 'verification') {
    const postal = findPostalCode(text)?.replace(/\s+/g, '');
    const notPostal = (n: string) => n !== postal || marked(text, n);
    named = named.filter(notPostal);
    candidates = candidates.filter(notPostal);
  }
  return { named, candidates };
}

/** The postal code a verification answer gives, not counting numbers the shopper marked as orders. */
export function postalCodeAnswer(text: string, named: string[]): string | undefined {
  return findPostalCode(text, named);
}
