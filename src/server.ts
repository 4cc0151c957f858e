import { createSystem } from './compose';
import type { Env } from './config/env';
import { ensureDemoStore } from './demo-bootstrap';
import { buildApp } from './gateway/app';
import { gracefulShutdown } from './gateway/shutdown';

/** Builds the system, listens, prints where everything is, and shuts down gracefully on a signal. */
export async function startServer(env: Env): Promise<void> {
  if (env.CONCIERGE_MODEL !== 'local') {
    process.stderr.write(`CONCIERGE_MODEL=${env.CONCIERGE_MODEL} is not available yet: only the offline model ("local") ships in this version.\n`);
    process.exit(1);
  }
  const system = await createSystem(env);
  const app = await buildApp(system.gatewayDeps);
  await app.listen({ port: env.PORT, host: env.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;
  const demo = await ensureDemoStore(system, url);

  const lines = [
    '',
    `Concierge is running (${system.mode} mode, database: ${system.database.kind}, cache: ${env.REDIS_URL ? 'redis' : 'in-process'})`,
    `  API          ${url}/v1`,
    `  API docs     ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
    `  health       ${url}/healthz  ${url}/readyz  ${url}/metrics`,
    `  knowledge    vectors: ${system.knowledge.embeddingModel}, index: ${system.knowledge.vectorBackend === 'pgvector' ? 'pgvector HNSW' : 'exact scan (no pgvector)'}`,
    `  admin token  ${system.adminToken}`,
  ];
  if (demo) {
    lines.push(
      '',
      `Demo store ${demo.storeId} (keys also in ${env.CONCIERGE_DATA_DIR}/demo-store.json):`,
      `  API key      ${demo.apiKey}`,
      `  widget key   ${demo.widgetKey}`,
      `  demo shop    ${url}/demo   (the website widget on a product page)`,
      ...(demo.operator ? [`  console      ${url}/console   (log in as ${demo.operator.email} / ${demo.operator.password})`] : []),
      '',
      'Try:',
      `  curl -H "Authorization: Bearer ${demo.apiKey}" ${url}/v1/stores/${demo.storeId}/settings`,
    );
  }
  for (const notice of system.notices) lines.push('', `Note: ${notice}`);
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: draining in-flight requests');
    const outcome = await gracefulShutdown(app, () => system.close());
    app.log.info({ outcome }, 'stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
