import { sql } from 'drizzle-orm';
import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { conversations, messages } from './conversations';
import { stores } from './stores';

/** A helpdesk ticket (Zendesk, Gorgias) and the conversation it is (0105); the conversation is set by whoever linked it first. */
export const helpdeskTickets = pgTable(
  'helpdesk_tickets',
  {
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    ticketId: text('ticket_id').notNull(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'helpdesk_tickets_pk', columns: [t.storeId, t.provider, t.ticketId] }), uniqueIndex('helpdesk_tickets_conversation_idx').on(t.conversationId).where(sql`conversation_id IS NOT NULL`)],
);

/** Each comment of a ticket handled once, with what it was (requester's turn, own, internal, human takeover). */
export const helpdeskComments = pgTable(
  'helpdesk_comments',
  {
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    ticketId: text('ticket_id').notNull(),
    commentId: text('comment_id').notNull(),
    outcome: text('outcome').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'helpdesk_comments_pk', columns: [t.storeId, t.provider, t.ticketId, t.commentId] })],
);

/** Every post to a helpdesk (reply, review note, handoff note), keyed by its job key: posted at most once. */
export const helpdeskPosts = pgTable(
  'helpdesk_posts',
  {
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    postKey: text('post_key').notNull(),
    provider: text('provider').notNull(),
    ticketId: text('ticket_id').notNull(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    remoteId: text('remote_id'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'helpdesk_posts_pk', columns: [t.storeId, t.postKey] }), uniqueIndex('helpdesk_posts_message_idx').on(t.messageId).where(sql`message_id IS NOT NULL`)],
);
