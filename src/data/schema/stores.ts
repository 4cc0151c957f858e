import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A tenant. Credentials are AES-256-GCM envelopes, never plaintext. */
export const stores = pgTable('stores', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  platform: text('platform').notNull().default('demo'),
  apiCredentials: jsonb('api_credentials').notNull().default(sql`'{}'::jsonb`),
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Store API keys (sk_) and widget keys (pk_): only a hash of the secret is kept. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_idx').on(t.secretHash), index('api_keys_store_idx').on(t.storeId)],
);

/** One row per mutating call: who did what to what, and how it ended. Never secrets. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: uuid('store_id'),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    target: text('target'),
    outcome: text('outcome').notNull(),
    status: integer('status').notNull(),
    requestId: text('request_id').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_store_time_idx').on(t.storeId, t.createdAt)],
);

/** The first answer to a POST carrying an Idempotency-Key, replayed to the same caller's retries for 24 hours. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    // Not a foreign key: instance-level calls (creating a store) use the nil UUID as their scope.
    storeId: uuid('store_id').notNull(),
    /** Who called (a key id, an operator, the admin): another caller's key is another record. */
    caller: text('caller').notNull().default(''),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    /** The answer, sealed (AES-256-GCM, a SealedValue): it may carry secrets and personal data. */
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.caller, t.route, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
