import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createSystem, type System, type SystemOptions } from '../../src/compose';
import { loadEnv } from '../../src/config/env';
import { generateKey } from '../../src/data/secrets/keyring';
import { buildApp } from '../../src/gateway/app';
import { freshPostgresDatabase, serviceUrls } from './databases';
import { captureEnv, recordInjectedTexts, recordSent } from './log-capture';

export interface TestSystemOptions {
  backend?: 'pglite' | 'postgres';
  redis?: boolean;
  env?: Record<string, string>;
  /** Share a database (and Redis namespace) with another test system: two instances of one deployment. */
  shareWith?: TestSystem;
  /** Extra routes, registered like a feature surface. */
  surfaces?: ((app: FastifyInstance) => Promise<void>)[];
  /** Composition options (e.g. the HTTP client Shopify is reached through). */
  systemOptions?: Omit<SystemOptions, 'redisPrefix'>;
}

export interface TestSystem {
  system: System;
  app: FastifyInstance;
  adminToken: string;
  databaseUrl: string | undefined;
  redisPrefix: string;
  encryptionKey: string;
  close(): Promise<void>;
}

/** A whole system on PGlite in memory, or on a fresh PostgreSQL database, with its app ready for inject. */
export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const shared = options.shareWith;
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-test-'));
  let databaseUrl = shared?.databaseUrl;
  let drop: (() => Promise<void>) | undefined;
  if (!shared && options.backend === 'postgres') {
    const fresh = await freshPostgresDatabase();
    databaseUrl = fresh.url;
    drop = fresh.drop;
  }
  const adminToken = shared?.adminToken ?? `adm_${randomBytes(24).toString('base64url')}`;
  const encryptionKey = shared?.encryptionKey ?? generateKey();
  const env = loadEnv({
    CONCIERGE_DATA_DIR: databaseUrl ? dataDir : 'memory://',
    CONCIERGE_ADMIN_TOKEN: adminToken,
    CONCIERGE_ENCRYPTION_KEY: encryptionKey,
    ...captureEnv(),
    // Suites that send many bad credentials or widget requests from one address (127.0.0.1) test
    // other things; the suites about these limits set them (test/rate-limit-classes.test.ts).
    CONCIERGE_AUTH_FAILURES_PER_MINUTE: '100000',
    CONCIERGE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(options.redis && serviceUrls.redis ? { REDIS_URL: serviceUrls.redis } : {}),
    ...options.env,
  });
  const redisPrefix = shared?.redisPrefix ?? `concierge-test:${randomBytes(4).toString('hex')}:`;
  const system = await createSystem(env, { redisPrefix, ...options.systemOptions });
  const app = await buildApp({ ...system.gatewayDeps, surfaces: [...(system.gatewayDeps.surfaces ?? []), ...(options.surfaces ?? [])] });
  await app.ready();
  recordInjectedTexts(app);
  recordSent('secret', adminToken);
  recordSent('secret', encryptionKey);
  return {
    system,
    app,
    adminToken,
    databaseUrl,
    redisPrefix,
    encryptionKey,
    async close() {
      await app.close();
      await system.close();
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Creates a store through the API, as a client would. */
export async function createStore(t: TestSystem, name = 'Test Store', settings?: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'POST', url: '/v1/stores', headers: bearer(t.adminToken), payload: { name, ...(settings ? { settings } : {}) } });
  if (response.statusCode !== 201) throw new Error(`store creation failed: ${response.statusCode} ${response.body}`);
  const body = response.json() as { store: { id: string }; apiKey: string; widgetKey: string };
  recordSent('secret', body.apiKey);
  recordSent('secret', body.widgetKey);
  return { storeId: body.store.id, apiKey: body.apiKey, widgetKey: body.widgetKey };
}

export type TestStore = Awaited<ReturnType<typeof createStore>>;

/** A system with two stores, A and B: the fixture of every store-isolation suite. */
export async function startTwoStores(backend: 'pglite' | 'postgres'): Promise<{ t: TestSystem; a: TestStore; b: TestStore }> {
  const t = await startTestSystem({ backend });
  return { t, a: await createStore(t, 'Store A'), b: await createStore(t, 'Store B') };
}
