import type { ConversationAttachment, ConversationAttachmentStore } from '../../core/ports/conversation-attachments';
import type { Database } from '../database';

const COLUMNS = 'id, conversation_id, object_key, content_type, size, sha256, source, message_id, created_at';

const toAttachment = (r: Record<string, unknown>): ConversationAttachment => ({
  id: String(r.id),
  conversationId: String(r.conversation_id),
  objectKey: String(r.object_key),
  contentType: String(r.content_type),
  size: Number(r.size),
  sha256: String(r.sha256),
  source: r.source as ConversationAttachment['source'],
  messageId: (r.message_id as string | null) ?? null,
  createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
});

/** Shoppers' photos in `conversation_attachments` (migration 0095); the bytes are in object storage under `object_key`. */
export function conversationAttachmentRepository(database: Database): ConversationAttachmentStore {
  return {
    // The same key again (an e-mail's job retried) is the same attachment.
    async add(storeId, a) {
      const rows = await database.query(
        `INSERT INTO conversation_attachments (store_id, conversation_id, object_key, content_type, size, sha256, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (store_id, object_key) DO UPDATE SET object_key = EXCLUDED.object_key
         RETURNING ${COLUMNS}`,
        [storeId, a.conversationId, a.objectKey, a.contentType, a.size, a.sha256, a.source],
      );
      return toAttachment(rows[0]!);
    },
    async ofConversation(storeId, conversationId) {
      const rows = await database.query(`SELECT ${COLUMNS} FROM conversation_attachments WHERE store_id = $1 AND conversation_id = $2 ORDER BY created_at, id`, [storeId, conversationId]);
      return rows.map(toAttachment);
    },
    async link(storeId, conversationId, ids, messageId) {
      if (ids.length === 0) return;
      await database.query(
        'UPDATE conversation_attachments SET message_id = $4 WHERE store_id = $1 AND conversation_id = $2 AND id = ANY($3::uuid[]) AND message_id IS NULL',
        [storeId, conversationId, ids, messageId],
      );
    },
  };
}
