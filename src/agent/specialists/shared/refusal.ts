import type { Reason } from '../../../policy/index';

/**
 * The one reason that decided a refusal, for the shopper's reply: the first that refuses (deny),
 * else the first that sends it to a human (review). Decisions list reasons strictest first, in the
 * order the policy checks them, so this is the reason an operator would name first too. Only the
 * code goes to the template, never the message: messages carry the policy's figures (limits,
 * counts) that are the operator's to read, not the shopper's.
 */
export function decidingReason(reasons: readonly Pick<Reason, 'code' | 'effect'>[]): string {
  return (reasons.find((r) => r.effect === 'deny') ?? reasons.find((r) => r.effect === 'review') ?? reasons[0])?.code ?? 'other';
}
