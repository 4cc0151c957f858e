import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server-mode services named by the environment; tests that need them skip without them. */
export const serviceUrls = {
  postgres: process.env.DATABASE_URL,
  redis: process.env.REDIS_URL,
};

export const skipWithoutPostgres = serviceUrls.postgres ? false : 'DATABASE_URL is not set';
export const skipWithoutRedis = serviceUrls.redis ? false : 'REDIS_URL is not set';
export const skipWithoutServer = serviceUrls.postgres && serviceUrls.redis ? false : 'DATABASE_URL and REDIS_URL are not both set';

/** A fresh, empty PostgreSQL database for one test file (or benchmark), dropped by the returned function. */
export async function freshPostgresDatabase(base = serviceUrls.postgres, prefix = 'concierge_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
