import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

// scripts/run-tests.mjs names a folder; every test system of this process logs into one file there,
// and what the tests send (message texts, secrets) is recorded beside it for the final scan.
const dir = process.env.CONCIERGE_TEST_LOG_DIR;
const MIN_TEXT = 12;
const KEPT = 120;
const recorded = new Set<string>();

/** The log settings of a test system: the capture's file at debug level, or silence. */
export const captureEnv = (): Record<string, string> =>
  dir ? { LOG_LEVEL: 'debug', CONCIERGE_LOG_FILE: join(dir, `${process.pid}.log.jsonl`) } : { LOG_LEVEL: 'silent' };

/** Remembers a value no log line may contain. */
export function recordSent(kind: 'message text' | 'secret', value: string): void {
  if (!dir || value.length < MIN_TEXT || !/[A-Za-z]/.test(value)) return;
  const kept = value.slice(0, KEPT);
  if (recorded.has(kept)) return;
  recorded.add(kept);
  appendFileSync(join(dir, `${process.pid}.sent.jsonl`), `${JSON.stringify({ kind, value: kept })}\n`);
}

function recordTexts(value: unknown, depth = 0): void {
  if (depth > 4 || typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'content' && typeof inner === 'string') recordSent('message text', inner);
    else recordTexts(inner, depth + 1);
  }
}

/** Records every message text a test sends through `app.inject`. */
export function recordInjectedTexts(app: FastifyInstance): void {
  if (!dir) return;
  const inject = app.inject.bind(app) as (...args: unknown[]) => unknown;
  (app as { inject: unknown }).inject = (...args: unknown[]) => {
    const options = args[0] as { payload?: unknown } | undefined;
    if (options && typeof options === 'object') {
      const payload = typeof options.payload === 'string' ? safeParse(options.payload) : options.payload;
      recordTexts(payload);
    }
    return inject(...args);
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
