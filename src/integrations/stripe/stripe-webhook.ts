import type Stripe from 'stripe';
import { AppError } from '../../core/errors';
import type { ProviderRefund, ProviderRefundLog } from '../../core/ports/provider-refunds';
import type { ProviderWebhook } from '../../core/ports/provider-webhook';
import type { StripeCredentials } from './stripe-client';
import { providerRefundStatus } from './refund-status';

// Stripe's own default: a signature older than five minutes is a replay.
const TOLERANCE_SECONDS = 300;
const REFUND_EVENTS = new Set(['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated']);

export interface StripeWebhookDeps {
  credentials(storeId: string): Promise<StripeCredentials | undefined>;
  /** Any client: signature checks need no key. */
  client: Stripe;
  refunds: ProviderRefundLog;
  invalidateOrder?(storeId: string, orderRef: string): Promise<void>;
}

type RefundObject = Pick<Stripe.Refund, 'id' | 'object' | 'amount' | 'currency' | 'status' | 'metadata'> & { failure_reason?: string | null };

const wellFormed = (r: RefundObject | undefined): r is RefundObject =>
  r?.object === 'refund' && typeof r.id === 'string' && Number.isInteger(r.amount) && typeof r.currency === 'string' && typeof r.status === 'string';

/** The refunds an event carries: the refund itself, or (charge.refunded) the charge's refunds where the payload lists them. */
function refundsOf(event: Stripe.Event): RefundObject[] {
  const object = event.data.object as unknown as Record<string, unknown>;
  const listed = REFUND_EVENTS.has(event.type) ? [object as unknown as RefundObject] : event.type === 'charge.refunded' ? ((object.refunds as { data?: RefundObject[] } | undefined)?.data ?? []) : [];
  const refunds = listed.filter(wellFormed);
  if (refunds.length < listed.length) throw new AppError('bad_request', `Stripe webhook refused: ${event.type} carries a refund without id, amount, currency or status`);
  return refunds;
}

/**
 * POST /webhooks/stripe/{storeId}: `stripe.webhooks.constructEvent` on the raw body with the
 * store's signing secret and Stripe-Signature (five minutes' tolerance); refund events
 * (refund.created / refund.updated / refund.failed, charge.refunded) move the refund's status in
 * the refund log and its order request, once per event id. A refund that names another store in
 * its metadata is not this store's: ignored.
 */
export function stripeWebhook(deps: StripeWebhookDeps): ProviderWebhook {
  return {
    async receive(storeId, rawBody, headers) {
      const credentials = await deps.credentials(storeId);
      if (!credentials?.webhookSecret) throw new AppError('not_found', 'no Stripe webhook is configured for this store');
      const signature = headers['stripe-signature'];
      if (typeof signature !== 'string' || signature === '') throw new AppError('bad_request', 'missing Stripe-Signature header');
      let event: Stripe.Event;
      try {
        event = deps.client.webhooks.constructEvent(rawBody, signature, credentials.webhookSecret, TOLERANCE_SECONDS);
      } catch (error) {
        const why = (error as { type?: string }).type === 'StripeSignatureVerificationError' ? 'signature does not match, or is too old' : 'body is not a Stripe event';
        throw new AppError('bad_request', `Stripe webhook refused: ${why}`);
      }
      if (typeof event?.id !== 'string' || typeof event.type !== 'string' || !event.data?.object) throw new AppError('bad_request', 'Stripe webhook refused: body is not a Stripe event');
      const occurredAt = new Date((event.created ?? Math.floor(Date.now() / 1000)) * 1000);
      const refunds = refundsOf(event).filter((r) => !r.metadata?.concierge_store || r.metadata.concierge_store === storeId);
      let applied = 0;
      let duplicate = false;
      // One delivery id per refund: a charge.refunded event carrying two refunds applies both, once.
      for (const [index, r] of refunds.entries()) {
        const known = await deps.refunds.get(storeId, 'stripe', r.id);
        const refund: ProviderRefund = {
          provider: 'stripe',
          refundId: r.id,
          orderId: known?.orderId ?? r.metadata?.concierge_order ?? '',
          requestKey: known?.requestKey ?? r.metadata?.concierge_request ?? null,
          amountCents: r.amount,
          currency: r.currency.toUpperCase(),
          status: providerRefundStatus(r.status),
          failureReason: r.failure_reason ?? null,
        };
        if (!refund.orderId) continue; // a refund made outside Concierge, for an order it does not know
        const fresh = await deps.refunds.applyEvent(storeId, { provider: 'stripe', eventId: refunds.length > 1 ? `${event.id}#${index}` : event.id, occurredAt, refund });
        if (fresh) {
          applied += 1;
          await deps.invalidateOrder?.(storeId, refund.orderId);
        } else duplicate = true;
      }
      return { eventId: event.id, type: event.type, duplicate: duplicate && applied === 0, applied };
    },
  };
}
