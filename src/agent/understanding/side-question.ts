/**
 * A question about something (a product, how things work) asked in the middle of a task: "btw is
 * the tent waterproof?", "does the lamp take normal bulbs?". It may name an item of the order, but
 * it chooses nothing and answers nothing the agent asked (docs/adr/0039). "can I return the lamp?"
 * is not one: it asks for the task itself.
 */
const LEAD_IN = /^\W*(?:(?:btw|by the way|oh|and|also|quick question|just wondering|wait|hmm+|actually)\b[\s,:.-]*)*/i;
const ASKS_ABOUT = /^(is|are|does|do|did|how|what|whats|what's|why|will|would|which|can it|can they|could it|could they|has|have)\b/i;

export function isSideQuestion(text: string): boolean {
  const body = text.trim().replace(LEAD_IN, '');
  // "what about the shoes?" carries the task on to another item (docs/adr/0035): not a side question.
  if (/^(what|how) about\b/i.test(body)) return false;
  return /\?\s*$/.test(body) && ASKS_ABOUT.test(body) && !/\b(return|refund|exchange|cancel|send (it|them) back)\b/i.test(body);
}
