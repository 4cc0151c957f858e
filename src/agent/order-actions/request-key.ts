import { createHash } from 'node:crypto';
import type { Address } from '../../core/commerce';
import type { ItemQuantity } from '../../core/ports/commerce';
import type { OrderRequest, OrderRequestKind } from '../../core/ports/order-requests';

/** What a request asks, as far as its identity goes: the items and quantities, the amount, the address. */
export interface RequestSubject {
  items?: ItemQuantity[];
  amountCents?: number;
  address?: Partial<Address> | null;
  /** For an address change, the address it starts from: A→B and later B→A are two requests. */
  from?: Partial<Address> | null;
  /** Distinguishes a request asked again after the last one was turned down by the merchant (e.g. declined returns). */
  generation?: number;
}

const squash = (value: string | null | undefined) => (value ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** An address reduced to what makes it the same place: street, unit, city, postal code, country. */
export function addressFingerprint(address: Partial<Address> | null | undefined): string {
  if (!address) return '';
  return [address.address1, address.address2, address.city, address.zip?.replace(/[\s-]/g, ''), address.country].map(squash).join('|');
}

/**
 * The key of a request on an order: its kind, the order and what it asks (items with quantities,
 * amount, address). Never the conversation, the channel or the time: the same refund asked from two
 * conversations, two instances, a retry or an approval is one request, and pays once.
 */
export function orderRequestKey(kind: OrderRequestKind, orderId: string, subject: RequestSubject = {}): string {
  const items = [...(subject.items ?? [])].map((i) => `${i.lineItemId}x${i.quantity}`).sort();
  const canonical = JSON.stringify([kind, orderId, items, subject.amountCents ?? null, subject.address ? addressFingerprint(subject.address) : null, subject.from ? addressFingerprint(subject.from) : null, subject.generation ?? 0]);
  return `${kind}:${orderId}:${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

/**
 * The idempotency key the provider sees: the request's key, and after a failed attempt a new one
 * (a provider such as Stripe replays a failure stored under a key, so a retry needs its own).
 */
export const providerKey = (request: Pick<OrderRequest, 'requestKey' | 'attempts'>): string => (request.attempts <= 1 ? request.requestKey : `${request.requestKey}#${request.attempts}`);
