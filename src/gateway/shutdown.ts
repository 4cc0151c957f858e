import type { FastifyInstance } from 'fastify';

/**
 * Stops taking new connections, lets in-flight requests finish (up to a deadline), then releases
 * the system's resources.
 */
export async function gracefulShutdown(app: FastifyInstance, release: () => Promise<void>, deadlineMs = 10_000): Promise<'drained' | 'deadline'> {
  // A keep-alive connection turns idle only once its request is answered: keep closing idle ones.
  const sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
  const deadline = new Promise<'deadline'>((done) => setTimeout(() => done('deadline'), deadlineMs).unref());
  try {
    const outcome = await Promise.race([app.close().then(() => 'drained' as const), deadline]);
    if (outcome === 'deadline') app.server.closeAllConnections();
    return outcome;
  } finally {
    clearInterval(sweeper);
    await release();
  }
}
