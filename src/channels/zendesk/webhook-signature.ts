import { createHmac, timingSafeEqual } from 'node:crypto';

/** base64(HMAC-SHA256(signing secret, timestamp + raw body)): Zendesk's X-Zendesk-Webhook-Signature. */
export const zendeskSignature = (secret: string, timestamp: string, rawBody: Buffer | string): string =>
  createHmac('sha256', secret).update(timestamp).update(rawBody).digest('base64');

/** Compares in constant time; a signature of the wrong length is refused without comparing. */
export function verifyZendeskSignature(secret: string, timestamp: string, rawBody: Buffer, signature: string): boolean {
  const expected = Buffer.from(zendeskSignature(secret, timestamp, rawBody), 'utf8');
  const given = Buffer.from(signature.trim(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The timestamp header (ISO 8601, or seconds since the epoch) is within `toleranceMs` of now. */
export function freshTimestamp(timestamp: string, nowMs: number, toleranceMs: number): boolean {
  const trimmed = timestamp.trim();
  const ms = /^\d{9,11}$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed);
  return Number.isFinite(ms) && Math.abs(nowMs - ms) <= toleranceMs;
}
