import { createSystem } from './compose';
import type { Env } from './config/env';
import { ensureDemoStore } from './demo-bootstrap';
import { buildApp } from './gateway/app';
import { gracefulShutdown } from './gateway/shutdown';
import { startBanner } from './start-banner';

/** Builds the system, listens, prints where everything is, and shuts down gracefully on a signal. */
export async function startServer(env: Env): Promise<void> {
  const system = await createSystem(env);
  const app = await buildApp(system.gatewayDeps);
  await app.listen({ port: env.PORT, host: env.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;
  const demo = await ensureDemoStore(system, url);
  // The job worker, the e-mail sweep and the inbound SMTP listener, unless `concierge worker` processes run them; stopped by system.close().
  const { smtpPort } = env.CONCIERGE_BACKGROUND === 'in-process' ? await system.startBackground() : { smtpPort: undefined };

  process.stdout.write(
    startBanner({
      mode: system.mode,
      url,
      database: system.database.kind,
      cache: env.REDIS_URL ? 'redis' : 'in-process',
      knowledge: `vectors: ${system.knowledge.embeddingModel}, index: ${system.knowledge.vectorBackend === 'pgvector' ? 'pgvector HNSW' : 'exact scan (no pgvector)'}`,
      dataDir: env.CONCIERGE_DATA_DIR,
      adminToken: system.adminToken,
      adminTokenOrigin: system.adminTokenOrigin,
      demo,
      notices: [
        ...system.notices,
        ...(env.CONCIERGE_BACKGROUND === 'off' ? ['background work: off here (CONCIERGE_BACKGROUND=off); run `concierge worker` for jobs, e-mail and schedules'] : []),
        ...(smtpPort !== undefined ? [`inbound e-mail: SMTP on ${env.CONCIERGE_SMTP_HOST}:${smtpPort} for *@${env.CONCIERGE_EMAIL_DOMAIN}`] : []),
      ],
    }),
  );

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
