import type { SealedValue, Sealer } from '../../core/sealed-value';
import type { ShopperDataExport, ShopperIdentity, ShopperPrivacy } from '../../core/ports/shopper-privacy';
import { shopperKeyHash } from '../../core/shopper-key';
import type { Database } from '../database';
import type { ObjectStorage } from '../../core/ports/object-storage';
import { toDate } from './json-row';

// An export is sealed to its store: copied into another store's row, it does not open.
const exportContext = (storeId: string) => `${storeId}:privacy-export`;

/** The hashed keys the ledger (c, e, x) and the verification lockout (ve, vc) keep for this shopper. */
function subjectKeys(storeId: string, who: ShopperIdentity): string[] {
  const keys: string[] = [];
  const email = who.email?.trim().toLowerCase();
  if (email) keys.push(shopperKeyHash(storeId, 'e', email), shopperKeyHash(storeId, 've', email));
  for (const id of who.customerIds) keys.push(shopperKeyHash(storeId, 'c', id.toLowerCase()), shopperKeyHash(storeId, 'x', id.toLowerCase()), shopperKeyHash(storeId, 'vc', id));
  return keys;
}

type Run = (text: string, params?: unknown[]) => Promise<unknown[]>;
type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * The shopper's conversations: the conversation's customer is one of theirs, its metadata or a
 * message names their e-mail, or an order request (refund, return…) from it concerns their orders
 * or carries their keys.
 */
async function conversationsOf(query: Query, storeId: string, who: ShopperIdentity): Promise<string[]> {
  const email = who.email?.trim().toLowerCase() || null;
  const rows = await query<{ id: string }>(
    `SELECT c.id FROM conversations c WHERE c.store_id = $1 AND (
       c.customer_id = ANY($2::text[])
       OR ($3::text IS NOT NULL AND position($3 in lower(c.metadata::text)) > 0)
       OR ($3::text IS NOT NULL AND EXISTS (SELECT 1 FROM messages m WHERE m.store_id = $1 AND m.conversation_id = c.id AND position($3 in lower(m.content)) > 0))
       OR c.id IN (SELECT r.conversation_id FROM order_requests r WHERE r.store_id = $1 AND r.conversation_id IS NOT NULL AND (r.order_id = ANY($4::text[]) OR r.shopper_keys && $5::text[]))
     )`,
    [storeId, who.customerIds, email, who.orderIds, subjectKeys(storeId, who)],
  );
  return rows.map((row) => row.id);
}

/** Erases the conversations' rows; answers the object keys of their photos, deleted from storage once the rows are gone. */
async function eraseConversations(run: Run, storeId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const photos = (await run('DELETE FROM conversation_attachments WHERE store_id = $1 AND conversation_id = ANY($2::uuid[]) RETURNING object_key', [storeId, ids])) as { object_key: string }[];
  await run('DELETE FROM agent_checkpoint_writes WHERE thread_id = ANY($1::text[])', [ids]);
  await run('DELETE FROM agent_checkpoints WHERE thread_id = ANY($1::text[])', [ids]);
  await run('DELETE FROM shopper_feedback WHERE store_id = $1 AND conversation_id = ANY($2::uuid[])', [storeId, ids]);
  await run('DELETE FROM messages WHERE store_id = $1 AND conversation_id = ANY($2::uuid[])', [storeId, ids]);
  await run('DELETE FROM actions WHERE store_id = $1 AND conversation_id = ANY($2::uuid[])', [storeId, ids]);
  await run('DELETE FROM conversations WHERE store_id = $1 AND id = ANY($2::uuid[])', [storeId, ids]);
  return photos.map((p) => p.object_key);
}

