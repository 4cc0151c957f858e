import type { CliCommand } from '../command';
import { loadEnv } from '../../config/env';
import { startServer } from '../../server';

/** `concierge start`: the HTTP server. */
export const startCommand: CliCommand = {
  name: 'start',
  summary: 'start the HTTP server',
  async run() {
    await startServer(loadEnv());
    return new Promise<number>(() => undefined); // runs until a signal stops the process
  },
};
