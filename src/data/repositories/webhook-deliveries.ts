import type { WebhookDeliveries } from '../../core/ports/webhook-deliveries';
import type { Database } from '../database';

/** Webhook deliveries handled, in the database (survives restarts and is shared by every instance). */
export function webhookDeliveryLog(database: Database): WebhookDeliveries {
  return {
    async claim(provider, deliveryId, storeId) {
      const rows = await database.query(
        'INSERT INTO webhook_deliveries (provider, delivery_id, store_id) VALUES ($1, $2, $3) ON CONFLICT (provider, delivery_id) DO NOTHING RETURNING delivery_id',
        [provider, deliveryId, storeId],
      );
      return rows.length === 1;
    },
    async release(provider, deliveryId) {
      await database.query('DELETE FROM webhook_deliveries WHERE provider = $1 AND delivery_id = $2', [provider, deliveryId]);
    },
  };
}
