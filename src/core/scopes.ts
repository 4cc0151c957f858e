/** What a key may do. `admin` implies every other scope of its store. */
export const scopes = ['conversations:write', 'conversations:read', 'knowledge:write', 'actions:approve', 'settings:write', 'admin'] as const;
export type Scope = (typeof scopes)[number];

export const secretKeyDefaultScopes: Scope[] = ['admin'];
export const widgetKeyScopes: Scope[] = ['conversations:write'];

export function grants(held: readonly Scope[], needed: Scope): boolean {
  return held.includes('admin') || held.includes(needed);
}
