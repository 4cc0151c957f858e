import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { apiKeyService } from './core/api-key-service';
import type { Cache } from './core/ports/cache';
import type { PubSub } from './core/ports/pubsub';
import type { RateLimiter } from './core/ports/rate-limiter';
import type { SessionStore } from './core/ports/session-store';
import { storeService, type ChannelChange } from './core/store-service';
import { ConfigError, type Env } from './config/env';
import { openDatabase, type Database } from './data/database';
import { cacheSessionStore, MemoryCache } from './data/memory/memory-cache';
import { MemoryPubSub } from './data/memory/memory-pubsub';
import { MemoryRateLimiter } from './data/memory/memory-rate-limiter';
import { migrate } from './data/migrate';
import { RedisCache } from './data/redis/redis-cache';
import { RedisPubSub } from './data/redis/redis-pubsub';
import { RedisRateLimiter, redisRevocationEpoch } from './data/redis/redis-rate-limiter';
import { apiKeyRepository } from './data/repositories/api-key-repository';
import { auditLogRepository } from './data/repositories/audit-log';
import { idempotencyStore } from './data/repositories/idempotency-store';
import { storeRepository } from './data/repositories/store-repository';
import { shipmentNotices } from './data/repositories/shipment-notices';
import { shipmentWatch, type ShipmentWatch } from './agent/proactive/shipment-watch';
import { shipmentWatchSchedule } from './agent/proactive/shipment-watch-schedule';
import { tieredCache } from './data/tiered-cache';
import { readOrCreateKeyFile } from './data/secrets/keyring-file';
import { createKeyring, type Keyring } from './data/secrets/keyring';
import type { GatewayDeps } from './gateway/app';
import { createAgent, type Agent } from './agent/index';
import type { CommercePort, PaymentsPort, ShippingPort } from './core/ports/commerce';
import type { CatalogImporter, CatalogWriter } from './core/ports/catalog';
import { DbCheckpointSaver } from './data/checkpoint/db-checkpoint-saver';
import { MemoryConversationLock } from './data/memory/memory-lock';
import { RedisConversationLock } from './data/redis/redis-lock';
import { conversationStore } from './data/repositories/conversation-store';
import { knowledgeJobKinds } from './core/ports/knowledge-upload-records';
import { catalogWriter } from './data/repositories/demo-commerce/catalog-writer';
import { demoCommerce } from './data/repositories/demo-commerce/demo-commerce';
import { demoPayments } from './data/repositories/demo-commerce/demo-payments';
import { demoShipping } from './data/repositories/demo-commerce/demo-shipping';
import { catalogSurface } from './gateway/routes/catalog/import';
import { conversationSurface } from './gateway/routes/conversations/index';
import { demoCatalogImporter } from './integrations/demo/catalog-importer';
import { createOfflineNlu } from './nlu/index';
import { sentenceEncoderEmbeddings } from './knowledge/embeddings/sentence-encoder-embeddings';
import { tokenIssuer } from './gateway/tokens';
import { operatorService, type OperatorService } from './core/operator-service';
import { operatorRepository } from './data/repositories/operator-repository';
import { inboxRepository } from './data/repositories/inbox-repository';
import { analyticsRepository } from './data/repositories/analytics-repository';
import { inboxSurface } from './gateway/routes/inbox/index';
import { analyticsSurface } from './gateway/routes/analytics/index';
import { consoleSurface } from './web/console/serve';
import { demoSurface } from './web/demo/serve';
import { shopperFeedbackRepository } from './data/repositories/shopper-feedback';
import { widgetSurface } from './web/widget/serve';
import { widgetAppearanceRoute } from './gateway/routes/widget/appearance';
import { widgetLogoRoutes } from './gateway/routes/widget/logo';
import { widgetLogoRepository } from './data/repositories/widget-logos';
import { knowledgeChunkReader } from './data/repositories/knowledge-chunks';
import { knowledgeChunksSurface } from './gateway/routes/knowledge/chunks';
import { enableVectorSupport } from './data/vectors/vector-support';
import { knowledgeIndex } from './data/repositories/knowledge-index';
import { knowledgeUploadRecords } from './data/repositories/knowledge-uploads';

import type { Embeddings } from './core/ports/embeddings';
import type { StoreSettings } from './core/settings';
import {
  defaultArticles,
  groundedAnswerer,
  knowledgeBase,
  knowledgeIngestion,
  loadThesaurus,
  localWordVectorEmbeddings,
  syncOneProduct,
  syncProducts,
  type KnowledgeIngestion,
  type KnowledgeService,
} from './knowledge/index';
import { knowledgeSurface } from './gateway/routes/knowledge/index';
import { loadWordVectors } from './text/word-vectors';
import { loadModel } from './nlu/model-loader';
import { AdvisoryOrderLock } from './data/locks/advisory-order-lock';
import { MemoryOrderLock } from './data/locks/memory-order-lock';
import { orderRequestLedger } from './data/repositories/order-requests';
import { verificationFailureLog } from './data/repositories/verification-failures';
import { openAiEmbeddings, remoteModel } from './integrations/models/index';
import type { ModelAssist } from './agent/index';
import type { ModelTask } from './core/ports/language-model';

