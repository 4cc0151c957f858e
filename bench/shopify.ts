// npm run bench:shopify — orders served from the short cache vs from Shopify (the local Admin GraphQL
// server on 127.0.0.1, through the official client), under a replayed burst of WISMO lookups with order
// webhooks dropping the cached order now and then. Last line: one JSON object.
import { MemoryCache } from '../src/data/memory/memory-cache';
import { shopifyTransport } from '../src/integrations/shopify/admin-transport';
import { shopifyCommerce } from '../src/integrations/shopify/shopify-commerce';
import { FakeAdminServer } from '../src/integrations/shopify/testing/fake-admin-server';
import { FakeShop, seedOrder } from '../src/integrations/shopify/testing/fake-shop';

const ORDERS = Number(process.env.BENCH_SHOPIFY_ORDERS ?? 40);
const LOOKUPS = Number(process.env.BENCH_SHOPIFY_LOOKUPS ?? 600);
const INVALIDATE_EVERY = 25; // an order webhook every 25 questions
const STORE = '00000000-0000-4000-8000-0000000000b1';
// The shop's leaky bucket (points/s restored; Shopify: 100 standard, 200 Advanced, 1000 Plus) and its size.
const RESTORE = Number(process.env.BENCH_SHOPIFY_RESTORE ?? 100);
const BUCKET = Number(process.env.BENCH_SHOPIFY_BUCKET ?? 2000);

const shop = new FakeShop('bench-shop.myshopify.com');
const server = new FakeAdminServer(shop, 'shpat_bench');
const origin = await server.start();
server.setBucket(BUCKET, RESTORE);
const orders = Array.from({ length: ORDERS }, (_, i) => seedOrder(shop, { number: 2000 + i, email: `shopper${i}@example.com` }));
const transport = shopifyTransport({ shopDomain: shop.domain, accessToken: 'shpat_bench', fetchApi: server.fetchApi(origin) });
const commerce = shopifyCommerce({ transportFor: async () => transport, cache: new MemoryCache() });

// A replayed burst: a few orders asked about often (Zipf-like), by number as shoppers write it.
let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = () => orders[Math.min(ORDERS - 1, Math.floor(ORDERS * random() ** 2))]!;

const hit: number[] = [];
const miss: number[] = [];
for (let i = 0; i < LOOKUPS; i += 1) {
  if (i % INVALIDATE_EVERY === 0) await commerce.invalidateOrder(STORE, pick().id);
  const before = server.log.length;
  const started = performance.now();
  await commerce.getOrder(STORE, pick().name.slice(1));
  const ms = performance.now() - started;
  (server.log.length === before ? hit : miss).push(ms);
}
await server.stop();

const p = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100 : null;
};
console.log(
  JSON.stringify({
    lookups: LOOKUPS,
    restorePointsPerSecond: RESTORE,
    throttledAnswers: server.log.filter((e) => e.throttled).length,
    providerCalls: server.log.length,
    orders: ORDERS,
    cacheHitRate: Math.round((hit.length / LOOKUPS) * 1000) / 1000,
    cachedP50Ms: p(hit, 0.5),
    cachedP99Ms: p(hit, 0.99),
    providerP50Ms: p(miss, 0.5),
    providerP99Ms: p(miss, 0.99),
  }),
);
