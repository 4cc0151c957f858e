import type { EmailRecords, EmailThread, InboundRecord, OutboundStatus } from '../../core/ports/email-records';
import type { Database } from '../database';

interface InboundRow {
  id: string;
  store_id: string;
  conversation_id: string | null;
  rfc_message_id: string;
  status: InboundRecord['status'];
  reason: string | null;
  body: InboundRecord['body'];
}

interface ThreadRow {
  conversation_id: string;
  store_id: string;
  reply_token: string;
  address: string;
  subject: string;
}

const toThread = (row: ThreadRow): EmailThread => ({
  conversationId: row.conversation_id,
  storeId: row.store_id,
  replyToken: row.reply_token,
  address: row.address,
  subject: row.subject,
});

/** The e-mail records in PostgreSQL/PGlite; every statement names the store. */
export function emailRecords(database: Database): EmailRecords {
  const q = database.query.bind(database);
  return {
    async recordInbound(input) {
      const inserted = await q<{ id: string }>(
        `INSERT INTO email_messages (store_id, direction, rfc_message_id, provider, provider_id, status, reason, body)
         VALUES ($1, 'in', $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT DO NOTHING RETURNING id`,
        [input.storeId, input.rfcMessageId, input.provider, input.providerId, input.status, input.reason, JSON.stringify(input.body)],
      );
      if (inserted[0]) return { id: inserted[0].id, created: true };
      const [first] = await q<{ id: string }>(
        `SELECT id FROM email_messages WHERE store_id = $1 AND direction = 'in' AND (rfc_message_id = $2 OR (provider = $3 AND provider_id = $4)) ORDER BY created_at LIMIT 1`,
        [input.storeId, input.rfcMessageId, input.provider, input.providerId],
      );
      if (!first) throw new Error('an e-mail record conflicted but none was found');
      return { id: first.id, created: false };
    },
    async attachmentsOf(storeId, conversationId) {
      const rows = await q<{ id: string; created_at: Date | string; attachments: InboundRecord['body']['attachments'] }>(
        `SELECT id, created_at, body->'attachments' AS attachments FROM email_messages
          WHERE store_id = $1 AND conversation_id = $2 AND direction = 'in' AND (CASE WHEN jsonb_typeof(body->'attachments') = 'array' THEN jsonb_array_length(body->'attachments') ELSE 0 END) > 0
          ORDER BY created_at, id`,
        [storeId, conversationId],
      );
      return rows.map((row) => ({ emailId: row.id, receivedAt: new Date(row.created_at), attachments: row.attachments }));
    },
    async inbound(storeId, id) {
      const [row] = await q<InboundRow>(`SELECT id, store_id, conversation_id, rfc_message_id, status, reason, body FROM email_messages WHERE store_id = $1 AND id = $2 AND direction = 'in'`, [storeId, id]);
      return row ? { id: row.id, storeId: row.store_id, conversationId: row.conversation_id, rfcMessageId: row.rfc_message_id, status: row.status, reason: row.reason, body: row.body } : undefined;
    },
    async settleInbound(storeId, id, change) {
      await q(`UPDATE email_messages SET status = $3, reason = COALESCE($4, reason), conversation_id = COALESCE($5, conversation_id) WHERE store_id = $1 AND id = $2`, [
        storeId,
        id,
        change.status,
        change.reason ?? null,
        change.conversationId ?? null,
      ]);
    },
    async conversationOfMessageIds(storeId, ids) {
      if (ids.length === 0) return undefined;
      const [row] = await q<{ conversation_id: string }>(
        `SELECT conversation_id FROM email_messages WHERE store_id = $1 AND rfc_message_id = ANY($2::text[]) AND conversation_id IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
        [storeId, ids],
      );
      return row?.conversation_id;
    },
    async thread(storeId, conversationId) {
      const [row] = await q<ThreadRow>(`SELECT conversation_id, store_id, reply_token, address, subject FROM email_threads WHERE store_id = $1 AND conversation_id = $2`, [storeId, conversationId]);
      return row ? toThread(row) : undefined;
    },
    async threadByToken(storeId, replyToken) {
      const [row] = await q<ThreadRow>(`SELECT conversation_id, store_id, reply_token, address, subject FROM email_threads WHERE store_id = $1 AND reply_token = $2`, [storeId, replyToken]);
      return row ? toThread(row) : undefined;
    },
    async createThread(thread) {
      await q(`INSERT INTO email_threads (conversation_id, store_id, reply_token, address, subject) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
        thread.conversationId,
        thread.storeId,
        thread.replyToken,
        thread.address,
        thread.subject,
      ]);
    },
    async chain(storeId, conversationId) {
      const rows = await q<{ rfc_message_id: string }>(
        `SELECT rfc_message_id FROM email_messages WHERE store_id = $1 AND conversation_id = $2 AND (direction = 'in' OR status = 'sent') ORDER BY created_at, id`,
        [storeId, conversationId],
      );
      return rows.map((r) => r.rfc_message_id);
    },
    async outbound(storeId, messageId) {
      const [row] = await q<{ status: OutboundStatus; rfc_message_id: string }>(`SELECT status, rfc_message_id FROM email_messages WHERE store_id = $1 AND message_id = $2 AND direction = 'out'`, [storeId, messageId]);
      return row ? { status: row.status, rfcMessageId: row.rfc_message_id } : undefined;
    },
    async startOutbound(input) {
      await q(
        `INSERT INTO email_messages (store_id, conversation_id, direction, rfc_message_id, provider, message_id, status) VALUES ($1, $2, 'out', $3, $4, $5, 'sending') ON CONFLICT DO NOTHING`,
        [input.storeId, input.conversationId, input.rfcMessageId, input.provider, input.messageId],
      );
    },
    async settleOutbound(storeId, messageId, status, reason) {
      await q(
        `UPDATE email_messages SET status = $3, reason = $4, sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END WHERE store_id = $1 AND message_id = $2 AND direction = 'out'`,
        [storeId, messageId, status, reason],
      );
    },
    async message(storeId, messageId) {
      const [row] = await q<{ conversation_id: string; role: string; content: string }>('SELECT conversation_id, role, content FROM messages WHERE store_id = $1 AND id = $2', [storeId, messageId]);
      return row ? { conversationId: row.conversation_id, role: row.role, content: row.content } : undefined;
    },
    async waitingInbound(olderThanMs, withinMs, limit) {
      const rows = await q<{ store_id: string; id: string }>(
        `SELECT store_id, id FROM email_messages
         WHERE direction = 'in' AND status = 'received' AND created_at < now() - ($1::bigint * interval '1 millisecond') AND created_at > now() - ($2::bigint * interval '1 millisecond')
         ORDER BY created_at LIMIT $3`,
        [Math.ceil(olderThanMs), Math.ceil(withinMs), limit],
      );
      return rows.map((r) => ({ storeId: r.store_id, emailId: r.id }));
    },
    async firstUseOfSignatureToken(token, fingerprint) {
      const prefix = token.replace(/[%_\\]/g, '');
      const seen = await q<{ delivery_id: string }>(`SELECT delivery_id FROM webhook_deliveries WHERE provider = 'mailgun-token' AND delivery_id LIKE $1 || ':%'`, [prefix]);
      if (seen.some((row) => row.delivery_id !== `${prefix}:${fingerprint}`)) return false;
      await q(`INSERT INTO webhook_deliveries (provider, delivery_id) VALUES ('mailgun-token', $1) ON CONFLICT DO NOTHING`, [`${prefix}:${fingerprint}`]);
      return true;
    },
    async unsentReplies(withinMs, limit) {
      const rows = await q<{ store_id: string; id: string }>(
        `SELECT m.store_id, m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id AND c.store_id = m.store_id
         WHERE m.created_at > now() - ($1::bigint * interval '1 millisecond') AND m.role IN ('assistant', 'agent') AND c.channel = 'email'
           AND NOT EXISTS (SELECT 1 FROM email_messages e WHERE e.message_id = m.id AND e.direction = 'out')
         ORDER BY m.created_at LIMIT $2`,
        [Math.ceil(withinMs), limit],
      );
      return rows.map((r) => ({ storeId: r.store_id, messageId: r.id }));
    },
  };
}
