import type { RefundRecord } from '../../core/commerce';
import type { ProviderRefundStatus } from '../../core/ports/provider-refunds';

/** Stripe's refund statuses as the order's refund record shows them. */
export function refundRecordStatus(status: string | null | undefined): RefundRecord['status'] {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'failed' || status === 'canceled') return 'failed';
  return 'pending';
}

const KNOWN: readonly ProviderRefundStatus[] = ['pending', 'requires_action', 'succeeded', 'failed', 'canceled'];

/** A Stripe refund status as the refund log keeps it (an unknown one is pending until Stripe says more). */
export const providerRefundStatus = (status: string | null | undefined): ProviderRefundStatus => (KNOWN.includes(status as ProviderRefundStatus) ? (status as ProviderRefundStatus) : 'pending');
