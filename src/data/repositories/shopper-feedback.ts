import type { FeedbackRecord, ShopperFeedbackStore } from '../../core/ports/shopper-feedback';
import type { Database } from '../database';

const toRecord = (r: Record<string, unknown>): FeedbackRecord => ({
  conversationId: String(r.conversation_id),
  messageId: (r.message_id as string | null) ?? null,
  kind: r.kind as FeedbackRecord['kind'],
  score: Number(r.score),
  updatedAt: r.updated_at instanceof Date ? r.updated_at : new Date(String(r.updated_at)),
});

/** Shoppers' thumbs and ratings in `shopper_feedback` (migration 0060); one row per answer or conversation, upserted. */
export function shopperFeedbackRepository(database: Database): ShopperFeedbackStore {
  return {
    async rateAnswer(storeId, conversationId, messageId, thumb) {
      const rows = await database.query(
        `INSERT INTO shopper_feedback (store_id, conversation_id, message_id, kind, score)
         SELECT m.store_id, m.conversation_id, m.id, 'thumb', $4
           FROM messages m
          WHERE m.store_id = $1 AND m.conversation_id = $2 AND m.id = $3 AND m.role IN ('assistant', 'agent')
         ON CONFLICT (store_id, message_id) WHERE kind = 'thumb' DO UPDATE SET score = EXCLUDED.score, updated_at = now()
         RETURNING conversation_id, message_id, kind, score, updated_at`,
        [storeId, conversationId, messageId, thumb === 'up' ? 1 : -1],
      );
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    async rateConversation(storeId, conversationId, score) {
      const rows = await database.query(
        `INSERT INTO shopper_feedback (store_id, conversation_id, message_id, kind, score)
         VALUES ($1, $2, NULL, 'rating', $3)
         ON CONFLICT (store_id, conversation_id) WHERE kind = 'rating' DO UPDATE SET score = EXCLUDED.score, updated_at = now()
         RETURNING conversation_id, message_id, kind, score, updated_at`,
        [storeId, conversationId, score],
      );
      return toRecord(rows[0]!);
    },
    async ofConversation(storeId, conversationId) {
      const rows = await database.query(
        `SELECT conversation_id, message_id, kind, score, updated_at FROM shopper_feedback WHERE store_id = $1 AND conversation_id = $2 ORDER BY updated_at`,
        [storeId, conversationId],
      );
      return rows.map(toRecord);
    },
  };
}
