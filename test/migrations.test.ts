import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openDatabase } from '../src/data/database';
import { loadMigrations, migrate } from '../src/data/migrate';
import { freshPostgresDatabase, skipWithoutPostgres } from './support/databases';

const expectedTables = [
  'actions', 'api_keys', 'audit_log', 'conversations', 'customers', 'fulfillments', 'idempotency_keys', 'jobs', 'messages',
  'order_line_items', 'order_requests', 'orders', 'product_variants', 'products', 'refunds', 'returns', 'schema_migrations', 'stores',
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

  test('conversations that already have agent memory point at their newest checkpoint after the upgrade', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      const all = loadMigrations();
      const upgrade = all.findIndex((m) => m.tag === '0004_conversation_agent_memory');
      await migrate(database, all.slice(0, upgrade));
      const [store] = await database.query<{ id: string }>("INSERT INTO stores (name, platform, settings) VALUES ('S', 'demo', '{}') RETURNING id");
      const [talked, fresh] = await database.query<{ id: string }>("INSERT INTO conversations (store_id, channel, status) VALUES ($1, 'api', 'open'), ($1, 'api', 'open') RETURNING id", [store!.id]);
      for (const id of ['0001', '0003', '0002'])
        await database.query("INSERT INTO agent_checkpoints (thread_id, checkpoint_ns, checkpoint_id, checkpoint_type, checkpoint, metadata_type, metadata) VALUES ($1, '', $2, 'json', '\\x7b7d', 'json', '\\x7b7d')", [talked!.id, id]);
      await migrate(database, all);
      const rows = await database.query<{ id: string; agent_checkpoint_id: string | null; agent_turns: number }>('SELECT id, agent_checkpoint_id, agent_turns FROM conversations');
      assert.deepEqual(rows.find((r) => r.id === talked!.id), { id: talked!.id, agent_checkpoint_id: '0003', agent_turns: 3 });
      assert.deepEqual(rows.find((r) => r.id === fresh!.id), { id: fresh!.id, agent_checkpoint_id: null, agent_turns: 0 });
    } finally {
      await database.close();
    }
  });
});
