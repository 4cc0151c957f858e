/** The automation rate's open definition: what the store can audit, one conversation at a time. */
export const AUTOMATION_DEFINITION =
  'A conversation is automated when the agent resolved it without a human: no handoff and no human reply; it ended with a resolution ' +
  "(the conversation was marked resolved, or the shopper's last message closed it with thanks); and the same shopper did not come back " +
  'on the same topic (first intent) within 72 hours. Silence alone is not a resolution. Conversations with no shopper identity cannot be ' +
  'checked for recontact and count only when marked resolved.';

export const RECONTACT_WINDOW_MS = 72 * 3_600_000;
const CLOSING_INTENTS = new Set(['feedback', 'greeting']);

export interface ConversationFacts {
  id: string;
  customerId: string | null;
  status: string;
  createdAt: Date;
  lastActivityAt: Date;
  handedOff: boolean;
  humanReplied: boolean;
  firstIntent: string | null;
  /** The shopper's last message, and whether it was also their first. */
  lastCustomer: { intent: string | null; sentiment: string | null; isFirst: boolean } | null;
}

export interface AutomationVerdict {
  id: string;
  automated: boolean;
  reason: string;
}

/** Decides one conversation; `laterOnes` are the same shopper's conversations started after it. */
export function automationVerdict(c: ConversationFacts, laterOnes: { createdAt: Date; firstIntent: string | null }[]): AutomationVerdict {
  if (c.handedOff) return { id: c.id, automated: false, reason: 'handed off to a human' };
  if (c.humanReplied) return { id: c.id, automated: false, reason: 'a human replied' };
  const closedByThanks = Boolean(
    c.lastCustomer && !c.lastCustomer.isFirst && c.lastCustomer.intent && CLOSING_INTENTS.has(c.lastCustomer.intent) && c.lastCustomer.sentiment === 'positive',
  );
  const resolved = c.status === 'resolved';
  if (!resolved && !closedByThanks) return { id: c.id, automated: false, reason: 'no resolution (silence is not one)' };
  if (!c.customerId && !resolved) return { id: c.id, automated: false, reason: 'anonymous shopper: recontact cannot be checked' };
  const recontact = laterOnes.find(
    (o) => o.createdAt.getTime() - c.lastActivityAt.getTime() <= RECONTACT_WINDOW_MS && o.firstIntent !== null && o.firstIntent === c.firstIntent,
  );
  if (recontact) return { id: c.id, automated: false, reason: `recontact on the same topic (${c.firstIntent}) within 72 hours` };
  return { id: c.id, automated: true, reason: resolved ? 'resolved by the agent, no recontact' : 'closed by the shopper with thanks, no recontact' };
}
