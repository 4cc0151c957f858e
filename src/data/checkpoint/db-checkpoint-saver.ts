import type { RunnableConfig } from '@langchain/core/runnables';
import {
  BaseCheckpointSaver,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointTuple,
  type PendingWrite,
  WRITES_IDX_MAP,
  compareWritesSortKeys,
  copyCheckpoint,
  getCheckpointId,
  writesSortKey,
} from '@langchain/langgraph-checkpoint';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { COMMITTED_CHECKPOINT_KEY } from '../../core/ports/conversation-store';
import type { Db } from '../database';
import { agentCheckpointWrites, agentCheckpoints } from '../schema/agent';

type CheckpointRow = typeof agentCheckpoints.$inferInsert;
type WriteRow = typeof agentCheckpointWrites.$inferInsert;

export interface CheckpointBatch {
  checkpoints: CheckpointRow[];
  writes: WriteRow[];
}

/** A thread's newest committed checkpoint with its pending writes, as the database holds them. */
interface CommittedCheckpoint {
  checkpoint: CheckpointRow;
  writes: WriteRow[];
}

/** Threads whose last committed checkpoint stays in memory (a few KB each). */
const COMMITTED_CACHE_SIZE = 1_000;

/** The newest root-namespace checkpoint a thread's batches hold (checkpoint ids sort by time). */
export function newestCheckpoint(batches: CheckpointBatch[], threadId: string): CheckpointRow | undefined {
  let newest: CheckpointRow | undefined;
  for (const batch of batches) for (const c of batch.checkpoints) if (c.threadId === threadId && (c.checkpointNs ?? '') === '' && (!newest || c.checkpointId > newest.checkpointId)) newest = c;
  return newest;
}

/**
 * A LangGraph checkpointer over our own database (PGlite or PostgreSQL), buffered: what a run
 * writes stays in memory until the turn commits it, with the messages and actions, in one
 * statement (`drain`, then the conversation store's turn statement). Reads see the buffer first, then the database.
 *
 * A turn that names its conversation's committed checkpoint (`COMMITTED_CHECKPOINT_KEY`, read from
 * the conversation row it loaded under its lock) skips the lookup: none yet means an empty thread,
 * and the checkpoint this process committed last is served from memory. Any other id, as after a
 * turn taken by another instance, reads the database.
 */
export class DbCheckpointSaver extends BaseCheckpointSaver {
  private readonly pending = new Map<string, CheckpointBatch>();
  private readonly committed = new Map<string, CommittedCheckpoint>();

  constructor(private readonly db: Db) {
    super();
  }

  private buffer(threadId: string): CheckpointBatch {
    let batch = this.pending.get(threadId);
    if (!batch) {
      batch = { checkpoints: [], writes: [] };
      this.pending.set(threadId, batch);
    }
    return batch;
  }

  /** After the turn statement committed them: keeps each thread's newest checkpoint at hand for its next turn. */
  remember(batches: CheckpointBatch[]): void {
    const threads = new Set(batches.flatMap((b) => [...b.checkpoints, ...b.writes].map((row) => row.threadId)));
    for (const threadId of threads) {
      const checkpoint = newestCheckpoint(batches, threadId);
      this.committed.delete(threadId); // re-inserted last: the map's order is least recently committed first
      if (!checkpoint) continue; // writes without a new checkpoint: the kept one would be stale
      const writes = batches.flatMap((b) => b.writes).filter((w) => w.threadId === threadId && w.checkpointId === checkpoint.checkpointId && (w.checkpointNs ?? '') === '');
      this.committed.set(threadId, { checkpoint, writes });
      if (this.committed.size > COMMITTED_CACHE_SIZE) this.committed.delete(this.committed.keys().next().value!);
    }
  }

  /** Hands over (and forgets) what the runs of a thread wrote since the last drain. */
  drain(threadId: string): CheckpointBatch {
    const batch = this.pending.get(threadId) ?? { checkpoints: [], writes: [] };
    this.pending.delete(threadId);
    return batch;
  }

