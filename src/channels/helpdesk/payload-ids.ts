/** A helpdesk id from a webhook payload (number or digits string); anything else is not an id (it will go into a URL path). */
export function numericId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value.trim())) return value.trim();
  return undefined;
}

/** An event id: digits, or a token (UUIDs and the like) of safe characters. */
export function eventId(value: unknown): string | undefined {
  const id = numericId(value);
  if (id) return id;
  return typeof value === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(value) ? value : undefined;
}

export const field = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

export function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
