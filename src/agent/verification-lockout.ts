import { createHash } from 'node:crypto';
import type { Order } from '../core/commerce';
import type { VerificationFailures } from '../core/ports/verification-failures';
import { maxVerificationAttempts, verificationLockoutHours } from '../policy/index';

/** Who a verification attempt is about and by: the order, and the identity the channel gave (verified or not). */
export interface VerificationSubject {
  storeId: string;
  order: Pick<Order, 'id'>;
  identity: { email?: string | null; customerId?: string | null };
}

const hash = (storeId: string, kind: string, value: string) =>
  `${kind}:${createHash('sha256').update(`${storeId}\u0000${kind}\u0000${value}`).digest('hex').slice(0, 32)}`;

/** The keys a failure counts under: the order (whoever guesses) and the shopper's channel identity (whichever order they guess). */
export function verificationKeys(subject: VerificationSubject): string[] {
  const keys = [hash(subject.storeId, 'vo', subject.order.id)];
  const email = subject.identity.email?.trim().toLowerCase();
  if (email) keys.push(hash(subject.storeId, 've', email));
  const customer = subject.identity.customerId?.trim();
  if (customer) keys.push(hash(subject.storeId, 'vc', customer));
  return keys;
}

/**
 * The verification lockout across conversations and channels: failures recorded under the order's
 * and the shopper's keys in the last `verificationLockoutHours`; at `maxVerificationAttempts` typed
 * details are no longer checked and a human verifies another way.
 */
export function verificationLockout(failures: VerificationFailures) {
  return {
    async priorFailures(subject: VerificationSubject, now: Date): Promise<number> {
      return failures.count(subject.storeId, verificationKeys(subject), new Date(now.getTime() - verificationLockoutHours * 3_600_000));
    },
    async recordFailure(subject: VerificationSubject, where: { conversationId?: string | null; channel?: string | null }): Promise<void> {
      await failures.record(subject.storeId, { keys: verificationKeys(subject), ...where });
    },
    locked: (failuresSoFar: number) => failuresSoFar >= maxVerificationAttempts,
  };
}
