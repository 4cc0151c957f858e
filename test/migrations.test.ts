import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openDatabase } from '../src/data/database';
import { loadMigrations, migrate } from '../src/data/migrate';
import { freshPostgresDatabase, skipWithoutPostgres } from './support/databases';

const expectedTables = [
  'actions', 'api_keys', 'audit_log', 'conversations', 'customers', 'fulfillments', 'idempotency_keys', 'jobs', 'messages',
  'order_line_items', 'orders', 'product_variants', 'products', 'refunds', 'returns', 'schema_migrations', 'stores',
  'tracking_events', 'webhook_deliveries',
];

async function tablesOf(database: Awaited<ReturnType<typeof openDatabase>>) {
  const rows = await database.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
  return rows.map((row) => row.table_name);
}

describe('migrations from empty', () => {
  test('on PGlite: every table, once, and a second run is a no-op', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      assert.deepEqual(await migrate(database), loadMigrations().map((m) => m.tag));
      assert.deepEqual(await migrate(database), []);
      for (const table of expectedTables) assert.ok((await tablesOf(database)).includes(table), table);
    } finally {
      await database.close();
    }
  });

  test('on PostgreSQL: instances migrating at once apply each migration exactly once', { skip: skipWithoutPostgres }, async () => {
    const fresh = await freshPostgresDatabase();
    const databases = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: fresh.url, dataDir: 'unused' })));
    try {
      const applied = await Promise.all(databases.map((database) => migrate(database)));
      assert.deepEqual(applied.flat().sort(), loadMigrations().map((m) => m.tag).sort());
      for (const table of expectedTables) assert.ok((await tablesOf(databases[0]!)).includes(table), table);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
      await fresh.drop();
    }
  });
});
