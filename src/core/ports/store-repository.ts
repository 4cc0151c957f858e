import type { SealedValue } from '../sealed-value';
import type { StoreSettings } from '../settings';
import type { ApiKey, AuditEntry, NewApiKey, Store } from '../stores';

export interface StoredStore extends Store {
  settings: unknown;
  credentials: Record<string, SealedValue & { updatedAt: string }>;
  /** The local part of the store's inbound e-mail address (generated, never changed). */
  inboundEmailKey?: string;
}

/** Tenants and their settings. Every call but create names the store. */
export interface StoreRepository {
  create(input: { name: string; platform: string; settings: StoreSettings }, keys: NewApiKey[]): Promise<Store>;
  get(storeId: string): Promise<StoredStore | undefined>;
  /**
   * Changes a store's settings and credentials from what they are now: `change` sees the row as it
   * stands under a lock held until the write commits, so concurrent changes to different fields all
   * land (no lost update). Undefined when the store does not exist.
   */
  changeSettings(
    storeId: string,
    change: (current: StoredStore) => { settings: StoreSettings; credentials: StoredStore['credentials'] },
  ): Promise<StoredStore | undefined>;
  listIds(): Promise<string[]>;
  /** The store whose inbound e-mail address has this local part (before any +token). */
  byInboundEmailKey?(key: string): Promise<string | undefined>;
  /** Every origin some store allows: CORS preflights arrive before any key says which store. */
  allAllowedOrigins(): Promise<string[]>;
}

export interface ApiKeyRepository {
  insert(key: NewApiKey): Promise<ApiKey>;
  /** For authentication only: the key id is part of the presented secret, so this names its store. */
  findForAuth(keyId: string): Promise<(ApiKey & { secretHash: string }) | undefined>;
  list(storeId: string): Promise<ApiKey[]>;
  revoke(storeId: string, keyId: string): Promise<ApiKey | undefined>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  list(storeId: string, limit: number): Promise<(AuditEntry & { createdAt: Date })[]>;
}
