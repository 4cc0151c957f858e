import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { stores } from './stores';

/** A conversation with one shopper on one channel; status follows core's state machine. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    customerId: text('customer_id'),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    metadata: jsonb('metadata').notNull().default(sql`'{}'::jsonb`),
    // The agent's memory of this conversation: its latest committed checkpoint (null before the first turn) and its turn count.
    agentCheckpointId: text('agent_checkpoint_id'),
    agentTurns: integer('agent_turns').notNull().default(0),
  },
  (t) => [index('conversations_store_status_idx').on(t.storeId, t.status, t.updatedAt)],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    metadata: jsonb('metadata').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.createdAt), index('messages_created_idx').on(t.createdAt)],
);

/** Something the agent did or proposes (refund, return, cancellation…), with the policy's reasons. */
export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    actionType: text('action_type').notNull(),
    actionData: jsonb('action_data').notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull(),
    reasons: jsonb('reasons').notNull().default(sql`'[]'::jsonb`),
    actor: text('actor').notNull().default('agent'),
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('actions_store_status_idx').on(t.storeId, t.status, t.createdAt), index('actions_conversation_idx').on(t.conversationId)],
);
