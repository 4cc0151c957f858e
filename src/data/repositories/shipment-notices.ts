import type { ShipmentNotices } from '../../core/ports/shipment-notices';
import type { Database } from '../database';

/** The shipment watch's notices in PostgreSQL/PGlite (the primary key makes a claim atomic). */
export function shipmentNotices(database: Database): ShipmentNotices {
  const q = database.query.bind(database);
  return {
    async claim(input, staleAfterMs) {
      const fresh = await q(
        `INSERT INTO shipment_notices (store_id, fulfillment_id, kind, order_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
        [input.storeId, input.fulfillmentId, input.kind, input.orderId],
      );
      if (fresh.length > 0) return true;
      // A claim whose sender never finished: taken again once it is at least `staleAfterMs` old (`<=`: two statements in the same microsecond read the same now()).
      const reclaimed = await q(
        `UPDATE shipment_notices SET created_at = now() WHERE store_id = $1 AND fulfillment_id = $2 AND kind = $3 AND conversation_id IS NULL AND created_at <= now() - ($4::int * interval '1 millisecond') RETURNING 1`,
        [input.storeId, input.fulfillmentId, input.kind, staleAfterMs],
      );
      return reclaimed.length > 0;
    },
    async sent(input, conversationId) {
      await q(`UPDATE shipment_notices SET conversation_id = $4 WHERE store_id = $1 AND fulfillment_id = $2 AND kind = $3`, [input.storeId, input.fulfillmentId, input.kind, conversationId]);
    },
  };
}
