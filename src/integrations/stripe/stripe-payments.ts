import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { RefundRecord } from '../../core/commerce';
import { AppError } from '../../core/errors';
import type { CommercePort, PaymentsPort } from '../../core/ports/commerce';
import type { ProviderRefundLog } from '../../core/ports/provider-refunds';
import type { Resilience } from '../resilience/resilient-call';
import type { StripeCredentials } from './stripe-client';
import { providerRefundStatus, refundRecordStatus } from './refund-status';
import { translateStripeError } from './stripe-errors';

export interface StripePaymentsDeps {
  credentials(storeId: string): Promise<StripeCredentials | undefined>;
  client(secretKey: string): Stripe;
  /** The order (its name, and its payment reference where the commerce backend has one). */
  commerce: CommercePort;
  refunds: ProviderRefundLog;
  resilience: Resilience;
  /** Told after a refund: the cached order is stale. */
  invalidateOrder?(storeId: string, orderRef: string): Promise<void>;
}

/**
 * The key Stripe sees: derived from the store and the action's own key (which holds the order and
 * what is asked), so every retry of one action — after a timeout, a 5xx, a crash — carries the
 * same key and Stripe refunds once; two stores never share one. ≤ 255 characters.
 */
export const stripeIdempotencyKey = (storeId: string, actionKey: string) => `concierge-refund-${createHash('sha256').update(`${storeId}\u0000${actionKey}`).digest('hex')}`;

/** The request key the action key came from (a retry after a failure appends `#attempt`). */
const requestKeyOf = (actionKey: string) => actionKey.replace(/#\d+$/, '');

/** A metadata value Stripe's search accepts inside single quotes. */
const quoted = (value: string) => value.replace(/['\\]/g, '');

/**
 * Payments through Stripe with the official client: a refund on the order's PaymentIntent (its
 * payment reference, or the one whose metadata names the order), under an idempotency key derived
 * from the action, through the resilience wrapper; recorded in the refund log, whose status
 * Stripe's webhooks move on. Undo: none — money sent is not pulled back.
 */
export function stripePayments(deps: StripePaymentsDeps): PaymentsPort {
  async function paymentIntentOf(storeId: string, stripe: Stripe, credentials: StripeCredentials, orderId: string): Promise<string> {
    const order = await deps.commerce.getOrder(storeId, orderId, { fresh: true });
    if (!order) throw new AppError('not_found', `order ${orderId} not found`);
    if (order.paymentReference?.startsWith('pi_')) return order.paymentReference;
    const field = credentials.orderMetadataKey ?? 'order_id';
    const number = quoted(order.name.replace(/^#/, ''));
    const found = await deps.resilience.call({ storeId, provider: 'stripe', operation: 'find payment' }, () =>
      stripe.paymentIntents.search({ query: `metadata['${field}']:'${number}'`, limit: 2 }),
    );
    if (found.data.length !== 1) throw new AppError('unprocessable', `stripe: ${found.data.length === 0 ? 'no' : 'more than one'} payment found for order ${order.name} (metadata ${field})`);
    return found.data[0]!.id;
  }

  return {
    async refund(storeId, input, options): Promise<RefundRecord> {
      const credentials = await deps.credentials(storeId);
      if (!credentials) throw new AppError('unprocessable', 'stripe is not configured for this store');
      const stripe = deps.client(credentials.secretKey);
      const idempotencyKey = stripeIdempotencyKey(storeId, options.idempotencyKey);
      try {
        const paymentIntent = await paymentIntentOf(storeId, stripe, credentials, input.orderId);
        const refund = await deps.resilience.call({ storeId, provider: 'stripe', operation: 'refund' }, () =>
          stripe.refunds.create(
            {
              payment_intent: paymentIntent,
              amount: input.amountCents,
              reason: 'requested_by_customer',
              metadata: { concierge_store: storeId, concierge_order: input.orderId, concierge_request: requestKeyOf(options.idempotencyKey) },
            },
            { idempotencyKey, timeout: deps.resilience.options.timeoutMs },
          ),
        );
        await deps.refunds.record(storeId, {
          provider: 'stripe',
          refundId: refund.id,
          orderId: input.orderId,
          requestKey: requestKeyOf(options.idempotencyKey),
          amountCents: refund.amount,
          currency: refund.currency.toUpperCase(),
          status: providerRefundStatus(refund.status),
          failureReason: refund.failure_reason ?? null,
        });
        await deps.invalidateOrder?.(storeId, input.orderId);
        if (refundRecordStatus(refund.status) === 'failed') throw new AppError('unprocessable', `stripe: refund ${refund.status}${refund.failure_reason ? `: ${refund.failure_reason}` : ''}`);
        return {
          id: refund.id,
          amountCents: refund.amount,
          currency: refund.currency.toUpperCase(),
          reason: input.reason,
          status: refundRecordStatus(refund.status),
          lineItems: input.items,
          createdAt: new Date(refund.created * 1000),
        };
      } catch (error) {
        throw translateStripeError(error);
      }
    },
  };
}