/** Privacy exports and erasure over our tables; every statement names the store. */
export function shopperPrivacyRepository(database: Database, sealer: Sealer, files?: Pick<ObjectStorage, 'delete'>): ShopperPrivacy {
  // Photos are personal data too (docs/adr/0034): erased with their conversations.
  const deleteFiles = async (storeId: string, keys: string[]) => {
    for (const key of keys) await files?.delete(storeId, key);
  };
  const query: Query = (text, params) => database.query(text, params);
  const summary = (row: { id: string; source: string; request_id: string | null; conversations: number; created_at: string | Date }) => ({
    id: row.id,
    source: row.source,
    requestId: row.request_id,
    conversations: row.conversations,
    createdAt: toDate(row.created_at),
  });

  return {
    async exportShopper(storeId, who, request) {
      const ids = await conversationsOf(query, storeId, who);
      const conversations = await query<{ id: string; channel: string; status: string; created_at: string | Date }>(
        'SELECT id, channel, status, created_at FROM conversations WHERE store_id = $1 AND id = ANY($2::uuid[]) ORDER BY created_at',
        [storeId, ids],
      );
      const messages = await query<{ conversation_id: string; role: string; content: string; created_at: string | Date }>(
        'SELECT conversation_id, role, content, created_at FROM messages WHERE store_id = $1 AND conversation_id = ANY($2::uuid[]) ORDER BY created_at',
        [storeId, ids],
      );
      const feedback = await query<{ conversation_id: string; kind: string; score: number; message_id: string | null; created_at: string | Date }>(
        'SELECT conversation_id, kind, score, message_id, created_at FROM shopper_feedback WHERE store_id = $1 AND conversation_id = ANY($2::uuid[]) ORDER BY created_at',
        [storeId, ids],
      );
      const data: ShopperDataExport = {
        conversations: conversations.map((c) => ({
          id: c.id,
          channel: c.channel,
          status: c.status,
          createdAt: toDate(c.created_at).toISOString(),
          messages: messages.filter((m) => m.conversation_id === c.id).map((m) => ({ role: m.role, content: m.content, createdAt: toDate(m.created_at).toISOString() })),
          feedback: feedback.filter((f) => f.conversation_id === c.id).map((f) => ({ kind: f.kind, score: Number(f.score), messageId: f.message_id, createdAt: toDate(f.created_at).toISOString() })),
        })),
      };
      const sealed = sealer.seal(JSON.stringify(data), exportContext(storeId));
      const [row] = await query<{ id: string; source: string; request_id: string | null; conversations: number; created_at: string | Date }>(
        'INSERT INTO privacy_exports (store_id, source, request_id, conversations, subject_keys, sealed) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, source, request_id, conversations, created_at',
        [storeId, request.source, request.requestId, data.conversations.length, subjectKeys(storeId, who), JSON.stringify(sealed)],
      );
      return summary(row!);
    },

    async eraseShopper(storeId, who) {
      let erased = 0;
      let photos: string[] = [];
      const keys = subjectKeys(storeId, who);
      await database.transactionSql(async (run) => {
        const ids = await conversationsOf((text, params) => run(text, params) as never, storeId, who);
        erased = ids.length;
        photos = await eraseConversations(run, storeId, ids);
        await run('DELETE FROM verification_failures WHERE store_id = $1 AND (conversation_id = ANY($2::uuid[]) OR subject_keys && $3::text[])', [storeId, ids, keys]);
        // The ledger stays (money must not move twice) but no longer says whose it was.
        await run(
          "UPDATE order_requests SET shopper_keys = '{}', conversation_id = NULL, updated_at = now() WHERE store_id = $1 AND (conversation_id = ANY($2::uuid[]) OR shopper_keys && $3::text[] OR order_id = ANY($4::text[]))",
          [storeId, ids, keys, who.orderIds],
        );
        await run('DELETE FROM privacy_exports WHERE store_id = $1 AND subject_keys && $2::text[]', [storeId, keys]);
      });
      await deleteFiles(storeId, photos);
      return { conversations: erased };
    },

    async eraseStoreData(storeId) {
      let photos: string[] = [];
      await database.transactionSql(async (run) => {
        const rows = (await run('SELECT id FROM conversations WHERE store_id = $1', [storeId])) as { id: string }[];
        photos = await eraseConversations(run, storeId, rows.map((r) => r.id));
        await run('DELETE FROM verification_failures WHERE store_id = $1', [storeId]);
        await run('DELETE FROM order_requests WHERE store_id = $1', [storeId]);
        await run('DELETE FROM privacy_exports WHERE store_id = $1', [storeId]);
        await run('DELETE FROM shopify_oauth_states WHERE store_id = $1', [storeId]);
        await run('DELETE FROM shopify_shops WHERE store_id = $1', [storeId]);
      });
      await deleteFiles(storeId, photos);
    },

    async listExports(storeId) {
      const rows = await query<{ id: string; source: string; request_id: string | null; conversations: number; created_at: string | Date }>(
        'SELECT id, source, request_id, conversations, created_at FROM privacy_exports WHERE store_id = $1 ORDER BY created_at DESC LIMIT 100',
        [storeId],
      );
      return rows.map(summary);
    },

    async getExport(storeId, exportId) {
      if (!/^[0-9a-f-]{36}$/i.test(exportId)) return undefined;
      const [row] = await query<{ id: string; source: string; request_id: string | null; conversations: number; created_at: string | Date; sealed: SealedValue | string }>(
        'SELECT id, source, request_id, conversations, created_at, sealed FROM privacy_exports WHERE store_id = $1 AND id = $2',
        [storeId, exportId],
      );
      if (!row) return undefined;
      const sealed = typeof row.sealed === 'string' ? (JSON.parse(row.sealed) as SealedValue) : row.sealed;
      return { ...summary(row), data: JSON.parse(sealer.open(sealed, exportContext(storeId))) as ShopperDataExport };
    },
  };
}