  override async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const threadId = config.configurable?.thread_id as string | undefined;
    if (!threadId) return undefined;
    const ns = (config.configurable?.checkpoint_ns as string | undefined) ?? '';
    const wanted = getCheckpointId(config);
    const buffered = this.findPending(threadId, ns, wanted);
    if (buffered) return this.toTuple(buffered);
    const known = config.configurable?.[COMMITTED_CHECKPOINT_KEY] as string | null | undefined;
    if (!wanted && ns === '' && known !== undefined) {
      if (known === null) return undefined;
      const committed = this.committed.get(threadId);
      if (committed?.checkpoint.checkpointId === known) return this.toTuple(committed.checkpoint, committed.writes);
    }
    const row = await this.findStored(threadId, ns, wanted);
    return row ? this.toTuple(row) : undefined;
  }

  private findPending(threadId: string, ns: string, wanted: string | undefined): CheckpointRow | undefined {
    const candidates = (this.pending.get(threadId)?.checkpoints ?? []).filter((c) => (c.checkpointNs ?? '') === ns && (!wanted || c.checkpointId === wanted));
    return candidates.sort((a, b) => (a.checkpointId < b.checkpointId ? 1 : -1))[0];
  }

  private async findStored(threadId: string, ns: string, wanted: string | undefined): Promise<CheckpointRow | undefined> {
    const conditions = [eq(agentCheckpoints.threadId, threadId), eq(agentCheckpoints.checkpointNs, ns)];
    if (wanted) conditions.push(eq(agentCheckpoints.checkpointId, wanted));
    const [row] = await this.db.select().from(agentCheckpoints).where(and(...conditions)).orderBy(desc(agentCheckpoints.checkpointId)).limit(1);
    return row;
  }

  /** `known`: the checkpoint's committed writes when already at hand (otherwise read). */
  private async toTuple(row: CheckpointRow, known?: WriteRow[]): Promise<CheckpointTuple> {
    const ns = row.checkpointNs ?? '';
    const stored =
      known ??
      (await this.db
        .select()
        .from(agentCheckpointWrites)
        .where(and(eq(agentCheckpointWrites.threadId, row.threadId), eq(agentCheckpointWrites.checkpointNs, ns), eq(agentCheckpointWrites.checkpointId, row.checkpointId))));
    const buffered = (this.pending.get(row.threadId)?.writes ?? []).filter((w) => (w.checkpointNs ?? '') === ns && w.checkpointId === row.checkpointId);
    const writes = [...stored, ...buffered].sort((a, b) =>
      compareWritesSortKeys(writesSortKey(a.taskPath ?? '', a.taskId, a.idx), writesSortKey(b.taskPath ?? '', b.taskId, b.idx)),
    );
    const tuple: CheckpointTuple = {
      config: { configurable: { thread_id: row.threadId, checkpoint_ns: ns, checkpoint_id: row.checkpointId } },
      checkpoint: (await this.serde.loadsTyped(row.checkpointType, row.checkpoint)) as Checkpoint,
      metadata: (await this.serde.loadsTyped(row.metadataType, row.metadata)) as CheckpointMetadata,
      pendingWrites: await Promise.all(writes.map(async (w) => [w.taskId, w.channel, await this.serde.loadsTyped(w.valueType, w.value)] as [string, string, unknown])),
    };
    if (row.parentId) tuple.parentConfig = { configurable: { thread_id: row.threadId, checkpoint_ns: ns, checkpoint_id: row.parentId } };
    return tuple;
  }

  override async *list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    const threadId = config.configurable?.thread_id as string | undefined;
    if (!threadId) return;
    const ns = (config.configurable?.checkpoint_ns as string | undefined) ?? '';
    const before = options?.before?.configurable?.checkpoint_id as string | undefined;
    const stored = await this.db
      .select()
      .from(agentCheckpoints)
      .where(and(eq(agentCheckpoints.threadId, threadId), eq(agentCheckpoints.checkpointNs, ns)))
      .orderBy(desc(agentCheckpoints.checkpointId));
    const rows = [...(this.pending.get(threadId)?.checkpoints ?? []).filter((c) => (c.checkpointNs ?? '') === ns), ...stored]
      .filter((row) => !before || row.checkpointId < before)
      .sort((a, b) => (a.checkpointId < b.checkpointId ? 1 : -1));
    let remaining = options?.limit ?? Number.POSITIVE_INFINITY;
    for (const row of rows) {
      if (remaining <= 0) return;
      const tuple = await this.toTuple(row);
      if (options?.filter && !Object.entries(options.filter).every(([key, value]) => (tuple.metadata as Record<string, unknown>)?.[key] === value)) continue;
      remaining -= 1;
      yield tuple;
    }
  }

  override async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, _versions: ChannelVersions): Promise<RunnableConfig> {
    const threadId = config.configurable?.thread_id as string | undefined;
    if (!threadId) throw new Error('a checkpoint needs configurable.thread_id');
    const ns = (config.configurable?.checkpoint_ns as string | undefined) ?? '';
    const [[checkpointType, serialized], [metadataType, serializedMetadata]] = await Promise.all([
      this.serde.dumpsTyped(copyCheckpoint(checkpoint)),
      this.serde.dumpsTyped(metadata),
    ]);
    this.buffer(threadId).checkpoints.push({
      threadId,
      checkpointNs: ns,
      checkpointId: checkpoint.id,
      parentId: (config.configurable?.checkpoint_id as string | undefined) ?? null,
      checkpointType,
      checkpoint: serialized,
      metadataType,
      metadata: serializedMetadata,
    });
    return { configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpoint.id } };
  }

  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void> {
    const threadId = config.configurable?.thread_id as string;
    const ns = (config.configurable?.checkpoint_ns as string | undefined) ?? '';
    const checkpointId = config.configurable?.checkpoint_id as string;
    const batch = this.buffer(threadId);
    for (const [index, [channel, value]] of writes.entries()) {
      const idx = WRITES_IDX_MAP[channel] ?? index;
      const [valueType, serialized] = await this.serde.dumpsTyped(value);
      const existing = batch.writes.findIndex((w) => w.checkpointId === checkpointId && w.checkpointNs === ns && w.taskId === taskId && w.idx === idx);
      const row: WriteRow = { threadId, checkpointNs: ns, checkpointId, taskId, idx, taskPath: taskPath ?? '', channel, valueType, value: serialized };
      if (existing >= 0) {
        if (idx < 0) batch.writes[existing] = row; // special writes (errors, interrupts) replace; regular ones are written once
      } else {
        batch.writes.push(row);
      }
    }
  }

  override async deleteThread(threadId: string): Promise<void> {
    this.pending.delete(threadId);
    this.committed.delete(threadId);
    await this.db.delete(agentCheckpoints).where(eq(agentCheckpoints.threadId, threadId));
    await this.db.delete(agentCheckpointWrites).where(inArray(agentCheckpointWrites.threadId, [threadId]));
  }
}