const DEFAULT_MODELS = { openai: 'gpt-4o-mini', anthropic: 'claude-haiku-4-5' } as const;

/** The remote model the agent may ask (CONCIERGE_MODEL=openai|anthropic), behind the PII shield; undefined for the offline default. */
export function modelAssistFor(env: Env): ModelAssist | undefined {
  if (env.CONCIERGE_MODEL === 'local') return undefined;
  const provider = env.CONCIERGE_MODEL;
  const understanding = env.CONCIERGE_MODEL_UNDERSTANDING ?? DEFAULT_MODELS[provider];
  const phrasing = env.CONCIERGE_MODEL_PHRASING ?? understanding;
  const model = remoteModel({
    provider,
    apiKey: (provider === 'openai' ? env.OPENAI_API_KEY : env.ANTHROPIC_API_KEY)!,
    baseURL: provider === 'openai' ? env.OPENAI_BASE_URL : env.ANTHROPIC_BASE_URL,
    models: { understanding, phrasing, answer: env.CONCIERGE_MODEL_ANSWER ?? phrasing },
    prices: env.CONCIERGE_MODEL_PRICES,
    timeoutMs: env.CONCIERGE_MODEL_TIMEOUT_MS,
    deadlineMs: env.CONCIERGE_MODEL_DEADLINE_MS,
    maxRetries: env.CONCIERGE_MODEL_MAX_RETRIES,
    breaker: { threshold: env.CONCIERGE_MODEL_BREAKER_FAILURES, cooldownMs: env.CONCIERGE_MODEL_BREAKER_COOLDOWN_MS },
  });
  return { model, uses: new Set(env.CONCIERGE_MODEL_USES.split(',') as ModelTask[]), confidence: env.CONCIERGE_MODEL_CONFIDENCE };
}

import { tmpdir } from 'node:os';
import pino, { type LoggerOptions } from 'pino';
import { databaseJobs, type DatabaseJobs } from './data/jobs/database-job-queue';
import { emailRecords } from './data/repositories/email-records';
import { localFolderStorage } from './data/object-storage/local-folder-storage';
import type { ObjectStorage } from './core/ports/object-storage';
import { emailChannel, type EmailChannel } from './channels/email/email-channel';
import { smtpMailer } from './channels/email/smtp-mailer';
import { loggerOptions } from './gateway/logging/logger';
import { shopifyShipping } from './integrations/shopify/shopify-shipping';
import { shopifyIntegration } from './shopify-integration';
import type { FetchApi } from './integrations/shopify/admin-transport';
import { shopifyIntegrationSurface } from './gateway/routes/integrations/shopify';
import { shopifyWebhookSurface } from './gateway/routes/webhooks/shopify';
import { providerRefundLog } from './data/repositories/provider-refunds';
import { resilience, type Resilience } from './integrations/resilience/resilient-call';
import { stripeClient, stripeClients, type StripeCredentials } from './integrations/stripe/stripe-client';
import { stripePayments } from './integrations/stripe/stripe-payments';
import { stripeWebhook } from './integrations/stripe/stripe-webhook';
import { providerWebhookSurface } from './gateway/routes/webhooks/provider-webhook-route';
import { helpdeskWebhookSurface } from './gateway/routes/webhooks/helpdesk';
import { helpdeskChannel, type HelpdeskChannel } from './channels/helpdesk/helpdesk-channel';
import { zendeskWebhookReader } from './channels/zendesk/zendesk-webhook';
import { gorgiasWebhookReader } from './channels/gorgias/gorgias-webhook';
import { zendeskHelpdesk, type ZendeskCredentials } from './integrations/zendesk/zendesk-helpdesk';
import { gorgiasHelpdesk, type GorgiasCredentials } from './integrations/gorgias/gorgias-helpdesk';
import { AppError } from './core/errors';
import { helpdeskRecords } from './data/repositories/helpdesk-records';
import { helpdeskWebhookSetup } from './channels/helpdesk/webhook-setup';
import { zendeskWebhookPort, zendeskWebhookSetup } from './integrations/zendesk/zendesk-webhooks';
import { gorgiasWebhookSetup } from './integrations/gorgias/gorgias-webhooks';
import { easyPostClients, type ShippingCredentials } from './integrations/shipping/easypost-client';
import { easyPostShipping } from './integrations/shipping/easypost-shipping';
import { linkSigner } from './core/signed-link';
import { signedFileSurface } from './gateway/routes/files/signed-file';
import { emailAttachmentLinks } from './core/email-attachments';
import { evidenceService } from './core/evidence-service';
import { conversationAttachmentRepository } from './data/repositories/conversation-attachments';
import { integrationTestSurface } from './gateway/routes/integrations/test-connection';
import { connectionCheck } from './integrations/connection-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { perStoreCommerce, perStorePayments, perStoreShipping } from './integrations/per-store';

