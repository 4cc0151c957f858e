import type { CliCommand } from '../command';
import { loadEnv } from '../../config/env';
import { createSystem } from '../../compose';
import { prependNewKey } from '../../data/secrets/keyring-file';

const usage = `concierge keys rotate-encryption [--new-key]

Re-encrypts every stored credential under the current encryption key.
  --new-key   (embedded default) first generate a new key in the data folder and make it current.
In server mode, set CONCIERGE_ENCRYPTION_KEY="<new>,<old>", run this, then drop <old>.`;

/** `concierge keys rotate-encryption`: re-seal credentials under the current key. */
export const keysCommand: CliCommand = {
  name: 'keys',
  summary: 'key management',
  usage,
  async run(args, io) {
    if (args[0] !== 'rotate-encryption') {
      io.stderr.write(`${usage}\n`);
      return 2;
    }
    const env = loadEnv();
    if (args.includes('--new-key')) {
      if (env.CONCIERGE_ENCRYPTION_KEY) {
        io.stderr.write('--new-key manages the data folder keyring; with CONCIERGE_ENCRYPTION_KEY set, put the new key first in that variable instead.\n');
        return 2;
      }
      prependNewKey(env.CONCIERGE_DATA_DIR);
    }
    const system = await createSystem(env);
    try {
      const count = await system.stores.resealAll();
      const answers = await system.gatewayDeps.idempotency.reseal();
      io.stdout.write(`re-encrypted ${count} credential(s) and ${answers} kept idempotent answer(s) under key ${system.keyring.currentKeyId}\n`);
      return 0;
    } finally {
      await system.close();
    }
  },
};
