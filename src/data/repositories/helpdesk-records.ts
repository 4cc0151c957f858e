import type { HelpdeskName, HelpdeskRecords, PostRecord } from '../../core/ports/helpdesk';
import type { Database } from '../database';

interface PostRow {
  store_id: string;
  post_key: string;
  provider: HelpdeskName;
  ticket_id: string;
  kind: PostRecord['kind'];
  status: PostRecord['status'];
  remote_id: string | null;
}

/** The helpdesk channel's rows in PostgreSQL/PGlite (0105); every statement names the store. */
export function helpdeskRecords(database: Database): HelpdeskRecords {
  const q = database.query.bind(database);
  return {
    async conversationOf(storeId, provider, ticketId) {
      const [row] = await q<{ conversation_id: string | null; stale: boolean }>(
        "SELECT conversation_id, created_at < now() - interval '60 seconds' AS stale FROM helpdesk_tickets WHERE store_id = $1 AND provider = $2 AND ticket_id = $3",
        [storeId, provider, ticketId],
      );
      if (!row) return undefined;
      // A claim a dead worker left unlinked for a minute is given up, so the ticket is not stuck.
      if (row.conversation_id === null && row.stale) {
        await this.releaseTicket(storeId, provider, ticketId);
        return undefined;
      }
      return row.conversation_id;
    },
    async claimTicket(storeId, provider, ticketId) {
      const rows = await q('INSERT INTO helpdesk_tickets (store_id, provider, ticket_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING ticket_id', [storeId, provider, ticketId]);
      return rows.length === 1;
    },
    async linkTicket(storeId, provider, ticketId, conversationId) {
      await q('UPDATE helpdesk_tickets SET conversation_id = $4 WHERE store_id = $1 AND provider = $2 AND ticket_id = $3', [storeId, provider, ticketId, conversationId]);
    },
    async releaseTicket(storeId, provider, ticketId) {
      await q('DELETE FROM helpdesk_tickets WHERE store_id = $1 AND provider = $2 AND ticket_id = $3 AND conversation_id IS NULL', [storeId, provider, ticketId]);
    },
    async ticketOf(storeId, conversationId) {
      const [row] = await q<{ provider: HelpdeskName; ticket_id: string }>('SELECT provider, ticket_id FROM helpdesk_tickets WHERE store_id = $1 AND conversation_id = $2', [storeId, conversationId]);
      return row ? { provider: row.provider, ticketId: row.ticket_id } : undefined;
    },
    async markComment(storeId, provider, ticketId, commentId, outcome) {
      const rows = await q(
        'INSERT INTO helpdesk_comments (store_id, provider, ticket_id, comment_id, outcome) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING comment_id',
        [storeId, provider, ticketId, commentId, outcome],
      );
      return rows.length === 1;
    },
    async commentHandled(storeId, provider, ticketId, commentId) {
      const rows = await q('SELECT 1 FROM helpdesk_comments WHERE store_id = $1 AND provider = $2 AND ticket_id = $3 AND comment_id = $4', [storeId, provider, ticketId, commentId]);
      return rows.length === 1;
    },
    async post(storeId, key) {
      const [row] = await q<PostRow>('SELECT store_id, post_key, provider, ticket_id, kind, status, remote_id FROM helpdesk_posts WHERE store_id = $1 AND post_key = $2', [storeId, key]);
      return row ? { storeId: row.store_id, key: row.post_key, provider: row.provider, ticketId: row.ticket_id, kind: row.kind, status: row.status, remoteId: row.remote_id } : undefined;
    },
    async startPost(input) {
      await q(
        `INSERT INTO helpdesk_posts (store_id, post_key, provider, ticket_id, conversation_id, message_id, kind, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'posting')
         ON CONFLICT (store_id, post_key) DO UPDATE SET status = 'posting', updated_at = now() WHERE helpdesk_posts.status IN ('pending', 'posting')`,
        [input.storeId, input.key, input.provider, input.ticketId, input.conversationId, input.messageId, input.kind],
      );
    },
    async settlePost(storeId, key, status, remoteId, error) {
      await q('UPDATE helpdesk_posts SET status = $3, remote_id = COALESCE($4, remote_id), error = $5, updated_at = now() WHERE store_id = $1 AND post_key = $2', [storeId, key, status, remoteId, error]);
    },
    async message(storeId, messageId) {
      const [row] = await q<{ conversation_id: string; role: string; content: string; author: string | null }>(
        "SELECT conversation_id, role, content, metadata->>'author' AS author FROM messages WHERE store_id = $1 AND id = $2",
        [storeId, messageId],
      );
      return row ? { conversationId: row.conversation_id, role: row.role, content: row.content, author: row.author } : undefined;
    },
    async unpostedReplies(withinMs, limit) {
      // A human's comment taken in from the helpdesk (author `helpdesk:…`) is already there: never posted back.
      const rows = await q<{ store_id: string; id: string }>(
        `SELECT m.store_id, m.id FROM messages m
           JOIN helpdesk_tickets t ON t.conversation_id = m.conversation_id AND t.store_id = m.store_id
         WHERE m.created_at > now() - ($1::bigint * interval '1 millisecond') AND m.role IN ('assistant', 'agent')
           AND COALESCE(m.metadata->>'author', '') NOT LIKE 'helpdesk:%'
           AND NOT EXISTS (SELECT 1 FROM helpdesk_posts p WHERE p.message_id = m.id)
         ORDER BY m.created_at LIMIT $2`,
        [Math.ceil(withinMs), limit],
      );
      return rows.map((r) => ({ storeId: r.store_id, messageId: r.id }));
    },
  };
}
