import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { stores } from './stores';

/**
 * Failed ownership checks (core/ports/verification-failures.ts): one row per failure, under the
 * hashed keys it counts for (the order, the shopper's identity), so a lockout holds across
 * conversations and channels. Rows are only counted inside a short window; old ones are dead weight.
 */
export const verificationFailures = pgTable(
  'verification_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    subjectKeys: text('subject_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    conversationId: uuid('conversation_id'),
    channel: text('channel'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('verification_failures_keys_idx').using('gin', t.subjectKeys), index('verification_failures_store_time_idx').on(t.storeId, t.createdAt)],
);
