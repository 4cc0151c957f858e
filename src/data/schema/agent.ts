import { customType, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** LangGraph checkpoints of agent threads (a conversation, or an action awaiting approval). */
export const agentCheckpoints = pgTable(
  'agent_checkpoints',
  {
    threadId: text('thread_id').notNull(),
    checkpointNs: text('checkpoint_ns').notNull().default(''),
    checkpointId: text('checkpoint_id').notNull(),
    parentId: text('parent_id'),
    checkpointType: text('checkpoint_type').notNull(),
    checkpoint: bytea('checkpoint').notNull(),
    metadataType: text('metadata_type').notNull(),
    metadata: bytea('metadata').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.checkpointNs, t.checkpointId] })],
);

/** Pending writes of a checkpoint (what an interrupted task had produced). */
export const agentCheckpointWrites = pgTable(
  'agent_checkpoint_writes',
  {
    threadId: text('thread_id').notNull(),
    checkpointNs: text('checkpoint_ns').notNull().default(''),
    checkpointId: text('checkpoint_id').notNull(),
    taskId: text('task_id').notNull(),
    idx: integer('idx').notNull(),
    taskPath: text('task_path').notNull().default(''),
    channel: text('channel').notNull(),
    valueType: text('value_type').notNull(),
    value: bytea('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.checkpointNs, t.checkpointId, t.taskId, t.idx] }), index('agent_writes_checkpoint_idx').on(t.threadId, t.checkpointNs, t.checkpointId)],
);
