import type { ConversationUpdate } from '../../state';
import type { Awaiting } from '../../state-types';

/** A step's answer: which template, with which facts, and what we now wait for (if anything). */
export function reply(template: string, vars: Record<string, unknown>, awaiting: Awaiting | null = null, extra: ConversationUpdate = {}): ConversationUpdate {
  return { ...extra, agent_outputs: { ...(extra.agent_outputs ?? {}), reply: { template, vars } }, awaiting };
}

/** A list of items for a sentence: "A", "A and B", "A, B and C". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
