import type { ProviderRefund, ProviderRefundLog, RefundEvent } from '../../core/ports/provider-refunds';
import type { Database } from '../database';

const toRefund = (r: Record<string, unknown>): ProviderRefund => ({
  provider: String(r.provider),
  refundId: String(r.refund_id),
  orderId: String(r.order_id),
  requestKey: (r.request_key as string | null) ?? null,
  amountCents: Number(r.amount_cents),
  currency: String(r.currency),
  status: r.status as ProviderRefund['status'],
  failureReason: (r.failure_reason as string | null) ?? null,
});

// What the order-request ledger shows for a refund the provider reports: a failed or cancelled refund fails its
// request; a succeeded one completes a request left in progress by a call whose answer never came (a timeout).
const REQUEST_STATUS_SQL = `CASE WHEN $4::text IN ('failed', 'canceled') AND status IN ('completed', 'in_progress') THEN 'failed'
  WHEN $4::text = 'succeeded' AND status = 'in_progress' THEN 'completed' ELSE status END`;

/**
 * `provider_refunds` (migration 0080) and the webhook dedupe rows in `webhook_deliveries`: an event
 * is recorded as delivered and applied in one transaction, so a replay changes nothing and a crash
 * between the two loses nothing (the provider delivers again).
 */
export function providerRefundLog(database: Database): ProviderRefundLog {
  return {
    async record(storeId, refund) {
      await database.query(
        `INSERT INTO provider_refunds (store_id, provider, refund_id, order_id, request_key, amount_cents, currency, status, failure_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (store_id, provider, refund_id) DO UPDATE SET request_key = coalesce(provider_refunds.request_key, EXCLUDED.request_key),
           status = CASE WHEN provider_refunds.last_event_at IS NULL THEN EXCLUDED.status ELSE provider_refunds.status END, updated_at = now()`,
        [storeId, refund.provider, refund.refundId, refund.orderId, refund.requestKey, refund.amountCents, refund.currency, refund.status, refund.failureReason],
      );
    },
    async get(storeId, provider, refundId) {
      const rows = await database.query(`SELECT * FROM provider_refunds WHERE store_id = $1 AND provider = $2 AND refund_id = $3`, [storeId, provider, refundId]);
      return rows[0] ? toRefund(rows[0]) : undefined;
    },
    async applyEvent(storeId, event: RefundEvent) {
      let fresh = false;
      await database.transactionSql(async (run) => {
        const delivered = await run(`INSERT INTO webhook_deliveries (provider, delivery_id, store_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING delivery_id`, [event.provider, event.eventId, storeId]);
        if (delivered.length === 0) return;
        fresh = true;
        const r = event.refund;
        // An older event than the last applied (webhooks arrive out of order) does not move the status back.
        await run(
          `INSERT INTO provider_refunds (store_id, provider, refund_id, order_id, request_key, amount_cents, currency, status, failure_reason, last_event_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (store_id, provider, refund_id) DO UPDATE SET status = EXCLUDED.status, failure_reason = EXCLUDED.failure_reason,
             last_event_at = EXCLUDED.last_event_at, updated_at = now()
           WHERE provider_refunds.last_event_at IS NULL OR provider_refunds.last_event_at <= EXCLUDED.last_event_at`,
          [storeId, r.provider, r.refundId, r.orderId, r.requestKey, r.amountCents, r.currency, r.status, r.failureReason, event.occurredAt],
        );
        const current = (await run(`SELECT status FROM provider_refunds WHERE store_id = $1 AND provider = $2 AND refund_id = $3`, [storeId, r.provider, r.refundId])) as { status: string }[];
        const status = current[0]?.status ?? r.status;
        await run(
          `UPDATE order_requests SET status = ${REQUEST_STATUS_SQL},
             result = result || jsonb_build_object('refundId', $2::text, 'refundStatus', $4::text, 'refundFailureReason', $5::text), updated_at = now()
           WHERE store_id = $1 AND kind = 'refund' AND (result->>'refundId' = $2 OR (request_key = $3 AND status = 'in_progress'))`,
          [storeId, r.refundId, r.requestKey ?? '', status, status === 'failed' || status === 'canceled' ? r.failureReason : null],
        );
      });
      return fresh;
    },
  };
}
