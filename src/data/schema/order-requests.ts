import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stores } from './stores';

/**
 * The ledger of requests that move money or change an order (core/ports/order-requests.ts):
 * written inside the order's critical section, before the provider is called. A request key
 * stands once among live requests; shopper keys (hashed) feed the abuse limits' history.
 */
export const orderRequests = pgTable(
  'order_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    orderName: text('order_name').notNull(),
    kind: text('kind').notNull(),
    requestKey: text('request_key').notNull(),
    status: text('status').notNull(),
    automatic: boolean('automatic').notNull().default(false),
    returnless: boolean('returnless').notNull().default(false),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull().default(0),
    currency: text('currency'),
    items: jsonb('items').notNull().default(sql`'[]'::jsonb`),
    attempts: integer('attempts').notNull().default(1),
    actionId: uuid('action_id'),
    conversationId: uuid('conversation_id'),
    channel: text('channel'),
    shopperKeys: text('shopper_keys').array().notNull().default(sql`'{}'::text[]`),
    result: jsonb('result').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('order_requests_live_key_idx').on(t.storeId, t.requestKey).where(sql`status IN ('in_progress', 'pending', 'completed')`),
    index('order_requests_order_idx').on(t.storeId, t.orderId, t.createdAt),
    index('order_requests_action_idx').on(t.storeId, t.actionId),
    index('order_requests_shopper_idx').using('gin', t.shopperKeys),
  ],
);
