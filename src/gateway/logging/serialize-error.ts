import { scrubText } from './scrub-text';

// What an error may say about itself in a log: its kind and where it happened, never the values involved.
const SAFE_FIELDS = ['code', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine', 'severity', 'statusCode', 'errno', 'syscall'] as const;
const MAX_CAUSES = 3;
const MAX_SQL = 300;

/**
 * The message without the values it quotes: a query's `params:` part (drizzle appends them), and in
 * PostgreSQL data errors (SQLSTATE class 22, e.g. `invalid input syntax for type uuid: "…"`) every
 * quoted value. What remains is scrubbed as free text.
 */
function safeMessage(error: Error & Record<string, unknown>): string {
  let message = typeof error.message === 'string' ? error.message : String(error.message);
  const params = message.search(/\nparams:/);
  if (params >= 0) message = message.slice(0, params);
  if (message.startsWith('Failed query: ') && message.length > MAX_SQL) message = `${message.slice(0, MAX_SQL)}…`;
  if (typeof error.code === 'string' && error.code.startsWith('22')) message = message.replace(/"[^"]*"/g, '"[value]"');
  return scrubText(message);
}

/** Stack frames only: the first line of a stack repeats the message, values included. */
function frames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const lines = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return lines.length > 0 ? scrubText(lines.join('\n')) : undefined;
}

/**
 * pino's `err` serializer: keeps an error's type, code, constraint and frames, drops everything that
 * may carry data (a query's params, PostgreSQL's `detail` and `where`, a driver's `query`/`params`).
 */
export interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: scrubText(String(error)), stack: '' };
  const e = error as Error & Record<string, unknown>;
  const type = e.constructor?.name && e.constructor.name !== 'Object' ? e.constructor.name : typeof e.name === 'string' ? e.name : 'Error';
  const out: SerializedError = { type, message: safeMessage(e), stack: frames(e.stack) ?? '' };
  for (const field of SAFE_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = typeof value === 'string' ? scrubText(value) : value;
  }
  if (e.cause !== undefined && depth < MAX_CAUSES) out.cause = serializeError(e.cause, depth + 1);
  return out;
}
