// Keys whose values are secrets or a shopper's words or contact details, at any depth of a logged object.
const SENSITIVE = new Set(
  [
    'password',
    'passwordHash',
    'token',
    'accessToken',
    'refreshToken',
    'inviteToken',
    'conversationToken',
    'apiKey',
    'widgetKey',
    'secret',
    'secretKey',
    'apiToken',
    'authorization',
    'cookie',
    'setCookie',
    'set-cookie',
    'x-conversation-token',
    'idempotency-key',
    'email',
    'phone',
    'content',
    'text',
    'body',
    'payload',
    'params',
    'query',
    'detail',
    'address',
    'address1',
    'address2',
    'shippingAddress',
    'shipping_address',
    'zip',
    'postalCode',
    'trackingNumber',
    'tracking_number',
    'name',
    'firstName',
    'lastName',
    'customer',
    'response',
  ].map((key) => key.toLowerCase()),
);
const MAX_DEPTH = 6;

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  // Only plain data is walked: errors have their serializer, requests and replies theirs.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[truncated]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    out[key] = SENSITIVE.has(key.toLowerCase()) && inner !== null && inner !== undefined ? '[redacted]' : redact(inner, depth + 1, seen);
  return out;
}

/** pino's `formatters.log`: the logged object with every sensitive key's value replaced, at any depth. */
export function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return redact(object, 0, new WeakSet()) as Record<string, unknown>;
}
