import type { CliCommand } from '../command';
import { loadEnv } from '../../config/env';
import { openDatabase } from '../../data/database';
import { migrate } from '../../data/migrate';

/** `concierge migrate`: applies pending migrations to the configured database. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply database migrations and exit',
  async run(_args, io) {
    const env = loadEnv();
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.CONCIERGE_DATA_DIR });
    try {
      const applied = await migrate(database);
      io.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
      return 0;
    } finally {
      await database.close();
    }
  },
};
