import { mintKey, parseKey, secretMatches } from './api-key-secret';
import { AppError } from './errors';
import type { Cache } from './ports/cache';
import type { ApiKeyRepository } from './ports/store-repository';
import { widgetKeyScopes, type Scope } from './scopes';
import type { ApiKey, KeyKind } from './stores';

export interface ApiKeyServiceDeps {
  keys: ApiKeyRepository;
  cache: Cache;
}

const AUTH_TTL_MS = 30_000;
const authKey = (keyId: string) => `apikey:${keyId}`;

/** Issuing, listing, revoking and checking store keys. */
export function apiKeyService({ keys, cache }: ApiKeyServiceDeps) {
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
      return key;
    },

    /** The key behind a presented secret, or undefined when it is unknown, wrong or revoked. */
    async authenticate(presented: string): Promise<ApiKey | undefined> {
      const parsed = parseKey(presented);
      if (!parsed) return undefined;
      let record = await cache.get<ApiKey & { secretHash: string }>(authKey(parsed.id));
      if (!record) {
        record = await keys.findForAuth(parsed.id);
        if (!record) return undefined;
        await cache.set(authKey(parsed.id), record, AUTH_TTL_MS);
      }
      if (record.revokedAt || record.kind !== parsed.kind || !secretMatches(presented, record.secretHash)) return undefined;
      const { secretHash: _hash, ...key } = record;
      return key;
    },
  };
}

export type ApiKeyService = ReturnType<typeof apiKeyService>;
