import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { conversations, messages } from './conversations';
import { stores } from './stores';

/** One e-mail conversation: the shopper's address, its subject, and the token its Reply-To carries (0086). */
export const emailThreads = pgTable(
  'email_threads',
  {
    conversationId: uuid('conversation_id').primaryKey().references(() => conversations.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    replyToken: text('reply_token').notNull(),
    address: text('address').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_threads_reply_token_idx').on(t.storeId, t.replyToken)],
);

/** Every e-mail in or out: the idempotency record of deliveries (Message-ID, provider id) and of sends (one per message). */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    direction: text('direction').notNull(),
    rfcMessageId: text('rfc_message_id').notNull(),
    provider: text('provider').notNull(),
    providerId: text('provider_id'),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    reason: text('reason'),
    body: jsonb('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('email_messages_rfc_idx').on(t.storeId, t.direction, t.rfcMessageId),
    uniqueIndex('email_messages_provider_idx').on(t.storeId, t.provider, t.providerId).where(sql`provider_id IS NOT NULL`),
    uniqueIndex('email_messages_out_idx').on(t.messageId).where(sql`direction = 'out'`),
    index('email_messages_conversation_idx').on(t.conversationId, t.createdAt),
  ],
);
