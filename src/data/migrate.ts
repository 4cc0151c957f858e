import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same for every instance of Concierge.
const MIGRATION_LOCK_ID = 7_243_001;

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface Migration {
  tag: string;
  statements: string[];
}

/** The migrations drizzle-kit generated, in order, split at its statement breakpoints. */
export function loadMigrations(dir = migrationsDir): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => ({
      tag,
      statements: readFileSync(join(dir, `${tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((statement) => statement.trim())
        .filter(Boolean),
    }));
}

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so that
 * instances starting together apply each migration exactly once. Returns the tags applied.
 */
export async function migrate(database: Database, migrations = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    await database.transactionSql(async (run) => {
      await run('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
      // Under the lock: CREATE TABLE IF NOT EXISTS alone races with another instance.
      await run('CREATE TABLE IF NOT EXISTS schema_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = await run('SELECT 1 FROM schema_migrations WHERE tag = $1', [migration.tag]);
      if (done.length > 0) return;
      for (const statement of migration.statements) await run(statement);
      await run('INSERT INTO schema_migrations (tag) VALUES ($1)', [migration.tag]);
      applied.push(migration.tag);
    });
  }
  return applied;
}
