import { createSystem } from './compose';
import type { Env } from './config/env';

export interface WorkerHandle {
  smtpPort: number | undefined;
  stop(): Promise<void>;
}

/**
 * A background process (server mode): the durable job worker, the e-mail sweep and inbound SMTP
 * listener, and the schedules, with no HTTP gateway. Several may run against one database; the
 * queue's leases and dedupe keys keep each job to one of them.
 */
export async function startWorker(env: Env, log: (line: string) => void): Promise<WorkerHandle> {
  const system = await createSystem(env);
  const { smtpPort } = await system.startBackground();
  log(`concierge worker: running background jobs on ${system.database.kind}${smtpPort !== undefined ? `, inbound SMTP on ${env.CONCIERGE_SMTP_HOST}:${smtpPort}` : ''}`);
  return { smtpPort, stop: () => system.close() };
}
