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
  const kept = correctedAway(text);
  let named = (entities.orderNumbers ?? []).filter(kept);
  let candidates = (entities.orderCandidates ?? []).filter(kept);
  if (awaiting?.kind === 'verification') {
    const postal = findPostalCode(text)?.replace(/\s+/g, '');
    const notPostal = (n: string) => n !== postal || marked(text, n);
    named = named.filter(notPostal);
    candidates = candidates.filter(notPostal);
  }
  return { named, candidates };
}

// "…from 1221, no sorry, 1051", "i mean 1051", "make that 1051": the number after a correction replaces those before it.
const CORRECTION = /\b(?:no|nope|sorry|i mean|i meant|meant|actually|oops|correction|wait|rather|scratch that|make (?:that|it)|should be)\b[\s,.:;!-]*(?:(?:it'?s|its|it is|order|number|no\.?|the one|i mean|i meant)\s*)*#?\s?(\d{3,20})\b/gi;
// "1051 not 1221": the number said not to be it.
const NEGATED = /\b(?:not|isn'?t|wasn'?t)\s+(?:order\s+)?#?\s?(\d{3,20})\b/gi;

/**
 * Which numbers of a message still stand after the shopper corrected themselves in it: a number
 * said before a correction ("1221, no sorry, 1051") or said not to be it ("not 1221") is dropped
 * (docs/adr/0039). A message without a correction keeps every number.
 */
function correctedAway(text: string): (number: string) => boolean {
  const dropped = new Set([...text.matchAll(NEGATED)].map((m) => m[1]!));
  const corrections = [...text.matchAll(CORRECTION)];
  const last = corrections.at(-1);
  if (last) {
    const at = last.index + last[0].length - last[1]!.length;
    for (const m of text.slice(0, at).matchAll(/\d{3,20}/g)) if (m[0] !== last[1]) dropped.add(m[0]);
    dropped.delete(last[1]!);
  }
  return (number) => !dropped.has(number.replace(/^#/, ''));
}

/** "oh sorry wrong one, i meant 1035", "no, its 1035": the shopper corrects the order number of the task in progress. */
export function correctsOrder(text: string): boolean {
  return new RegExp(CORRECTION.source, 'i').test(text) || /\bwrong (one|order|number|order number)\b[^\d]{0,30}\d{3,20}/i.test(text);
}

/** The postal code a verification answer gives, not counting numbers the shopper marked as orders. */
export function postalCodeAnswer(text: string, named: string[]): string | undefined {
  return findPostalCode(text, named);
}
