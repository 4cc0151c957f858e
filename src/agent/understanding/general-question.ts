import { readPolicyQuestion } from './policy-question';
import { isGeneralShippingQuestion } from './shipping-question';

/**
 * A question about how the store works that needs nothing from the shopper and no order
 * ("do you ship to canada?", "how long do refunds take?"): it can be answered while another
 * request of the same message waits for the shopper's answer (docs/adr/0039).
 */
export function isGeneralQuestion(text: string): boolean {
  if (/#\s?\d|\b(order|ord)\s?#?\s?\d/i.test(text)) return false;
  return isGeneralShippingQuestion(text, {}) || readPolicyQuestion(text, {});
}