// The relevance below which a passage does not answer a question (chosen on `concierge kb eval`, see docs/adr/0006).
const KNOWLEDGE_MIN_RELEVANCE = 0.45;
const KNOWLEDGE_CONFIDENT_RELEVANCE = 0.6;

/** The running system's parts, wired once: main.ts, the CLI and integration tests all build it here. */
export interface System {
  mode: 'embedded' | 'server';
  env: Env;
  database: Database;
  cache: Cache;
  rateLimiter: RateLimiter;
  sessions: SessionStore;
  pubsub: PubSub;
  keyring: Keyring;
  adminToken: string;
  /** Where the admin token comes from, so the start banner can say where it is without printing it. */
  adminTokenOrigin: AdminTokenOrigin;
  stores: ReturnType<typeof storeService>;
  apiKeys: ReturnType<typeof apiKeyService>;
  operators: OperatorService;
  commerce: CommercePort;
  payments: PaymentsPort;
  shipping: ShippingPort;
  /** Files (return-label PDFs): a local folder in the embedded default, S3-compatible storage in server mode. */
  objectStorage: ObjectStorage;
  /** Every outbound provider call goes through it: timeouts, retries, a circuit per (store, provider). */
  resilience: Resilience;
  /** Orders of a remote commerce provider, cached briefly; `invalidateOrder` is what order webhooks call. */
  catalog: CatalogWriter;
  agent: Agent;
  knowledge: KnowledgeService;
  /** The default articles (demo store), re-rendered when the settings they quote change. */
  articles: ReturnType<typeof defaultArticles>;
  /** Re-indexes the store's products after a catalog change (in process, awaited: the demo bootstrap and tests). */
  syncCatalog(storeId: string): Promise<void>;
  /** Uploads accepted at once and indexed by durable jobs; `settled(storeId)` waits for a store's ingestion (docs/adr/0033). */
  ingestion: KnowledgeIngestion;
  /** What the operator should know at start (e.g. no pgvector: exact vector search). */
  notices: string[];
  gatewayDeps: GatewayDeps;
  /** The durable job queue (the `jobs` table, docs/adr/0029) and this process's worker. */
  jobs: DatabaseJobs;
  /** Files: e-mail attachments, the same store as `objectStorage`. */
  storage: ObjectStorage;
  email: EmailChannel;
  /** Proactive notices of stuck parcels (issue 16); scans run as jobs on the schedule, or now through `scanStore`. */
  shipmentWatch: ShipmentWatch;
  /** Zendesk and Gorgias (docs/adr/0036): webhooks in, replies and handoffs out through the job queue. */
  helpdesk: HelpdeskChannel;
  /** Starts the job worker, the e-mail sweep and the inbound SMTP listener (when CONCIERGE_SMTP_PORT is set); returns that port. */
  startBackground(): Promise<{ smtpPort: number | undefined }>;
  close(): Promise<void>;
}

export type AdminTokenOrigin = { from: 'env' } | { from: 'file'; path: string; created: boolean };

export interface SystemOptions {
  /** Skip migrations (the `migrate` command runs them itself). */
  migrate?: boolean;
  /** Namespace for Redis keys and channels (tests run side by side on one Redis). */
  redisPrefix?: string;
  /** The HTTP client for Shopify (tests send https://<shop>.myshopify.com to a local server). */
  shopifyFetch?: FetchApi;
}

function readOrCreateSecretFile(dataDir: string, name: string, make: () => string): { value: string; path: string; created: boolean } {
  const path = join(resolve(dataDir), name);
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), path, created: false };
  mkdirSync(resolve(dataDir), { recursive: true });
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  return { value, path, created: true };
}

/** The demo store's widget key, read from the data folder (written at first start by demo-bootstrap.ts). */
function demoWidgetKey(dataDir: string) {
  return async () => {
    const path = join(resolve(dataDir), 'demo-store.json');
    if (!existsSync(path)) return undefined;
    return (JSON.parse(readFileSync(path, 'utf8')) as { widgetKey?: string }).widgetKey;
  };
}

/** CONCIERGE_TRUST_PROXY as Fastify's trustProxy: true/false, or the proxies' addresses. */
export function trustProxyOf(value: string): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

