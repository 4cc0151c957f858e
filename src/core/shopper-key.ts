import { createHash } from 'node:crypto';

/**
 * A shopper identifier hashed per store and kind, as the order-request ledger (kinds c, e, x…) and the
 * verification lockout (ve, vc, vo) keep them: matchable, not readable.
 */
export const shopperKeyHash = (storeId: string, kind: string, value: string): string =>
  `${kind}:${createHash('sha256').update(`${storeId}\u0000${kind}\u0000${value}`).digest('hex').slice(0, 32)}`;
