import type { Channel, ConversationStatus } from '../../core/conversation';
import type { InboxReader, InboxRow } from '../../core/ports/inbox';
import type { Database } from '../database';

interface Row {
  id: string;
  channel: string;
  status: string;
  customer_id: string | null;
  customer_name: string | null;
  customer_email: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  handoff_reason: string | null;
  last_role: string | null;
  last_content: string | null;
  last_at: Date | string | null;
  intent: string | null;
  sentiment: string | null;
  pending_actions: number | string;
}

const PREVIEW_CHARS = 280;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The inbox: conversations with their latest message, intent and sentiment, filtered in SQL. */
export function inboxRepository(database: Database): InboxReader {
  return {
    async list(storeId, query) {
      const params: unknown[] = [storeId];
      const where = ['c.store_id = $1'];
      const add = (clause: (n: string) => string, value: unknown) => {
        params.push(value);
        where.push(clause(`$${params.length}`));
      };
      if (query.status) add((p) => `c.status = ${p}`, query.status);
      if (query.channel) add((p) => `c.channel = ${p}`, query.channel);
      if (query.intent) add((p) => `cust.metadata->'analysis'->>'intent' = ${p}`, query.intent);
      if (query.sentiment) add((p) => `cust.metadata->'analysis'->>'sentiment' = ${p}`, query.sentiment);
      if (query.before) add((p) => `c.updated_at < ${p}`, query.before);
      if (query.search) {
        add(
          (p) =>
            `(c.metadata->'customer'->>'email' ILIKE ${p} OR c.metadata->'customer'->>'name' ILIKE ${p} OR c.customer_id ILIKE ${p}
              OR EXISTS (SELECT 1 FROM messages s WHERE s.store_id = c.store_id AND s.conversation_id = c.id AND s.content ILIKE ${p}))`,
          `%${escapeLike(query.search)}%`,
        );
      }
      params.push(query.limit);
      const rows = await database.query<Row>(
        `SELECT c.id, c.channel, c.status, c.customer_id, c.created_at, c.updated_at,
                c.metadata->'customer'->>'name' AS customer_name, c.metadata->'customer'->>'email' AS customer_email,
                c.metadata->'handoff'->>'reason' AS handoff_reason,
                last.role AS last_role, left(last.content, ${PREVIEW_CHARS}) AS last_content, last.created_at AS last_at,
                cust.metadata->'analysis'->>'intent' AS intent, cust.metadata->'analysis'->>'sentiment' AS sentiment,
                (SELECT count(*)::int FROM actions a WHERE a.store_id = c.store_id AND a.conversation_id = c.id AND a.status = 'pending') AS pending_actions
           FROM conversations c
           LEFT JOIN LATERAL (SELECT role, content, created_at FROM messages m WHERE m.store_id = c.store_id AND m.conversation_id = c.id ORDER BY m.created_at DESC LIMIT 1) last ON true
           LEFT JOIN LATERAL (SELECT metadata FROM messages m WHERE m.store_id = c.store_id AND m.conversation_id = c.id AND m.role = 'customer' AND m.metadata ? 'analysis' ORDER BY m.created_at DESC LIMIT 1) cust ON true
          WHERE ${where.join(' AND ')}
          ORDER BY c.updated_at DESC
          LIMIT $${params.length}`,
        params,
      );
      return rows.map(toRow);
    },
    async counts(storeId) {
      const rows = await database.query<{ status: ConversationStatus; n: number | string }>(
        'SELECT status, count(*)::int AS n FROM conversations WHERE store_id = $1 GROUP BY status',
        [storeId],
      );
      const counts: Record<ConversationStatus, number> = { open: 0, pending: 0, handed_off: 0, resolved: 0 };
      for (const row of rows) counts[row.status] = Number(row.n);
      return counts;
    },
  };
}

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

function toRow(row: Row): InboxRow {
  return {
    id: row.id,
    channel: row.channel as Channel,
    status: row.status as ConversationStatus,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
    handoffReason: row.handoff_reason,
    lastMessage: row.last_role && row.last_at ? { role: row.last_role, content: row.last_content ?? '', at: date(row.last_at) } : null,
    intent: row.intent,
    sentiment: row.sentiment,
    pendingActions: Number(row.pending_actions),
  };
}