export function keyringFor(env: Env): Keyring {
  const keys = env.CONCIERGE_ENCRYPTION_KEY ? env.CONCIERGE_ENCRYPTION_KEY.split(',') : readOrCreateKeyFile(env.CONCIERGE_DATA_DIR);
  return createKeyring(keys);
}

/** STARTTLS material for inbound SMTP, read once at start (a missing or unreadable file stops the start, saying which). */
function smtpTls(env: Env): { key: Buffer; cert: Buffer } | undefined {
  if (!env.CONCIERGE_SMTP_TLS_CERT_FILE || !env.CONCIERGE_SMTP_TLS_KEY_FILE) return undefined;
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  ${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  return { cert: read('CONCIERGE_SMTP_TLS_CERT_FILE', env.CONCIERGE_SMTP_TLS_CERT_FILE), key: read('CONCIERGE_SMTP_TLS_KEY_FILE', env.CONCIERGE_SMTP_TLS_KEY_FILE) };
}

export async function createSystem(env: Env, options: SystemOptions = {}): Promise<System> {
  // Files named by the configuration are read before anything opens, so a bad path stops the start cleanly.
  const inboundTls = smtpTls(env);
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.CONCIERGE_DATA_DIR });
  if (options.migrate !== false) await migrate(database);

  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true }) : undefined;
  const subscriber = redis ? redis.duplicate() : undefined;
  const prefix = options.redisPrefix ?? 'concierge:';
  const rateLimiter: RateLimiter = redis ? new RedisRateLimiter(redis, `${prefix}rl:`) : new MemoryRateLimiter();
  const pubsub: PubSub = redis && subscriber ? new RedisPubSub(redis, subscriber, `${prefix}events:`) : new MemoryPubSub();
  const sharedCache: Cache = redis ? new RedisCache(redis, `${prefix}cache:`) : new MemoryCache();
  // Settings may lag a change on another instance by the pub/sub hop; a revoked key may not.
  const cache: Cache = redis ? await tieredCache(sharedCache, pubsub) : sharedCache;
  const sessions = cacheSessionStore(cache);

  const keyring = keyringFor(env);
  const tokenFile = env.CONCIERGE_ADMIN_TOKEN ? undefined : readOrCreateSecretFile(env.CONCIERGE_DATA_DIR, 'admin-token', () => `adm_${randomBytes(24).toString('base64url')}`);
  const adminToken = env.CONCIERGE_ADMIN_TOKEN ?? tokenFile!.value;
  const adminTokenOrigin: AdminTokenOrigin = tokenFile ? { from: 'file', path: tokenFile.path, created: tokenFile.created } : { from: 'env' };
  const db = database.db;
  // Late-bound: the articles that quote settings are built after the store service.
  const hooks: { settingsChanged?: (storeId: string, settings: StoreSettings) => Promise<void>; channelsChanged?: (storeId: string, changes: ChannelChange[]) => Promise<void> } = {};
  const storeRows = storeRepository(db);
  const stores = storeService({
    stores: storeRows,
    cache,
    sealer: keyring,
    onSettingsChanged: (storeId, settings) => hooks.settingsChanged?.(storeId, settings) ?? Promise.resolve(),
    onChannelsChanged: (storeId, changes) => hooks.channelsChanged?.(storeId, changes) ?? Promise.resolve(),
    inboundEmailDomain: env.CONCIERGE_EMAIL_DOMAIN,
  });
  // With Redis, key records also sit in a local tier, trusted up to the cluster's revocation epoch.
  const apiKeys = apiKeyService({
    keys: apiKeyRepository(db),
    cache: sharedCache,
    ...(redis ? { local: { cache: new MemoryCache(10_000), epoch: redisRevocationEpoch(redis, `${prefix}rl:`) } } : {}),
  });

  // A store connected to Shopify is served by Shopify; every other by the built-in backend (docs/adr/0027).
  // Erasing a shopper deletes their photos from object storage (created below; only called once the system runs).
  const files = { delete: (storeId: string, key: string) => objectStorage.delete(storeId, key) };
  const shopify = shopifyIntegration({ env, database, stores, cache, keyring, files, ...(options.shopifyFetch ? { fetchApi: options.shopifyFetch } : {}) });
  const providerCalls = resilience();
  const backend = demoCommerce(db);
  // The demo backend is the database itself: read directly, never cached. Shopify's orders are cached (CONCIERGE_ORDER_CACHE_TTL_MS).
  const commerce = perStoreCommerce(shopify.connections.isConnected, shopify.commerce, backend);
  const refundLog = providerRefundLog(database);
  const configured = (channel: 'stripe' | 'shipping') => async (storeId: string) => Boolean((await stores.get(storeId)).channels[channel]);
  const stripeCredentials = (storeId: string) => stores.channelCredentials<StripeCredentials>(storeId, 'stripe');
  const stripeFor = stripeClients(env.STRIPE_API_BASE);
  // Refunds: through Shopify for a Shopify store (the order lives there), else Stripe where configured, else the built-in backend.
  const stripeOrDemo = perStorePayments(
    configured('stripe'),
    stripePayments({ credentials: stripeCredentials, client: stripeFor, commerce, refunds: refundLog, resilience: providerCalls, invalidateOrder: shopify.commerce.invalidateOrder }),
    demoPayments(db),
  );
  const payments = perStorePayments(shopify.connections.isConnected, shopify.commerce, stripeOrDemo);
  // Signed file links: HMAC under a key derived for the purpose, served by the gateway at /files/{token}.
  const links = linkSigner(Buffer.from(keyring.derive('concierge-file-links'), 'base64'));
  const publicUrl = env.CONCIERGE_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
  const ephemeralObjects = env.CONCIERGE_DATA_DIR.startsWith('memory://') ? mkdtempSync(join(tmpdir(), 'concierge-objects-')) : undefined;
  const objectStorage: ObjectStorage =
    env.CONCIERGE_OBJECT_STORAGE === 's3'
      ? // The S3 client loads only in server mode with S3 configured, not with every start.
        (await import('./integrations/s3/s3-storage')).s3Storage({ endpoint: env.S3_ENDPOINT!, bucket: env.S3_BUCKET!, region: env.S3_REGION, accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY!, links, publicUrl, resilience: providerCalls })
      : localFolderStorage(ephemeralObjects ?? join(resolve(env.CONCIERGE_DATA_DIR), 'objects'), links, publicUrl);
  const shippingCredentials = (storeId: string) => stores.channelCredentials<ShippingCredentials>(storeId, 'shipping');
  const easyPostFor = easyPostClients(env.EASYPOST_API_BASE);
  // Tracking and labels: the store's label provider where configured, else Shopify's fulfilments for a Shopify store, else the built-in backend.
  const shipping = perStoreShipping(
    configured('shipping'),
    easyPostShipping({ credentials: shippingCredentials, client: easyPostFor, storage: objectStorage, resilience: providerCalls }),
    perStoreShipping(shopify.connections.isConnected, shopifyShipping(), demoShipping(db)),
  );
  // Helpdesks: every store's own account, its credentials sealed with the store's settings (docs/adr/0036).
  const zendeskCredentials = (storeId: string) => stores.channelCredentials<ZendeskCredentials>(storeId, 'zendesk');
  const gorgiasCredentials = (storeId: string) => stores.channelCredentials<GorgiasCredentials>(storeId, 'gorgias');
  const helpdeskBases = { zendesk: env.ZENDESK_API_BASE?.replace(/\/+$/, '') ?? 'https://{account}.zendesk.com', gorgias: env.GORGIAS_API_BASE?.replace(/\/+$/, '') ?? 'https://{account}.gorgias.com' };
  const zendesk = zendeskHelpdesk({ credentials: zendeskCredentials, baseUrlTemplate: helpdeskBases.zendesk });
  const gorgias = gorgiasHelpdesk({ credentials: gorgiasCredentials, baseUrlTemplate: helpdeskBases.gorgias });
  // A webhook for a store that does not exist reads like one without a secret (401): the URL tells nothing.
  const storeSecret = (read: (storeId: string) => Promise<{ webhookSecret?: string } | undefined>) => async (storeId: string) =>
    (await read(storeId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    }))?.webhookSecret;
  // Connection tests answer at once: one attempt, their own circuits.
  const checkCalls = resilience({ maxAttempts: 1, timeoutMs: 5_000 });
  const helpdeskCheck = (provider: 'zendesk' | 'gorgias', read: (storeId: string) => Promise<unknown>, helpdesk: { check(storeId: string, signal?: AbortSignal): Promise<string> }) =>
    connectionCheck({ provider, credentials: async (storeId) => ((await read(storeId)) ? storeId : undefined), resilience: checkCalls, read: (storeId, signal) => helpdesk.check(storeId, signal) });
  const integrationChecks = {
    stripe: connectionCheck({
      provider: 'stripe',
      credentials: stripeCredentials,
      resilience: checkCalls,
      read: async (c) => `Stripe accepted the key (${(await stripeFor(c.secretKey).balance.retrieve()).livemode ? 'live' : 'test'} mode)`,
    }),
    shipping: connectionCheck({
      provider: 'shipping',
      credentials: shippingCredentials,
      resilience: checkCalls,
      read: async (c) => {
        await easyPostFor(c.apiKey).User.retrieveMe();
        return `EasyPost accepted the key${c.returnAddress ? '' : '; add a return address for return labels'}`;
      },
    }),
    zendesk: helpdeskCheck('zendesk', zendeskCredentials, zendesk),
    gorgias: helpdeskCheck('gorgias', gorgiasCredentials, gorgias),
  };
  // A catalog import queues its products' re-indexing in its own transaction (docs/adr/0041); the queue is built below.
  const catalog = catalogWriter(db, (run, storeId) => knowledgeJobs.queue.enqueueIn(run, knowledgeJobKinds.catalogSync, { storeId }, { storeId }));
  const importer: CatalogImporter = demoCatalogImporter(catalog);
  const saver = new DbCheckpointSaver(db);
  // Money and order changes: one at a time per order, across instances in server mode (docs/adr/0011).
  const orderLock = database.lockSession ? new AdvisoryOrderLock(database.lockSession) : new MemoryOrderLock();
  const orderRequests = orderRequestLedger(db);

  const notices: string[] = [];
  const pgvector = await enableVectorSupport(database);
  if (!pgvector)
    notices.push(
      "pgvector is not installed on this PostgreSQL: knowledge-base vector search scans each store's vectors exactly (fine up to ~100k chunks per store; install pgvector for HNSW).",
    );
  const vectors = loadWordVectors();
  // The pretrained sentence encoder: loaded (about a second) only when the knowledge base uses it (docs/adr/0031).
  const encoder = env.CONCIERGE_EMBEDDINGS === 'encoder' ? await (await import('./text/sentence-encoder')).loadSentenceEncoder() : undefined;
  const embeddings: Embeddings =
    env.CONCIERGE_EMBEDDINGS === 'openai'
      ? openAiEmbeddings({
          apiKey: env.OPENAI_API_KEY!,
          baseURL: env.OPENAI_BASE_URL,
          model: env.CONCIERGE_EMBEDDINGS_MODEL,
          dims: env.CONCIERGE_EMBEDDINGS_DIMS,
        })
      : env.CONCIERGE_EMBEDDINGS === 'encoder' && encoder
        ? sentenceEncoderEmbeddings(encoder)
        : localWordVectorEmbeddings(vectors);
  const thesaurus = loadThesaurus();
  const knowledge = knowledgeBase({
    index: knowledgeIndex(database, { pgvector }),
    embeddings,
    vectors,
    thesaurus,
    onModelMismatch: (storeId, stored, configured) =>
      process.emitWarning(`store ${storeId}: knowledge embedded with ${stored}, configured ${configured}; vector search is off until \`concierge kb reembed\``),
  });
  const articles = defaultArticles(knowledge);
  hooks.settingsChanged = articles.refresh;
  const syncCatalog = async (storeId: string) => void (await syncProducts(knowledge, commerce, storeId, (await stores.settings(storeId)).currency));
  const assist = modelAssistFor(env);
  // Shoppers' photos for claims: checked, stripped, kept beside labels and e-mail attachments (docs/adr/0034).
  const evidence = evidenceService({ storage: objectStorage, attachments: conversationAttachmentRepository(database) });
  const agent = createAgent({
    evidence,
    nlu: createOfflineNlu(loadModel(undefined, vectors)),
    knowledge: groundedAnswerer(knowledge, vectors, {
      minRelevance: KNOWLEDGE_MIN_RELEVANCE,
      confidentRelevance: KNOWLEDGE_CONFIDENT_RELEVANCE,
      thesaurus,
      beforeSearch: articles.refresh,
    }),
    commerce,
    payments,
    shipping,
    ...(assist ? { assist } : {}),
    orderLock,
    orderRequests,
    shopperHistory: orderRequests,
    verificationFailures: verificationFailureLog(db),
    settings: (storeId) => stores.settings(storeId),
    now: () => new Date(),
    checkpointer: saver,
    store: conversationStore(db, saver),
    lock: redis ? new RedisConversationLock(redis, `${prefix}lock:`) : new MemoryConversationLock(),
    pubsub,
    discardCheckpoints: (threadId) => void saver.drain(threadId),
  });

  const tokens = tokenIssuer(keyring.derive('concierge-jwt'));
  const operators = operatorService({
    operators: operatorRepository(db),
    cache,
    limiter: rateLimiter,
    issueAccess: (claims) => tokens.issue(claims),
    accessTtlMs: tokens.ttlSeconds * 1000,
    now: () => new Date(),
  });

  // Background work logs through the gateway's logger settings (redaction and scrubbing included).
  const { stream: logStream, ...logOptions } = loggerOptions({ level: env.LOG_LEVEL, file: env.CONCIERGE_LOG_FILE }) as LoggerOptions & { stream?: pino.DestinationStream };
  const backgroundLog = (logStream ? pino(logOptions, logStream) : pino(logOptions)).child({ component: 'background' });
  const jobs = databaseJobs(database, { log: backgroundLog });
  // Knowledge ingestion has its own worker on the same queue (docs/adr/0033): started with the background work, or
  // by the first upload in a process that did not start it (tests, the CLI). The embedded default has one process per
  // database, so what it left running when it died is taken again at start.
  const knowledgeJobs = databaseJobs(database, { log: backgroundLog, releaseOrphansOnStart: database.kind === 'pglite' });
  let closing = false;
  const ingestion = knowledgeIngestion({
    knowledge,
    records: knowledgeUploadRecords(database, (run, kind, payload, options) => knowledgeJobs.queue.enqueueIn(run, kind, payload, options)),
    queue: knowledgeJobs.queue,
    syncCatalog,
    syncProduct: async (storeId, productId, product) => void (await syncOneProduct(knowledge, storeId, productId, product, (await stores.settings(storeId)).currency)),
    // An API instance of a deployment with `concierge worker` processes (CONCIERGE_BACKGROUND=off) leaves ingestion to them.
    ensureWorker: () => void (closing || env.CONCIERGE_BACKGROUND === 'off' ? undefined : knowledgeJobs.worker.start().catch((error: unknown) => backgroundLog.warn({ errorType: error instanceof Error ? error.name : 'unknown' }, 'the ingestion worker could not start'))),
    log: backgroundLog,
  });
  ingestion.registerJobs(knowledgeJobs.worker);
  // A product webhook is answered once its re-indexing is queued (docs/adr/0033).
  const shopifyWebhooks = shopify.webhooks((storeId, productId, product) => ingestion.queueProductSync(storeId, productId, product));
  // One file store: e-mail attachments beside return labels.
  const storage = objectStorage;
  const mailRecords = emailRecords(database);
  const email = emailChannel(
    {
      domain: env.CONCIERGE_EMAIL_DOMAIN,
      records: mailRecords,
      queue: jobs.queue,
      storage,
      stores,
      conversations: agent.conversations,
      evidence,
      limiter: rateLimiter,
      ratePerHour: env.CONCIERGE_EMAIL_RATE_PER_HOUR,
      mailer: env.SMTP_URL ? smtpMailer(env.SMTP_URL) : undefined,
      log: backgroundLog,
    },
    {
      smtp: env.CONCIERGE_SMTP_PORT !== undefined ? { port: env.CONCIERGE_SMTP_PORT, host: env.CONCIERGE_SMTP_HOST, tls: inboundTls } : undefined,
      maxBytes: env.CONCIERGE_EMAIL_MAX_BYTES,
      webhook: { token: env.CONCIERGE_EMAIL_WEBHOOK_TOKEN, mailgunSigningKey: env.MAILGUN_WEBHOOK_SIGNING_KEY, mailgunToleranceSeconds: 12 * 3600 },
    },
  );
  email.registerJobs(jobs.worker);
  // Proactive: stuck parcels told to the shopper before they ask (off per store by default; docs/adr/0038-shipment-watch.md).
  const watch = shipmentWatch({
    settings: (storeId) => stores.settings(storeId),
    commerce,
    shipping,
    notices: shipmentNotices(database),
    conversations: agent.conversations,
    emailThreads: mailRecords,
    renderer: agent.renderer,
    now: () => new Date(),
  });
  watch.registerJobs(jobs.worker);
  const watchSchedule = shipmentWatchSchedule(
    { storeIds: () => storeRows.listIds(), settings: (storeId) => stores.settings(storeId), queue: jobs.queue, now: () => new Date(), log: backgroundLog },
    env.CONCIERGE_SHIPMENT_WATCH_MINUTES * 60_000,
  );
  const helpdesk = helpdeskChannel({ providers: { zendesk, gorgias }, records: helpdeskRecords(database), queue: jobs.queue, conversations: agent.conversations, log: backgroundLog }, [
    zendeskWebhookReader({ signingSecret: storeSecret(zendeskCredentials) }),
    gorgiasWebhookReader({ webhookSecret: storeSecret(gorgiasCredentials) }),
  ]);
  helpdesk.registerJobs(jobs.worker);
  // Connecting a helpdesk makes its webhook there (docs/adr/0041); only with a public URL the helpdesk can reach.
  const hookContext = (storeId: string, provider: string) => `hooks:${storeId}:${provider}`;
  const webhookSetup = helpdeskWebhookSetup({
    publicUrl: env.CONCIERGE_PUBLIC_URL,
    setups: { zendesk: zendeskWebhookPort(zendeskWebhookSetup({ baseUrlTemplate: helpdeskBases.zendesk })), gorgias: gorgiasWebhookSetup({ baseUrlTemplate: helpdeskBases.gorgias }) },
    queue: jobs.queue,
    credentials: (storeId, provider) => stores.channelCredentials<Record<string, unknown>>(storeId, provider),
    keepSecret: async (storeId, provider, credentials) => void (await stores.updateSettings(storeId, { channels: { [provider]: credentials } })),
    seal: (storeId, provider, plaintext) => keyring.seal(plaintext, hookContext(storeId, provider)),
    open: (storeId, provider, sealed) => keyring.open(sealed, hookContext(storeId, provider)),
    log: backgroundLog,
  });
  webhookSetup.registerJobs(jobs.worker);
  hooks.channelsChanged = webhookSetup.onChannelsChanged;
  let background: Promise<{ smtpPort: number | undefined }> | undefined;

  const readiness: GatewayDeps['readiness'] = {
    database: async () => void (await database.query('SELECT 1')),
    cache: async () => {
      await cache.set('readyz', 1, 5_000);
      if ((await cache.get('readyz')) !== 1) throw new Error('cache did not return what was written');
    },
    queue: redis ? async () => void (await redis.ping()) : async () => void (await database.query('SELECT 1 FROM jobs LIMIT 1')),
  };

  const gatewayDeps: GatewayDeps = {
    adminToken,
    stores,
    apiKeys,
    audit: auditLogRepository(db),
    idempotency: idempotencyStore(db, keyring),
    rateLimiter,
    tokens,
    operators,
    metrics: new Registry(),
    readiness,
    rateLimitPerMinute: env.CONCIERGE_RATE_LIMIT_PER_MINUTE,
    rateLimitPerAddressPerMinute: env.CONCIERGE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    authFailuresPerMinute: env.CONCIERGE_AUTH_FAILURES_PER_MINUTE,
    trustProxy: trustProxyOf(env.CONCIERGE_TRUST_PROXY),
    bodyLimitBytes: env.CONCIERGE_BODY_LIMIT_BYTES,
    logLevel: env.LOG_LEVEL,
    logFile: env.CONCIERGE_LOG_FILE,
    surfaces: [
      conversationSurface({ conversations: agent.conversations, actions: agent.actions, pubsub, feedback: shopperFeedbackRepository(database), evidence, emailAttachments: emailAttachmentLinks({ records: mailRecords, storage }) }),
      catalogSurface(importer, () => ingestion.ensureWorker()),
      knowledgeSurface(knowledge, ingestion),
      shopifyIntegrationSurface(shopify.connections, shopify.privacy),
      shopifyWebhookSurface(shopifyWebhooks),
      inboxSurface({ inbox: inboxRepository(database), pubsub, conversations: agent.conversations }),
      analyticsSurface(analyticsRepository(database)),
      knowledgeChunksSurface(knowledgeChunkReader(database)),
      email.surface,
      signedFileSurface({ links, storage: objectStorage }),
      integrationTestSurface(integrationChecks),
      helpdeskWebhookSurface(helpdesk.webhooks),
      providerWebhookSurface('stripe', stripeWebhook({ credentials: stripeCredentials, client: stripeClient('sk_test_signature_checks_only', env.STRIPE_API_BASE), refunds: refundLog, invalidateOrder: shopify.commerce.invalidateOrder })),
      consoleSurface(),
      widgetSurface(),
      widgetAppearanceRoute(stores),
      widgetLogoRoutes({ stores, logos: widgetLogoRepository(database) }),
      // The demo shop page, where the embedded default keeps a demo store (its keys in the data folder).
      ...(!env.DATABASE_URL && env.CONCIERGE_DEMO && !env.CONCIERGE_DATA_DIR.startsWith('memory://') ? [demoSurface(demoWidgetKey(env.CONCIERGE_DATA_DIR))] : []),
    ],
  };

  return {
    mode: env.DATABASE_URL ? 'server' : 'embedded',
    env,
    database,
    cache,
    rateLimiter,
    sessions,
    pubsub,
    keyring,
    adminToken,
    adminTokenOrigin,
    stores,
    apiKeys,
    operators,
    commerce,
    payments,
    shipping,
    objectStorage,
    resilience: providerCalls,
    catalog,
    agent,
    knowledge,
    articles,
    syncCatalog,
    ingestion,
    notices,
    gatewayDeps,
    jobs,
    storage,
    email,
    shipmentWatch: watch,
    helpdesk,
    startBackground() {
      background ??= (async () => {
        await jobs.worker.start();
        await knowledgeJobs.worker.start();
        watchSchedule.start();
        helpdesk.start();
        return { smtpPort: await email.start() };
      })();
      return background;
    },
    async close() {
      closing = true;
      if (background) {
        await background.catch(() => undefined);
        await email.stop();
        await watchSchedule.stop();
        await helpdesk.stop();
        await jobs.worker.stop();
      }
      await knowledgeJobs.worker.stop();
      await pubsub.close();
      redis?.disconnect();
      await database.close();
      if (ephemeralObjects) rmSync(ephemeralObjects, { recursive: true, force: true });
    },
  };
}
