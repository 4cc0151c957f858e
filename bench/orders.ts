// npm run bench:orders — orders served from the cache vs from the provider under a replayed burst of
// WISMO questions. The "provider" is a local HTTP server on 127.0.0.1 answering order reads after a
// fixed delay (BENCH_ORDERS_PROVIDER_MS, default 60 ms: a typical Admin API read); every read goes
// through the resilience wrapper, as in production. The burst: BENCH_ORDERS_QUESTIONS questions (default 3,000)
// over 300 orders, skewed like real WISMO traffic (a shopper asks again, a few orders draw most questions),
// 16 at a time, with an order webhook invalidating the asked order before 5% of them. Run once with the
// in-process cache and once with Redis (REDIS_URL or 127.0.0.1:6379, skipped when unreachable).
// Last line: one JSON object.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { Order } from '../src/core/commerce';
import type { Cache } from '../src/core/ports/cache';
import type { CommercePort } from '../src/core/ports/commerce';
import { MemoryCache } from '../src/data/memory/memory-cache';
import { RedisCache } from '../src/data/redis/redis-cache';
import { cachedOrders } from '../src/integrations/resilience/order-cache';
import { reviveOrder } from '../src/integrations/resilience/order-json';
import { resilience } from '../src/integrations/resilience/resilient-call';

const PROVIDER_MS = Number(process.env.BENCH_ORDERS_PROVIDER_MS ?? 60);
const QUESTIONS = Number(process.env.BENCH_ORDERS_QUESTIONS ?? 3000);
const ORDERS = 300;
const CONCURRENCY = 16;
const INVALIDATE_SHARE = 0.05;
const STORE = '7d3f0c1e-0000-4000-8000-0000000000b1';

function orderOf(n: number): Order {
  return {
    id: `gid://shopify/Order/${n}`, name: `#${n}`, email: null, customerId: null, customerName: null, financialStatus: 'paid', fulfillmentStatus: 'fulfilled', currency: 'USD',
    subtotalCents: 4200, shippingCents: 500, totalCents: 4700, refundedCents: 0, shippingAddress: null, cancelledAt: null, createdAt: new Date(), lineItems: [], refunds: [], returns: [],
    fulfillments: [{ id: `f${n}`, status: 'success', shipmentStatus: 'in_transit', carrier: 'UPS', trackingNumber: `1Z${n}`, trackingUrl: null, lineItemIds: [], estimatedDeliveryAt: new Date(), shippedAt: new Date(), deliveredAt: null }],
  };
}

// The provider: order reads by number, after a delay.
let providerReads = 0;
const server = createServer((req, res) => {
  providerReads += 1;
  const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('name')?.replace('#', ''));
  setTimeout(() => {
    res.writeHead(n >= 1001 && n < 1001 + ORDERS ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(orderOf(n)));
  }, PROVIDER_MS);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const calls = resilience();
const provider = {
  getOrder: (storeId: string, reference: string) =>
    calls.call({ storeId, provider: 'bench', operation: 'order' }, async (signal) => {
      const response = await fetch(`${base}/orders?name=${encodeURIComponent(reference.startsWith('#') ? reference : `#${reference}`)}`, { signal });
      if (response.status === 404) return undefined;
      return reviveOrder((await response.json()) as Order);
    }),
} as unknown as CommercePort;

// The replayed burst: deterministic, skewed (Zipf-like over 300 orders), some numbers written "#1042", some "1042".
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const burst = Array.from({ length: QUESTIONS }, () => {
  const rank = Math.min(ORDERS - 1, Math.floor(ORDERS * random() ** 2.2));
  return { reference: random() < 0.5 ? `#${1001 + rank}` : String(1001 + rank), invalidate: random() < INVALIDATE_SHARE };
});

const percentile = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;

async function replay(port: CommercePort, invalidate?: (storeId: string, ref: string) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < burst.length) {
        const q = burst[next++]!;
        if (q.invalidate && invalidate) await invalidate(STORE, q.reference);
        const t0 = performance.now();
        const order = await port.getOrder(STORE, q.reference);
        latencies.push(performance.now() - t0);
        if (!order) throw new Error(`order ${q.reference} not found`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: Math.round(QUESTIONS / seconds) };
}

async function cachedRun(cache: Cache) {
  const orders = cachedOrders(provider, cache, { ttlMs: 30_000 });
  const readsBefore = providerReads;
  const figures = await replay(orders.commerce, orders.invalidateOrder);
  const { hits, misses } = orders.stats();
  return { ...figures, hitRate: Math.round((hits / (hits + misses)) * 1000) / 1000, providerReads: providerReads - readsBefore };
}

const readsBefore = providerReads;
const direct = await replay(provider);
const directReads = providerReads - readsBefore;
console.log(`provider only: p50 ${direct.p50} ms, p99 ${direct.p99} ms, ${direct.perSecond}/s, ${directReads} provider reads`);
const memory = await cachedRun(new MemoryCache());
console.log(`in-process cache: hit rate ${memory.hitRate}, p50 ${memory.p50} ms, p99 ${memory.p99} ms, ${memory.perSecond}/s, ${memory.providerReads} provider reads`);

let redisFigures: Awaited<ReturnType<typeof cachedRun>> | null = null;
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1, lazyConnect: true, enableOfflineQueue: false });
try {
  await redis.connect();
  const prefix = `concierge-bench-orders:${Date.now()}:`;
  redisFigures = await cachedRun(new RedisCache(redis, prefix));
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  console.log(`Redis cache: hit rate ${redisFigures.hitRate}, p50 ${redisFigures.p50} ms, p99 ${redisFigures.p99} ms, ${redisFigures.perSecond}/s, ${redisFigures.providerReads} provider reads`);
} catch {
  console.log('Redis cache: skipped (no Redis reachable)');
} finally {
  redis.disconnect();
}
server.close();

console.log(
  JSON.stringify({
    questions: QUESTIONS,
    orders: ORDERS,
    concurrency: CONCURRENCY,
    providerDelayMs: PROVIDER_MS,
    providerOnlyP50Ms: direct.p50,
    providerOnlyP99Ms: direct.p99,
    providerOnlyQuestionsPerSecond: direct.perSecond,
    memoryCacheHitRate: memory.hitRate,
    memoryCacheP50Ms: memory.p50,
    memoryCacheP99Ms: memory.p99,
    memoryCacheQuestionsPerSecond: memory.perSecond,
    memoryCacheProviderReads: memory.providerReads,
    redisCacheHitRate: redisFigures?.hitRate ?? null,
    redisCacheP50Ms: redisFigures?.p50 ?? null,
    redisCacheP99Ms: redisFigures?.p99 ?? null,
    redisCacheQuestionsPerSecond: redisFigures?.perSecond ?? null,
    redisCacheProviderReads: redisFigures?.providerReads ?? null,
  }),
);
