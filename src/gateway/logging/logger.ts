import type { FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { redactLogObject } from './redact-object';
import { scrubText } from './scrub-text';
import { serializeError } from './serialize-error';

// Secrets and personal data never reach the logs, wherever they sit in a logged object.
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]', 'req.headers["x-conversation-token"]'];

export interface LoggerSettings {
  level: string;
  /** Append JSON lines to this file instead of stdout (CONCIERGE_LOG_FILE). */
  file?: string | undefined;
}

/**
 * pino options for the gateway: JSON lines, request ids, no query strings, and three layers that
 * keep personal data and secrets out (docs/adr/0022): sensitive keys redacted at any depth, errors
 * serialized without the values they carry, and every written line scrubbed as free text.
 */
export function loggerOptions({ level, file }: LoggerSettings): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    formatters: { log: redactLogObject },
    hooks: { streamWrite: scrubText },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({ method: request.method, path: request.url.split('?')[0], id: request.id }),
      err: serializeError,
      error: serializeError,
    },
    ...(file && level !== 'silent' ? { stream: pino.destination({ dest: file, append: true, sync: true, mkdir: true }) } : {}),
  };
}
