// Child process of bench/gateway.ts: the real gateway with a fresh store; prints {port, storeId, apiKey}.
import { createSystem } from '../../src/compose';
import { loadEnv } from '../../src/config/env';
import { buildApp } from '../../src/gateway/app';

const system = await createSystem(loadEnv());
const app = await buildApp(system.gatewayDeps);
await app.listen({ port: 0, host: '127.0.0.1' });
const created = await system.stores.create({ name: 'Bench Store' });
const port = (app.server.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ port, storeId: created.store.id, apiKey: created.apiKey, database: system.database.kind })}\n`);
process.once('SIGTERM', async () => {
  await app.close();
  await system.close();
  process.exit(0);
});
