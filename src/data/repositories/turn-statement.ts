import { sql, type SQL } from 'drizzle-orm';
import { CHECKPOINTS_KEPT_PER_THREAD, type TurnWrite } from '../../core/ports/conversation-store';
import { newestCheckpoint, type CheckpointBatch } from '../checkpoint/db-checkpoint-saver';

const json = (value: unknown) => JSON.stringify(value);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * A whole turn as one statement: the conversation update, its messages, new and decided actions,
 * the agent checkpoints (and, when asked, their pruning). One statement is atomic without BEGIN/COMMIT and costs
 * one round trip instead of eight (the turn's largest cost on PGlite). Every write reads from the
 * conversation's row, so a conversation of another store, or a vanished one, changes nothing.
 */
export function turnStatement(write: TurnWrite, batches: CheckpointBatch[], now: Date): SQL {
  const at = now.toISOString();
  const messages = write.messages.map((m, i) => ({ role: m.role, content: m.content, metadata: m.metadata ?? {}, created_at: new Date(now.getTime() + i).toISOString() }));
  const actions = write.actions.map((a) => ({ id: a.id ?? null, type: a.type, data: a.data, status: a.status, reasons: a.reasons, actor: a.actor, idempotency_key: a.idempotencyKey ?? null }));
  const decisions = (write.actionUpdates ?? []).map((u) => ({ id: u.id, status: u.status, data: u.data ?? null, reasons: u.reasons ?? null }));
  const checkpoints = batches.flatMap((b) => b.checkpoints).map((c) => ({ thread_id: c.threadId, checkpoint_ns: c.checkpointNs ?? '', checkpoint_id: c.checkpointId, parent_id: c.parentId ?? null, checkpoint_type: c.checkpointType, checkpoint: base64(c.checkpoint), metadata_type: c.metadataType, metadata: base64(c.metadata) }));
  const writes = batches.flatMap((b) => b.writes).map((w) => ({ thread_id: w.threadId, checkpoint_ns: w.checkpointNs ?? '', checkpoint_id: w.checkpointId, task_id: w.taskId, idx: w.idx, task_path: w.taskPath ?? '', channel: w.channel, value_type: w.valueType, value: base64(w.value) }));
  const threads = [...new Set(checkpoints.map((c) => c.thread_id))];
  // The conversation remembers its thread's newest checkpoint, so its next turn need not look it up.
  const agentCheckpointId = newestCheckpoint(batches, write.conversationId)?.checkpointId;
  // Only the parts this turn needs: a shorter statement plans faster (most turns have no actions).
  const parts: SQL[] = [
    sql`conv AS (
  UPDATE conversations SET updated_at = ${at}::timestamptz, status = coalesce(${write.status ?? null}::text, status), metadata = coalesce(${write.metadata ? json(write.metadata) : null}::jsonb, metadata),
    agent_checkpoint_id = coalesce(${agentCheckpointId ?? null}::text, agent_checkpoint_id), agent_turns = agent_turns + ${agentCheckpointId ? 1 : 0}::int
  WHERE store_id = ${write.storeId}::uuid AND id = ${write.conversationId}::uuid RETURNING *)`,
  ];
  if (messages.length > 0)
    parts.push(sql`msgs AS (
  INSERT INTO messages (store_id, conversation_id, role, content, metadata, created_at)
  SELECT conv.store_id, conv.id, m.role, m.content, m.metadata, m.created_at
  FROM conv, jsonb_to_recordset(${json(messages)}::jsonb) AS m(role text, content text, metadata jsonb, created_at timestamptz)
  RETURNING *)`);
  if (actions.length > 0)
    parts.push(sql`acts AS (
  INSERT INTO actions (id, store_id, conversation_id, action_type, action_data, status, reasons, actor, idempotency_key, completed_at)
  SELECT coalesce(a.id, gen_random_uuid()), conv.store_id, conv.id, a.type, a.data, a.status, a.reasons, a.actor, a.idempotency_key, CASE WHEN a.status = 'pending' THEN NULL ELSE ${at}::timestamptz END
  FROM conv, jsonb_to_recordset(${json(actions)}::jsonb) AS a(id uuid, type text, data jsonb, status text, reasons jsonb, actor text, idempotency_key text)
  RETURNING *)`);
  if (decisions.length > 0)
    parts.push(sql`decided AS (
  UPDATE actions SET status = u.status, completed_at = CASE WHEN u.status = 'pending' THEN NULL ELSE ${at}::timestamptz END,
    action_data = coalesce(u.data, actions.action_data), reasons = coalesce(u.reasons, actions.reasons)
  FROM conv, jsonb_to_recordset(${json(decisions)}::jsonb) AS u(id uuid, status text, data jsonb, reasons jsonb)
  WHERE actions.store_id = conv.store_id AND actions.id = u.id
  RETURNING actions.id)`);
  if (checkpoints.length > 0)
    parts.push(sql`saved_checkpoints AS (
  INSERT INTO agent_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_id, checkpoint_type, checkpoint, metadata_type, metadata)
  SELECT c.thread_id, c.checkpoint_ns, c.checkpoint_id, c.parent_id, c.checkpoint_type, decode(c.checkpoint, 'base64'), c.metadata_type, decode(c.metadata, 'base64')
  FROM conv, jsonb_to_recordset(${json(checkpoints)}::jsonb) AS c(thread_id text, checkpoint_ns text, checkpoint_id text, parent_id text, checkpoint_type text, checkpoint text, metadata_type text, metadata text)
  ON CONFLICT DO NOTHING RETURNING 1)`);
  if (checkpoints.length > 0 && write.pruneCheckpoints)
    parts.push(
      // The statement sees the table as it was before it: the newest stored checkpoints are kept, and this turn's come on top.
      sql`cutoff AS (
  SELECT t.thread_id, (SELECT k.checkpoint_id FROM agent_checkpoints k WHERE k.thread_id = t.thread_id AND k.checkpoint_ns = ''
      ORDER BY k.checkpoint_id DESC OFFSET ${CHECKPOINTS_KEPT_PER_THREAD - 1} LIMIT 1) AS oldest_kept
  FROM conv, jsonb_array_elements_text(${json(threads)}::jsonb) AS t(thread_id))`,
      sql`pruned AS (
  DELETE FROM agent_checkpoints d USING cutoff WHERE d.thread_id = cutoff.thread_id AND d.checkpoint_ns = '' AND d.checkpoint_id < cutoff.oldest_kept RETURNING 1)`,
      sql`pruned_writes AS (
  DELETE FROM agent_checkpoint_writes d USING cutoff WHERE d.thread_id = cutoff.thread_id AND d.checkpoint_ns = '' AND d.checkpoint_id < cutoff.oldest_kept RETURNING 1)`,
    );
  if (writes.length > 0)
    parts.push(sql`saved_writes AS (
  INSERT INTO agent_checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, task_path, channel, value_type, value)
  SELECT w.thread_id, w.checkpoint_ns, w.checkpoint_id, w.task_id, w.idx, w.task_path, w.channel, w.value_type, decode(w.value, 'base64')
  FROM conv, jsonb_to_recordset(${json(writes)}::jsonb) AS w(thread_id text, checkpoint_ns text, checkpoint_id text, task_id text, idx integer, task_path text, channel text, value_type text, value text)
  ON CONFLICT DO NOTHING RETURNING 1)`);
  const messagesOut = messages.length > 0 ? sql`(SELECT coalesce(json_agg(msgs ORDER BY msgs.created_at), '[]') FROM msgs)` : sql`'[]'::json`;
  const actionsOut = actions.length > 0 ? sql`(SELECT coalesce(json_agg(acts), '[]') FROM acts)` : sql`'[]'::json`;
  return sql`WITH ${sql.join(parts, sql`, `)}
SELECT (SELECT row_to_json(conv) FROM conv) AS conversation, ${messagesOut} AS messages, ${actionsOut} AS actions`;
}

/** What the statement returns: row_to_json objects (snake_case keys, ISO timestamps); see json-row.ts. */
export interface TurnStatementRow {
  conversation: Record<string, unknown> | null;
  messages: Record<string, unknown>[];
  actions: Record<string, unknown>[];
}
