/**
 * Rows that come back inside JSON (row_to_json, json_agg): timestamps arrive as ISO strings and,
 * from row_to_json, keys in snake_case. These turn them into what a driver row would have been.
 */
export const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));
export const toMaybeDate = (value: string | Date | null): Date | null => (value === null ? null : toDate(value));

/** A row_to_json object as the query builder's row type: camelCase keys, the named timestamps as dates. */
export function camelRow<T>(json: Record<string, unknown>, dateKeys: readonly (keyof T & string)[]): T {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) row[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  for (const key of dateKeys) row[key] = toMaybeDate(row[key] as string | null);
  return row as T;
}
