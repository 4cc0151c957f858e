import { mintKey, parseKey, secretMatches } from './api-key-secret';
import { AppError } from './errors';
import type { Cache } from './ports/cache';
import type { RevocationEpoch } from './ports/rate-limiter';
import type { ApiKeyRepository } from './ports/store-repository';
import { widgetKeyScopes, type Scope } from './scopes';
import type { ApiKey, KeyKind } from './stores';

export interface ApiKeyServiceDeps {
  keys: ApiKeyRepository;
  /** Shared by every instance (Redis in server mode). */
  cache: Cache;
  /** In-process tier in front of it, trusted only up to the revocation epoch it was filled at. */
  local?: { cache: Cache; epoch: RevocationEpoch };
}

export interface Authenticated {
  key: ApiKey;
  /** Set when the record came from the local tier: the epoch it was validated at. */
  epoch?: number;
}

const AUTH_TTL_MS = 30_000;
const authKey = (keyId: string) => `apikey:${keyId}`;

/** Issuing, listing, revoking and checking store keys. */
export function apiKeyService({ keys, cache, local }: ApiKeyServiceDeps) {
  type Record = ApiKey & { secretHash: string };
  async function shared(keyId: string): Promise<Record | undefined> {
    let record = await cache.get<Record>(authKey(keyId));
    if (!record) {
      record = await keys.findForAuth(keyId);
      if (!record) return undefined;
      await cache.set(authKey(keyId), record, AUTH_TTL_MS);
    }
    return record;
  }
  function check(record: Record | undefined, presented: string, kind: KeyKind): ApiKey | undefined {
    if (!record || record.revokedAt || record.kind !== kind || !secretMatches(presented, record.secretHash)) return undefined;
    const { secretHash: _hash, ...key } = record;
    return key;
  }
  return {
    async issue(storeId: string, input: { name: string; kind: KeyKind; scopes?: Scope[] }): Promise<{ key: ApiKey; secret: string }> {
      const minted = mintKey(input.kind);
      const scopes = input.kind === 'publishable' ? widgetKeyScopes : (input.scopes ?? ['admin']);
      const key = await keys.insert({ id: minted.id, storeId, kind: input.kind, name: input.name, prefix: minted.prefix, secretHash: minted.secretHash, scopes });
      return { key, secret: minted.secret };
    },

    list: (storeId: string) => keys.list(storeId),

    async revoke(storeId: string, keyId: string): Promise<ApiKey> {
      const key = await keys.revoke(storeId, keyId);
      if (!key) throw new AppError('not_found', `api key ${keyId} not found`);
      await cache.delete(authKey(keyId));
      if (local) {
        await local.cache.delete(authKey(keyId));
        await local.epoch.bump();
      }
      return key;
    },

    /** The key behind a presented secret, or undefined when it is unknown, wrong or revoked. */
    async authenticate(presented: string): Promise<Authenticated | undefined> {
      const parsed = parseKey(presented);
      if (!parsed) return undefined;
      if (local) {
        const hit = await local.cache.get<{ record: Record; epoch: number }>(authKey(parsed.id));
        if (hit) {
          const key = check(hit.record, presented, parsed.kind);
          return key ? { key, epoch: hit.epoch } : undefined;
        }
        const epoch = await local.epoch.current();
        const record = await shared(parsed.id);
        if (record) await local.cache.set(authKey(parsed.id), { record, epoch }, AUTH_TTL_MS);
        const key = check(record, presented, parsed.kind);
        return key ? { key } : undefined;
      }
      const key = check(await shared(parsed.id), presented, parsed.kind);
      return key ? { key } : undefined;
    },

    /** Re-checks a key authenticated from the local tier after a revocation elsewhere (a newer epoch). */
    async recheck(presented: string): Promise<ApiKey | undefined> {
      const parsed = parseKey(presented);
      if (!parsed) return undefined;
      await local?.cache.delete(authKey(parsed.id));
      return check(await keys.findForAuth(parsed.id), presented, parsed.kind);
    },
  };
}

export type ApiKeyService = ReturnType<typeof apiKeyService>;
