import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startBanner, type BannerInput } from './start-banner';

const TOKEN = 'adm_Zq8sd7f6g5h4j3k2l1m0n9b8v7c6x5z4';
const base: BannerInput = {
  mode: 'server',
  url: 'http://127.0.0.1:3000',
  database: 'postgres',
  cache: 'redis',
  knowledge: 'vectors: local',
  dataDir: './.concierge',
  adminToken: TOKEN,
  adminTokenOrigin: { from: 'env' },
  demo: undefined,
  notices: [],
};

test('server mode never prints the admin token: it says where the token is', () => {
  const fromEnv = startBanner(base);
  assert.ok(!fromEnv.includes(TOKEN));
  assert.match(fromEnv, /admin token\s+from CONCIERGE_ADMIN_TOKEN/);
  const generated = startBanner({ ...base, adminTokenOrigin: { from: 'file', path: '/srv/concierge/admin-token', created: true } });
  assert.ok(!generated.includes(TOKEN), 'not even the start that generated it');
  assert.match(generated, /admin token\s+in \/srv\/concierge\/admin-token; set CONCIERGE_ADMIN_TOKEN/);
});

test('the embedded default prints the token it just generated once, then only where it is kept', () => {
  const embedded = { ...base, mode: 'embedded' as const, database: 'pglite', cache: 'in-process' };
  const first = startBanner({ ...embedded, adminTokenOrigin: { from: 'file', path: '/home/dev/.concierge/admin-token', created: true } });
  assert.ok(first.includes(TOKEN));
  assert.ok(first.includes('/home/dev/.concierge/admin-token'));
  const later = startBanner({ ...embedded, adminTokenOrigin: { from: 'file', path: '/home/dev/.concierge/admin-token', created: false } });
  assert.ok(!later.includes(TOKEN));
  assert.match(later, /admin token\s+in \/home\/dev\/.concierge\/admin-token/);
  assert.ok(!startBanner({ ...embedded, adminTokenOrigin: { from: 'env' } }).includes(TOKEN));
});
