import { ConciergeApiError, createConciergeClient, ok } from '../../../../clients/typescript/index';

export interface SessionInfo {
  operator: { id: string; storeId: string; email: string; name: string; role: 'owner' | 'admin' | 'agent'; active: boolean };
  store: { id: string; name: string };
  scopes: string[];
}

let accessToken: string | undefined;
let expiresAt = 0;
let refreshing: Promise<boolean> | undefined;
let current: SessionInfo | undefined;
const listeners = new Set<(session: SessionInfo | undefined) => void>();

const raw = createConciergeClient({ baseUrl: '' });

function adopt(answer: { accessToken: string; expiresAt: string; operator: SessionInfo['operator']; store: SessionInfo['store']; scopes: string[] }) {
  accessToken = answer.accessToken;
  expiresAt = new Date(answer.expiresAt).getTime();
  current = { operator: answer.operator, store: answer.store, scopes: answer.scopes };
  for (const listener of listeners) listener(current);
}

function drop() {
  accessToken = undefined;
  current = undefined;
  for (const listener of listeners) listener(undefined);
}

/** Renews the access token with the HttpOnly refresh cookie (rotated by the server); false when the session is over. */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const { data, response } = await raw.POST('/v1/operators/refresh', { body: { refreshIn: 'cookie' } });
      if (!response.ok || !data) return false;
      adopt(data as never);
      return true;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

/** A token good for at least the next half minute, refreshed ahead of expiry. */
export async function token(): Promise<string | undefined> {
  if (accessToken && Date.now() < expiresAt - 30_000) return accessToken;
  if (!(await refresh())) drop();
  return accessToken;
}

/** Calls retried once after a refresh when the server says the token is no longer good. */
async function authedFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const response = await fetch(input);
  if (response.status !== 401 || !(await refresh())) return response;
  retry.headers.set('authorization', `Bearer ${accessToken}`);
  return fetch(retry);
}

/** The typed client of the public API, authenticated as the logged-in operator. */
export const api = createConciergeClient({ baseUrl: '', token, fetch: authedFetch as typeof fetch });
export { ok, ConciergeApiError };

export async function logIn(email: string, password: string): Promise<void> {
  adopt((await ok(raw.POST('/v1/operators/login', { body: { email, password, refreshIn: 'cookie' } }))) as never);
}

export async function acceptInvite(inviteToken: string, password: string): Promise<void> {
  adopt((await ok(raw.POST('/v1/operators/invitations/accept', { body: { token: inviteToken, password, refreshIn: 'cookie' } }))) as never);
}

export async function logOut(): Promise<void> {
  await api.POST('/v1/operators/logout').catch(() => undefined);
  drop();
}

export const session = () => current;
export const onSession = (listener: (session: SessionInfo | undefined) => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
export const canChangeSettings = () => current?.scopes.includes('admin') || current?.scopes.includes('settings:write') || false;
