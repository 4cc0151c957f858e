import { readConfirmation } from './confirmation';
import { readItemChoice } from './item-choice';

/**
 * Which of the orders the agent listed (by number, with their items) the shopper picks: "the socks
 * one", "the second", or "yes" when only one was offered. Undefined when the answer picks none or
 * more than one.
 */
export function chosenOrder(text: string, options: { name: string; title: string }[]): string | undefined {
  if (options.length === 0) return undefined;
  if (options.length === 1 && readConfirmation(text) === true) return options[0]!.name;
  const picked = readItemChoice(text, options.map((o) => ({ id: o.name, title: o.title })));
  return picked?.length === 1 ? picked[0] : undefined;
}
