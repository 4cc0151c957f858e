import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../src/cli/main';
import { createSystem } from '../src/compose';
import { loadEnv } from '../src/config/env';
import { generateKey } from '../src/data/secrets/keyring';
import { keyringPath } from '../src/data/secrets/keyring-file';
import { PassThrough } from 'node:stream';

const io = () => {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += chunk));
  return { io: { stdin: new PassThrough(), stdout, stderr: new PassThrough() }, text: () => text };
};

describe('rotating the encryption key', () => {
  test('with CONCIERGE_ENCRYPTION_KEY="new,old": re-encrypt under the new key, then the old one can be dropped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'concierge-rotate-'));
    const oldKey = generateKey();
    const newKey = generateKey();
    const base = { CONCIERGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', CONCIERGE_ADMIN_TOKEN: 'rotation-admin-token-0123456789' };
    try {
      const before = await createSystem(loadEnv({ ...base, CONCIERGE_ENCRYPTION_KEY: oldKey }));
      const { store } = await before.stores.create({ name: 'Rotating', settings: { channels: { stripe: { secretKey: 'sk_test_rotate_me' } } } });
      const oldKid = before.keyring.currentKeyId;
      await before.close();

      const during = await createSystem(loadEnv({ ...base, CONCIERGE_ENCRYPTION_KEY: `${newKey},${oldKey}` }));
      assert.equal(await during.stores.resealAll(), 1);
      const [row] = await during.database.query<{ api_credentials: { stripe: { kid: string } } }>('SELECT api_credentials FROM stores WHERE id = $1', [store.id]);
      assert.notEqual(row!.api_credentials.stripe.kid, oldKid);
      assert.equal(await during.stores.resealAll(), 0, 'a second run has nothing left to do');
      await during.close();

      const after = await createSystem(loadEnv({ ...base, CONCIERGE_ENCRYPTION_KEY: newKey }));
      assert.deepEqual(await after.stores.channelCredentials(store.id, 'stripe'), { secretKey: 'sk_test_rotate_me' });
      await after.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('embedded default: `concierge keys rotate-encryption --new-key` puts a new key first and re-seals', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'concierge-rotate-cli-'));
    const previous = { ...process.env };
    Object.assign(process.env, { CONCIERGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', CONCIERGE_ADMIN_TOKEN: 'rotation-admin-token-0123456789' });
    delete process.env.CONCIERGE_ENCRYPTION_KEY;
    delete process.env.DATABASE_URL;
    delete process.env.REDIS_URL;
    try {
      const system = await createSystem(loadEnv());
      const { store } = await system.stores.create({ name: 'Cli', settings: { channels: { zendesk: { subdomain: 'acme', email: 'ops@example.com', apiToken: 'zd-secret' } } } });
      await system.close();
      const firstKeys = readFileSync(keyringPath(dataDir), 'utf8').trim().split('\n');
      const out = io();
      assert.equal(await runCli(['keys', 'rotate-encryption', '--new-key'], out.io), 0);
      assert.match(out.text(), /re-encrypted 1 credential/);
      const keys = readFileSync(keyringPath(dataDir), 'utf8').trim().split('\n');
      assert.equal(keys.length, firstKeys.length + 1);
      assert.equal(keys[1], firstKeys[0]);
      const reopened = await createSystem(loadEnv());
      assert.equal((await reopened.stores.channelCredentials<{ apiToken: string }>(store.id, 'zendesk'))?.apiToken, 'zd-secret');
      await reopened.close();
    } finally {
      process.env = previous;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
