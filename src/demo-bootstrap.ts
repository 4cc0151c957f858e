import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { System } from './compose';
import { generateDemoStore } from './integrations/demo/generator/generate-store';

export interface DemoCredentials {
  storeId: string;
  apiKey: string;
  widgetKey: string;
  createdAt: string;
  /** The demo store's owner, to log in to the console (added at a later start to older data folders). */
  operator?: { email: string; password: string };
}

const DEMO_OWNER = { email: 'owner@demo.concierge.test', name: 'Demo Owner' };

const DEMO_FILE = 'demo-store.json';

/**
 * At the first start of the embedded default, creates the demo store and keeps its keys in the
 * data folder (mode 0600) so a developer can find them again; returns them for printing.
 */
export async function ensureDemoStore(system: System, publicUrl: string): Promise<DemoCredentials | undefined> {
  if (system.mode !== 'embedded' || !system.env.CONCIERGE_DEMO) return undefined;
  // An in-memory database keeps nothing on disk: keys written beside it would name a store the next start lacks.
  const path = system.env.CONCIERGE_DATA_DIR.startsWith('memory://') ? undefined : join(resolve(system.env.CONCIERGE_DATA_DIR), DEMO_FILE);
  if (path && existsSync(path)) {
    const existing = JSON.parse(readFileSync(path, 'utf8')) as DemoCredentials;
    await ensureDemoKnowledge(system, existing.storeId);
    await allowDemoOrigins(system, existing.storeId, publicUrl);
    if (!existing.operator) {
      const operator = await createDemoOwner(system, existing.storeId);
      if (operator) existing.operator = operator;
      writeFileSync(path, `${JSON.stringify(existing, null, 2)}\n`, { mode: 0o600 });
    }
    return existing;
  }
  const created = await seedDemoStore(system, publicUrl);
  const operator = await createDemoOwner(system, created.store.id);
  const credentials: DemoCredentials = {
    storeId: created.store.id,
    apiKey: created.apiKey,
    widgetKey: created.widgetKey,
    createdAt: new Date().toISOString(),
    operator,
  };
  if (path) writeFileSync(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

/** The /demo page's widget talks from this instance's own URL: a start on another port allows it too. */
async function allowDemoOrigins(system: System, storeId: string, publicUrl: string): Promise<void> {
  const { allowedOrigins } = await system.stores.settings(storeId);
  const missing = [publicUrl, publicUrl.replace('127.0.0.1', 'localhost')].filter((origin) => !allowedOrigins.includes(origin));
  if (missing.length > 0) await system.stores.updateSettings(storeId, { allowedOrigins: [...allowedOrigins, ...missing].slice(-50) });
}

/** The demo store's owner operator, with a generated password (kept in the data folder like the keys). */
async function createDemoOwner(system: System, storeId: string): Promise<{ email: string; password: string } | undefined> {
  const password = randomBytes(12).toString('base64url');
  // Already there (its password lost with an edited file): leave it; an owner can invite anew from the API.
  if ((await system.operators.list(storeId)).some((o) => o.email === DEMO_OWNER.email)) return undefined;
  await system.operators.create(storeId, null, { ...DEMO_OWNER, role: 'owner', password });
  return { email: DEMO_OWNER.email, password };
}

/** The demo store's knowledge base: the default articles (from its settings) and its products. Kept for a data folder made before it existed. */
async function ensureDemoKnowledge(system: System, storeId: string): Promise<void> {
  if ((await system.knowledge.list(storeId, { limit: 1 })).length > 0) return;
  await system.articles.install(storeId, await system.stores.settings(storeId));
  await system.syncCatalog(storeId);
}

/** A store with the demo catalog (products, customers, orders), the default articles and its products indexed. */
export async function seedDemoStore(system: System, publicUrl = 'http://127.0.0.1:3000') {
  const created = await system.stores.create({
    name: 'Demo Store',
    settings: {
      allowedOrigins: [publicUrl, publicUrl.replace('127.0.0.1', 'localhost')],
      brandVoice: { name: 'Concierge', tone: 'friendly', signOff: '— The Demo Store team' },
    },
  });
  const demo = generateDemoStore(new Date());
  await system.catalog.write(created.store.id, demo.records);
  await ensureDemoKnowledge(system, created.store.id);
  return created;
}
