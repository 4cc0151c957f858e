import { z } from 'zod';

/** Every environment variable Concierge reads, with its default and meaning. The only reader of process.env. */
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    })
    .optional();

const modelPrices = z.record(z.string(), z.object({ input: z.number().min(0), output: z.number().min(0) }));

const port = z.coerce.number().int().min(0).max(65535);

export const envSchema = z.object({
  PORT: port.default(3000).describe('HTTP port'),
  HOST: z.string().min(1).default('127.0.0.1').describe('HTTP bind address'),
  CONCIERGE_DATA_DIR: z.string().min(1).default('./.concierge').describe('embedded data folder (PGlite database, generated keys)'),
  CONCIERGE_ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional().describe('instance admin token (generated and printed when unset)'),
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']).describe('PostgreSQL URL: server mode database (PGlite when unset)'),
  REDIS_URL: optionalUrl(['redis', 'rediss']).describe('Redis URL: shared cache, rate limits, sessions, pub/sub, queue (in-process when unset)'),
  CONCIERGE_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9+/=]{43,44})*$/, 'must be one or more comma-separated base64 32-byte keys, the first one current')
    .optional()
    .describe('AES-256-GCM key(s) for credentials at rest, base64, comma-separated, current first (generated into the data folder when unset)'),
  CONCIERGE_MODEL: z.enum(['local', 'openai', 'anthropic']).default('local').describe('model behind the agent: local (offline NLU and templates only), openai (any OpenAI-compatible endpoint), anthropic; the offline path stays the floor'),
  OPENAI_API_KEY: z.string().optional().describe('OpenAI-compatible API key (any non-empty value for endpoints without keys, e.g. Ollama)'),
  OPENAI_BASE_URL: optionalUrl(['http', 'https']).describe('OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1 for Ollama'),
  ANTHROPIC_API_KEY: z.string().optional().describe('Anthropic API key'),
  ANTHROPIC_BASE_URL: optionalUrl(['http', 'https']).describe('Anthropic base URL (default the SDK\'s)'),
  CONCIERGE_MODEL_UNDERSTANDING: z.string().min(1).optional().describe('model for understanding unsure messages (default gpt-4o-mini / claude-haiku-4-5)'),
  CONCIERGE_MODEL_PHRASING: z.string().min(1).optional().describe('model for phrasing replies from the template draft (default: the understanding model)'),
  CONCIERGE_MODEL_ANSWER: z.string().min(1).optional().describe('model for product/general answers from retrieved passages (default: the phrasing model)'),
  CONCIERGE_MODEL_USES: z
    .string()
    .regex(/^(understanding|phrasing|answer)(,(understanding|phrasing|answer))*$/, 'must be a comma-separated list of understanding, phrasing, answer')
    .default('understanding,phrasing,answer')
    .describe('what the remote model is asked for: understanding, phrasing, answer'),
  CONCIERGE_MODEL_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.6).describe('offline confidence under which the remote model is asked to understand a message'),
  CONCIERGE_MODEL_TIMEOUT_MS: z.coerce.number().int().positive().default(8_000).describe('one attempt of a remote model call'),
  CONCIERGE_MODEL_DEADLINE_MS: z.coerce.number().int().positive().default(12_000).describe('a whole remote call, retries included: past it the offline path answers'),
  CONCIERGE_MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2).describe('retries of a remote call on 408/409/429/5xx (Retry-After honoured within the deadline)'),
  CONCIERGE_MODEL_BREAKER_FAILURES: z.coerce.number().int().positive().default(5).describe('failed calls in a row that open the provider\'s circuit'),
  CONCIERGE_MODEL_BREAKER_COOLDOWN_MS: z.coerce.number().int().positive().default(30_000).describe('how long an open circuit sends every turn to the offline path'),
  CONCIERGE_MODEL_PRICES: z
    .string()
    .default('{}')
    .transform((value, ctx) => {
      try {
        return modelPrices.parse(JSON.parse(value));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON like {"gpt-4o-mini":{"input":0.15,"output":0.6}} (USD per million tokens)' });
        return z.NEVER;
      }
    })
    .describe('USD per million tokens by model, JSON: {"gpt-4o-mini":{"input":0.15,"output":0.6}}; the cost per conversation comes from it'),
  CONCIERGE_SMTP_PORT: port.optional().describe('inbound SMTP listener port (off when unset)'),
  CONCIERGE_SMTP_HOST: z.string().min(1).default('127.0.0.1').describe('inbound SMTP listener bind address'),
  CONCIERGE_SMTP_TLS_CERT_FILE: z.string().min(1).optional().describe('PEM certificate (chain) for STARTTLS on the inbound SMTP listener; with CONCIERGE_SMTP_TLS_KEY_FILE'),
  CONCIERGE_SMTP_TLS_KEY_FILE: z.string().min(1).optional().describe('PEM private key for STARTTLS on the inbound SMTP listener; with CONCIERGE_SMTP_TLS_CERT_FILE'),
  SMTP_URL: optionalUrl(['smtp', 'smtps']).describe('outbound SMTP, e.g. smtp://127.0.0.1:2525 (without it e-mail replies wait in the job queue)'),
  CONCIERGE_EMAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, 'must be a domain name such as inbound.example.com')
    .default('inbound.concierge.localhost')
    .transform((value) => value.toLowerCase())
    .describe("domain of the stores' inbound e-mail addresses (its MX points at the SMTP listener or at the provider posting to /webhooks/email/inbound)"),
  CONCIERGE_EMAIL_WEBHOOK_TOKEN: z.string().min(24, 'must be at least 24 characters').optional().describe('shared secret of /webhooks/email/inbound for Postmark and SendGrid (basic-auth password or ?token=)'),
  MAILGUN_WEBHOOK_SIGNING_KEY: z.string().min(1).optional().describe('Mailgun HTTP webhook signing key, for /webhooks/email/inbound?provider=mailgun'),
  CONCIERGE_BACKGROUND: z.enum(['in-process', 'off']).default('in-process').describe('where the background work runs (job worker, e-mail sweep, inbound SMTP, schedules): in this process, or off when `concierge worker` processes run it (server mode)'),
  CONCIERGE_SHIPMENT_WATCH_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60).describe('how often the shipment watch scans the shipped orders of stores that turned it on (settings.proactive.shipmentExceptions); 0 stops it'),
  CONCIERGE_EMAIL_RATE_PER_HOUR: z.coerce.number().int().positive().default(20).describe('e-mails one sender may have answered per store and hour (more are kept, not answered)'),
  CONCIERGE_EMAIL_MAX_BYTES: z.coerce.number().int().positive().default(15_000_000).describe('largest inbound e-mail accepted, attachments included'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('log level'),
  CONCIERGE_LOG_FILE: z.string().min(1).optional().describe('append the JSON log lines to this file instead of stdout'),
  CONCIERGE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600).describe('requests per minute per store, caller class (widget key, secret key, operator…) and endpoint'),
  CONCIERGE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(120).describe('requests per minute per client address and endpoint with a public (widget) key'),
  CONCIERGE_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(20).describe('failed authentications per minute per client address before it is refused (429) for the rest of the minute'),
  CONCIERGE_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, 'must be true, false, or comma-separated proxy addresses/CIDRs')
    .default('false')
    .describe('behind a reverse proxy: trust X-Forwarded-For from it (true, or its addresses) so limits per client address see the client'),
  CONCIERGE_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576).describe('largest accepted request body'),
  CONCIERGE_EMBEDDINGS: z
    .enum(['local', 'encoder', 'openai'])
    .default('local')
    .describe('embeddings for the knowledge base: local (word vectors, offline), encoder (the pretrained sentence encoder, offline, 512 dimensions) or openai (any OpenAI-compatible endpoint)'),
  CONCIERGE_EMBEDDINGS_MODEL: z.string().min(1).default('text-embedding-3-small').describe('embedding model when CONCIERGE_EMBEDDINGS=openai'),
  CONCIERGE_EMBEDDINGS_DIMS: z.coerce.number().int().min(1).max(2000).default(1536).describe('embedding dimension when CONCIERGE_EMBEDDINGS=openai (HNSW indexes up to 2000)'),
  SHOPIFY_API_KEY: z.string().min(1).optional().describe('Shopify OAuth app: client id (with SHOPIFY_API_SECRET and CONCIERGE_PUBLIC_URL enables the install flow)'),
  SHOPIFY_API_SECRET: z.string().min(1).optional().describe('Shopify OAuth app: client secret (verifies the callback and the app\'s webhooks)'),
  CONCIERGE_PUBLIC_URL: z.url().optional().describe('the public https URL of this instance (Shopify\'s OAuth redirect goes to <url>/integrations/shopify/callback)'),
  STRIPE_API_BASE: optionalUrl(['http', 'https']).describe("Stripe API origin (default Stripe's own); set to a local Stripe-protocol server in tests"),
  EASYPOST_API_BASE: optionalUrl(['http', 'https']).describe("EasyPost API base with /v2 (default EasyPost's own); set to a local EasyPost-protocol server in tests"),
  ZENDESK_API_BASE: optionalUrl(['http', 'https']).describe('Zendesk API origin for every store (default https://<subdomain>.zendesk.com); set to a local Zendesk-protocol server in tests'),
  GORGIAS_API_BASE: optionalUrl(['http', 'https']).describe('Gorgias API origin for every store (default https://<domain>.gorgias.com); set to a local Gorgias-protocol server in tests'),
  CONCIERGE_ORDER_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000).describe('how long an order from a remote commerce provider is served from the cache (webhooks invalidate sooner); 0 turns the cache off'),
  CONCIERGE_OBJECT_STORAGE: z.enum(['local', 's3']).default('local').describe('where files (return-label PDFs) are kept: local (a folder in the data folder) or s3 (S3-compatible storage)'),
  S3_ENDPOINT: optionalUrl(['http', 'https']).describe('S3-compatible endpoint (path-style) when CONCIERGE_OBJECT_STORAGE=s3'),
  S3_BUCKET: z.string().min(1).optional().describe('bucket when CONCIERGE_OBJECT_STORAGE=s3'),
  S3_REGION: z.string().min(1).default('us-east-1').describe('region when CONCIERGE_OBJECT_STORAGE=s3'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional().describe('access key when CONCIERGE_OBJECT_STORAGE=s3'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional().describe('secret key when CONCIERGE_OBJECT_STORAGE=s3'),
  CONCIERGE_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true').describe('create the demo store at first start of the embedded default'),
});

