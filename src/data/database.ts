import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { pglitePreparedQueries } from './pglite-statements';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The query layer both drivers share: repositories only ever see this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL (migrations, health checks); returns rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements in one transaction on one connection. */
  transactionSql(fn: (run: (text: string, params?: unknown[]) => Promise<unknown[]>) => Promise<void>): Promise<void>;
  close(): Promise<void>;
  /**
   * PostgreSQL only: a connection of its own, apart from the query pool, held for as long as a
   * session-level advisory lock is (order locks, docs/adr/0011). Its lock waits time out after
   * `lockTimeoutMs` (PostgreSQL's lock_timeout).
   */
  lockSession?: () => Promise<LockSession>;
}

export interface LockSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Back to the pool; `broken` closes the connection instead (which releases any lock it held). */
  release(broken?: boolean): void;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Embedded data folder; `memory://` keeps PGlite in memory (tests). */
  dataDir: string;
  poolSize?: number;
  /** Connections kept for order locks (PostgreSQL); a lock waits for one when all are held. */
  lockPoolSize?: number;
  lockTimeoutMs?: number;
}

/** Opens PostgreSQL when a URL is given, otherwise PGlite with pgvector in the data folder. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10, { size: options.lockPoolSize ?? 16, timeoutMs: options.lockTimeoutMs ?? 15_000 }) : openPglite(options.dataDir);
}

async function openPostgres(url: string, max: number, locks: { size: number; timeoutMs: number }): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // numeric stays a string (exact money); int8 fits a JS number for our counters.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  // real[] (knowledge vectors): JSON.parse reads '{0.1,-0.2}' as an array ten times faster than the generic array parser.
  const parseArray = pg.types.getTypeParser(1021 as never) as (value: string) => unknown;
  pg.types.setTypeParser(1021 as never, (value: string) => {
    try {
      return JSON.parse(`[${value.slice(1, -1)}]`) as number[];
    } catch {
      return parseArray(value); // NaN, Infinity or NULL elements
    }
  });
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined); // a dropped idle client must not crash the process; queries report it
  const db = drizzle(pool, { schema }) as unknown as Db;
  // A second pool, opened on first use: a lock held on the query pool would starve the queries its holder makes.
  let lockPool: InstanceType<typeof pg.Pool> | undefined;
  const lockSession = async (): Promise<LockSession> => {
    if (!lockPool) {
      lockPool = new pg.Pool({ connectionString: url, max: locks.size, options: `-c lock_timeout=${locks.timeoutMs}`, connectionTimeoutMillis: locks.timeoutMs });
      lockPool.on('error', () => undefined);
    }
    const client = await lockPool.connect();
    // A lock connection that dies while held (server restart, terminated backend) fails its next query; it must not crash the process.
    if (client.listenerCount('error') === 0) client.on('error', () => undefined);
    return {
      query: async (text, params) => (await client.query(text, params as unknown[])).rows,
      release: (broken) => client.release(broken === true),
    };
  };
  return {
    db,
    kind: 'postgres',
    lockSession,
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async transactionSql(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await fn(async (text, params) => (await client.query(text, params as unknown[])).rows);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await lockPool?.end();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { drizzle } = await import('drizzle-orm/pglite');
  let location: string | undefined;
  if (dataDir !== 'memory://') {
    location = join(resolve(dataDir), 'pgdata');
    mkdirSync(location, { recursive: true });
  }
  const client = await PGlite.create(location, { extensions: { vector } });
  // A new 16 MB WAL segment was zero-filled inside whichever statement crossed into it (a COMMIT held the event loop
  // ~400 ms every 16 MB of writes). Its only use is reserving disk blocks ahead; PGlite writes without fsync anyway.
  await client.exec('SET wal_init_zero = off');
  const queries = pglitePreparedQueries(client);
  const db = drizzle({ client: queries as never, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async query(text, params) {
      return (await queries.query(text, params as unknown[])).rows as never[];
    },
    async transactionSql(fn) {
      await queries.transaction(async (tx) => {
        await fn(async (text, params) => (await tx.query(text, params as unknown[])).rows);
      });
    },
    close: () => client.close(),
  };
}
