// npm run bench:gateway — authenticated GET /v1/stores/{id}/settings against a bare Fastify hello-world,
// each server in its own process, load from this one (autocannon). Uses PostgreSQL and Redis when
// DATABASE_URL and REDIS_URL are set (the target configuration), the embedded default otherwise.
import autocannon from 'autocannon';
import { freshPostgresDatabase } from '../test/support/databases';
import { generateKey } from '../src/data/secrets/keyring';
import { startChild } from './support/child-server';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function load(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 }); // warm-up
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

const fresh = process.env.DATABASE_URL ? await freshPostgresDatabase() : undefined;
const env = {
  ...process.env,
  LOG_LEVEL: 'warn',
  CONCIERGE_RATE_LIMIT_PER_MINUTE: '1000000000',
  CONCIERGE_ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
  CONCIERGE_ENCRYPTION_KEY: generateKey(),
  CONCIERGE_DATA_DIR: fresh ? './.tmp/bench' : 'memory://',
  ...(fresh ? { DATABASE_URL: fresh.url } : {}),
};

const hello = await startChild<{ port: number }>('bench/support/serve-hello.ts', process.env);
const bare = await load(`http://127.0.0.1:${hello.info.port}/`);
await hello.stop();

const gateway = await startChild<{ port: number; storeId: string; apiKey: string; database: string }>('bench/support/serve-gateway.ts', env);
const authed = await load(`http://127.0.0.1:${gateway.info.port}/v1/stores/${gateway.info.storeId}/settings`, { authorization: `Bearer ${gateway.info.apiKey}` });
await gateway.stop();
await fresh?.drop();

const figures = {
  database: gateway.info.database,
  cache: process.env.REDIS_URL ? 'redis' : 'in-process',
  connections: CONNECTIONS,
  bareRequestsPerSecond: bare.rps,
  bareP50Ms: bare.p50,
  bareP99Ms: bare.p99,
  settingsRequestsPerSecond: authed.rps,
  settingsP50Ms: authed.p50,
  settingsP99Ms: authed.p99,
  ratioToBare: Number((authed.rps / bare.rps).toFixed(3)),
};
console.log(`bare Fastify hello-world: ${bare.rps} req/s (p50 ${bare.p50} ms, p99 ${bare.p99} ms)`);
console.log(`authenticated settings:   ${authed.rps} req/s (p50 ${authed.p50} ms, p99 ${authed.p99} ms) on ${figures.database} + ${figures.cache}`);
console.log(`ratio: ${(figures.ratioToBare * 100).toFixed(1)}% of the bare server (target ≥ 25%)`);
console.log(JSON.stringify(figures));