export type Env = z.infer<typeof envSchema>;

/** Rules across variables: checked after each variable is valid on its own. */
function crossChecks(env: Env): string[] {
  const problems: string[] = [];
  if (env.CONCIERGE_EMBEDDINGS === 'openai' && !env.OPENAI_API_KEY) problems.push('  OPENAI_API_KEY: required when CONCIERGE_EMBEDDINGS=openai');
  if (env.CONCIERGE_MODEL === 'openai' && !env.OPENAI_API_KEY) problems.push('  OPENAI_API_KEY: required when CONCIERGE_MODEL=openai');
  if (env.CONCIERGE_MODEL === 'anthropic' && !env.ANTHROPIC_API_KEY) problems.push('  ANTHROPIC_API_KEY: required when CONCIERGE_MODEL=anthropic');
  if (Boolean(env.CONCIERGE_SMTP_TLS_CERT_FILE) !== Boolean(env.CONCIERGE_SMTP_TLS_KEY_FILE))
    problems.push('  CONCIERGE_SMTP_TLS_CERT_FILE, CONCIERGE_SMTP_TLS_KEY_FILE: set both (STARTTLS needs the certificate and its key) or neither');
  if (env.CONCIERGE_OBJECT_STORAGE === 's3')
    for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) if (!env[name]) problems.push(`  ${name}: required when CONCIERGE_OBJECT_STORAGE=s3`);
  return problems;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment; a wrong value names the variable and what is expected. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const picked = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((key) => [key, source[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(picked);
  if (result.success) {
    const problems = crossChecks(result.data);
    if (problems.length === 0) return result.data;
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const got = picked[name] === undefined ? '' : ` (got "${redact(name, String(picked[name]))}")`;
    return `  ${name}: ${issue.message}${got}`;
  });
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

function redact(name: string, value: string): string {
  return /KEY|TOKEN|SECRET|PASSWORD/.test(name) ? '***' : value;
}

export function envHelp(): string {
  const entries = Object.entries(envSchema.shape) as [string, z.ZodType][];
  const width = Math.max(...entries.map(([name]) => name.length));
  return entries.map(([name, schema]) => `  ${name.padEnd(width)}  ${schema.description ?? ''}`).join('\n');
}
