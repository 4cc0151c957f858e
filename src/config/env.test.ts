import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, envHelp, loadEnv } from './env';

test('defaults when nothing is set', () => {
  const env = loadEnv({});
  assert.equal(env.PORT, 3000);
  assert.equal(env.CONCIERGE_DATA_DIR, './.concierge');
  assert.equal(env.CONCIERGE_MODEL, 'local');
  assert.equal(env.DATABASE_URL, undefined);
});

test('a wrong value stops the start, naming the variable and what is expected', () => {
  assert.throws(() => loadEnv({ PORT: 'eighty' }), (error: unknown) => error instanceof ConfigError && /PORT/.test(error.message));
  assert.throws(() => loadEnv({ DATABASE_URL: 'mysql://localhost/x' }), /DATABASE_URL: must start with postgres:\/\//);
  assert.throws(() => loadEnv({ REDIS_URL: 'localhost:6379' }), /REDIS_URL/);
  assert.throws(() => loadEnv({ CONCIERGE_MODEL: 'gpt' }), /CONCIERGE_MODEL/);
  assert.throws(() => loadEnv({ CONCIERGE_ADMIN_TOKEN: 'short' }), /CONCIERGE_ADMIN_TOKEN: must be at least 24/);
  assert.throws(() => loadEnv({ CONCIERGE_EMBEDDINGS: 'openai' }), /OPENAI_API_KEY: required when CONCIERGE_EMBEDDINGS=openai/);
  assert.throws(() => loadEnv({ CONCIERGE_EMBEDDINGS: 'openai', OPENAI_API_KEY: 'k', CONCIERGE_EMBEDDINGS_DIMS: '4096' }), /CONCIERGE_EMBEDDINGS_DIMS/);
  assert.equal(loadEnv({ CONCIERGE_EMBEDDINGS: 'openai', OPENAI_API_KEY: 'k' }).CONCIERGE_EMBEDDINGS_DIMS, 1536);
});

test('secrets are not echoed in configuration errors', () => {
  assert.throws(
    () => loadEnv({ CONCIERGE_ENCRYPTION_KEY: 'not-a-key-but-secret' }),
    (error: unknown) => error instanceof Error && /CONCIERGE_ENCRYPTION_KEY/.test(error.message) && !error.message.includes('not-a-key-but-secret'),
  );
});

test('help lists every variable', () => {
  const help = envHelp();
  for (const name of ['PORT', 'HOST', 'CONCIERGE_DATA_DIR', 'CONCIERGE_ADMIN_TOKEN', 'DATABASE_URL', 'REDIS_URL', 'CONCIERGE_ENCRYPTION_KEY', 'CONCIERGE_MODEL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'ANTHROPIC_API_KEY', 'CONCIERGE_SMTP_PORT', 'SMTP_URL', 'LOG_LEVEL', 'CONCIERGE_LOG_FILE', 'CONCIERGE_EMBEDDINGS', 'CONCIERGE_EMBEDDINGS_MODEL', 'CONCIERGE_EMBEDDINGS_DIMS']) {
    assert.match(help, new RegExp(`\\b${name}\\b`));
  }
});
