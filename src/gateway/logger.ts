import type { FastifyServerOptions } from 'fastify';

// Secrets and personal data never reach the logs, wherever they sit in a logged object.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  '*.password',
  '*.apiKey',
  '*.accessToken',
  '*.secretKey',
  '*.apiToken',
  '*.token',
  '*.secret',
  '*.email',
  '*.phone',
  '*.content',
];

/** pino options for the gateway: JSON lines, request ids, redaction, no query strings (they may hold personal data). */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      req: (request: { method: string; url: string; id: string; ip?: string }) => ({ method: request.method, path: request.url.split('?')[0], id: request.id }),
    },
  };
}
