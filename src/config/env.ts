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
  CONCIERGE_MODEL: z.enum(['local', 'openai', 'anthropic']).default('local').describe('model behind the agent: local (offline), openai, anthropic'),
  OPENAI_API_KEY: z.string().optional().describe('OpenAI-compatible API key'),
  OPENAI_BASE_URL: optionalUrl(['http', 'https']).describe('OpenAI-compatible base URL'),
  ANTHROPIC_API_KEY: z.string().optional().describe('Anthropic API key'),
  CONCIERGE_SMTP_PORT: port.optional().describe('inbound SMTP listener port (off when unset)'),
  SMTP_URL: optionalUrl(['smtp', 'smtps']).describe('outbound SMTP, e.g. smtp://127.0.0.1:2525'),
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
  CONCIERGE_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true').describe('create the demo store at first start of the embedded default'),
});

export type Env = z.infer<typeof envSchema>;

/** Rules across variables: checked after each variable is valid on its own. */
function crossChecks(env: Env): string[] {
  const problems: string[] = [];
  if (env.CONCIERGE_EMBEDDINGS === 'openai' && !env.OPENAI_API_KEY) problems.push('  OPENAI_API_KEY: required when CONCIERGE_EMBEDDINGS=openai');
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
