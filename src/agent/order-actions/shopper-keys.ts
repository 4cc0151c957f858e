import { createHash } from 'node:crypto';
import type { Order } from '../../core/commerce';
import { addressFingerprint } from './request-key';

/** Who a request is from as far as the channel says: the verified e-mail or customer of the conversation. */
export interface ClaimedShopper {
  email?: string | null;
  customerId?: string | null;
}

const hash = (storeId: string, kind: string, value: string) => `${kind}:${createHash('sha256').update(`${storeId}\u0000${kind}\u0000${value}`).digest('hex').slice(0, 32)}`;

/**
 * The shopper's identifiers, hashed per store (the ledger needs to match them, not to read them):
 * the order's customer, e-mail, shipping address and payment fingerprint where known, and the
 * identity the conversation's channel vouches for. One shopper with two e-mails but one address
 * or card is still one shopper to the abuse limits.
 */
export function shopperKeys(storeId: string, order: Order, claimed: ClaimedShopper = {}): string[] {
  const keys = new Set<string>();
  const add = (kind: string, value: string | null | undefined) => {
    const v = value?.trim().toLowerCase();
    if (v) keys.add(hash(storeId, kind, v));
  };
  add('c', order.customerId);
  add('e', order.email);
  add('a', addressFingerprint(order.shippingAddress).replace(/\|/g, '') ? addressFingerprint(order.shippingAddress) : null);
  add('p', order.paymentFingerprint);
  add('e', claimed.email);
  add('x', claimed.customerId);
  return [...keys];
}
