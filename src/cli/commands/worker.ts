import type { CliCommand } from '../command';
import { loadEnv } from '../../config/env';
import { startWorker } from '../../worker';

/** `concierge worker`: background jobs, e-mail and schedules without the HTTP server; stops cleanly on SIGTERM or SIGINT. */
export const workerCommand: CliCommand = {
  name: 'worker',
  summary: 'run the background work (jobs, e-mail, schedules) without the HTTP server',
  async run(_args, io) {
    const env = loadEnv();
    if (!env.DATABASE_URL) {
      io.stderr.write('concierge worker: needs DATABASE_URL (PostgreSQL): the embedded database belongs to one process, which runs its own background work\n');
      return 2;
    }
    const worker = await startWorker(env, (line) => io.stdout.write(`${line}\n`));
    return new Promise<number>((resolve) => {
      const stop = () => void worker.stop().then(() => resolve(0), () => resolve(1));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
  },
};
