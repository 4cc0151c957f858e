import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stores } from './stores';

/** The people of a store who log in to the console. Only a scrypt hash of a password is kept. */
export const operators = pgTable(
  'operators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash'),
    // SHA-256 of the invitation token; null once accepted.
    inviteHash: text('invite_hash'),
    inviteExpiresAt: timestamp('invite_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('operators_store_email_idx').on(t.storeId, sql`lower(${t.email})`),
    index('operators_email_idx').on(sql`lower(${t.email})`),
    uniqueIndex('operators_invite_idx').on(t.inviteHash).where(sql`${t.inviteHash} IS NOT NULL`),
  ],
);

/** A console login: refreshed by a rotating token (only hashes kept), revocable at once. */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' }),
    operatorId: uuid('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
    refreshHash: text('refresh_hash').notNull(),
    // The token this one replaced: presented again, it betrays a stolen token and ends the session.
    previousRefreshHash: text('previous_refresh_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('operator_sessions_refresh_idx').on(t.refreshHash), index('operator_sessions_previous_idx').on(t.previousRefreshHash), index('operator_sessions_operator_idx').on(t.storeId, t.operatorId)],
);
