import { AppError } from './errors';
import type { Cache } from './ports/cache';
import type { StoreRepository, StoredStore } from './ports/store-repository';
import type { Sealer } from './sealed-value';
import { applySettingsPatch, defaultSettings, normaliseSettings, type ChannelName, type SettingsPatch, type StoreSettings } from './settings';
import { mintKey } from './api-key-secret';
import { secretKeyDefaultScopes, widgetKeyScopes } from './scopes';
import type { ChannelStatus, Store, StoreWithSettings } from './stores';

export interface StoreServiceDeps {
  stores: StoreRepository;
  cache: Cache;
  sealer: Sealer;
  /** Told after settings change (e.g. to re-render the articles that quote them); its failure does not undo the change. */
  onSettingsChanged?: (storeId: string, settings: StoreSettings) => Promise<void>;
  /** The domain of the stores' inbound e-mail addresses (CONCIERGE_EMAIL_DOMAIN). */
  inboundEmailDomain?: string;
  /**
   * Told after a patch set or removed channel credentials, with the values before and after (opened): what a connection
   * makes at the provider (a helpdesk's webhook, docs/adr/0041) is queued from here. Its failure does not undo the change.
   */
  onChannelsChanged?: (storeId: string, changes: ChannelChange[]) => Promise<void>;
}

/** One channel's credentials around a settings change: `before` undefined when it was not connected, `after` null when removed. */
export interface ChannelChange {
  channel: ChannelName;
  before: unknown;
  after: unknown;
}

export interface CreatedStore {
  store: Store;
  apiKey: string;
  widgetKey: string;
}

const SETTINGS_TTL_MS = 60_000;
const settingsKey = (storeId: string) => `settings:${storeId}`;
// Binds a sealed credential to its store and channel: copied elsewhere, it does not open.
const credentialContext = (storeId: string, channel: string) => `${storeId}:${channel}`;

/** Tenants: creation with their first keys, settings read (cached) and changed, credentials sealed. */
export function storeService({ stores, cache, sealer, onSettingsChanged, inboundEmailDomain, onChannelsChanged }: StoreServiceDeps) {
  async function load(storeId: string): Promise<StoredStore> {
    const stored = await stores.get(storeId);
    if (!stored) throw new AppError('not_found', `store ${storeId} not found`);
    return stored;
  }

  function present(stored: StoredStore): StoreWithSettings {
    const channels: Record<string, ChannelStatus> = {};
    for (const [name, sealed] of Object.entries(stored.credentials)) {
      channels[name] = { configured: true, keyId: sealed.kid, updatedAt: sealed.updatedAt };
    }
    const { credentials: _c, settings, inboundEmailKey, ...store } = stored;
    return {
      ...store,
      settings: normaliseSettings(settings),
      channels,
      ...(inboundEmailKey && inboundEmailDomain ? { inboundEmailAddress: `${inboundEmailKey}@${inboundEmailDomain}` } : {}),
    };
  }

  return {
    async create(input: { name: string; platform?: string; settings?: SettingsPatch }): Promise<CreatedStore> {
      const settings = input.settings ? applySettingsPatch(defaultSettings, { ...input.settings, channels: undefined }) : defaultSettings;
      const apiKey = mintKey('secret');
      const widgetKey = mintKey('publishable');
      const keyRow = (key: typeof apiKey, name: string, scopes: typeof secretKeyDefaultScopes) => ({
        id: key.id,
        storeId: '',
        kind: key.kind,
        name,
        prefix: key.prefix,
        secretHash: key.secretHash,
        scopes,
      });
      const store = await stores.create({ name: input.name, platform: input.platform ?? 'demo', settings }, [
        keyRow(apiKey, 'default', secretKeyDefaultScopes),
        keyRow(widgetKey, 'widget', widgetKeyScopes),
      ]);
      if (input.settings?.channels) await this.updateSettings(store.id, { channels: input.settings.channels });
      return { store, apiKey: apiKey.secret, widgetKey: widgetKey.secret };
    },

    async get(storeId: string): Promise<StoreWithSettings> {
      const cached = await cache.get<StoreWithSettings>(settingsKey(storeId));
      if (cached) return { ...cached, createdAt: new Date(cached.createdAt) };
      const presented = present(await load(storeId));
      await cache.set(settingsKey(storeId), presented, SETTINGS_TTL_MS);
      return presented;
    },

    async settings(storeId: string): Promise<StoreSettings> {
      return (await this.get(storeId)).settings;
    },

    /** Applies a patch field by field to the settings as they are at the write (concurrent patches to different fields all land). */
    async updateSettings(storeId: string, patch: SettingsPatch): Promise<StoreWithSettings> {
      const sealed: StoredStore['credentials'] = {};
      for (const [channel, value] of Object.entries(patch.channels ?? {}) as [ChannelName, unknown][]) {
        if (value !== undefined && value !== null) sealed[channel] = { ...sealer.seal(JSON.stringify(value), credentialContext(storeId, channel)), updatedAt: new Date().toISOString() };
      }
      let previous: StoredStore['credentials'] = {};
      const changed = await stores.changeSettings(storeId, (current) => {
        previous = current.credentials;
        const credentials = { ...current.credentials, ...sealed };
        for (const [channel, value] of Object.entries(patch.channels ?? {}) as [ChannelName, unknown][]) if (value === null) delete credentials[channel];
        return { settings: applySettingsPatch(normaliseSettings(current.settings), patch), credentials };
      });
      if (!changed) throw new AppError('not_found', `store ${storeId} not found`);
      await cache.delete(settingsKey(storeId));
      await cache.delete('origins:all');
      const settings = normaliseSettings(changed.settings);
      await onSettingsChanged?.(storeId, settings).catch(() => undefined); // re-done lazily before the next answer
      const touched = (Object.entries(patch.channels ?? {}) as [ChannelName, unknown][]).filter(([, value]) => value !== undefined);
      if (onChannelsChanged && touched.length > 0) {
        // A value that no longer opens (its key rotated away) counts as not connected before.
        const opened = (channel: ChannelName): unknown => {
          try {
            return previous[channel] ? JSON.parse(sealer.open(previous[channel]!, credentialContext(storeId, channel))) : undefined;
          } catch {
            return undefined;
          }
        };
        await onChannelsChanged(storeId, touched.map(([channel, after]) => ({ channel, before: opened(channel), after }))).catch(() => undefined);
      }
      return present(changed);
    },

    /** The store an inbound address (its local part before any `+token`) belongs to. */
    async byInboundEmailKey(key: string): Promise<string | undefined> {
      return stores.byInboundEmailKey?.(key.toLowerCase());
    },

    /** Whether any store allows this origin (answers CORS preflights, which carry no key). */
    async isKnownOrigin(origin: string): Promise<boolean> {
      let origins = await cache.get<string[]>('origins:all');
      if (!origins) {
        origins = await stores.allAllowedOrigins();
        await cache.set('origins:all', origins, SETTINGS_TTL_MS);
      }
      return origins.includes(origin.toLowerCase());
    },

    /** Opens one channel's credentials for an adapter; undefined when the channel is not configured. */
    async channelCredentials<T>(storeId: string, channel: ChannelName): Promise<T | undefined> {
      const sealed = (await load(storeId)).credentials[channel];
      return sealed ? (JSON.parse(sealer.open(sealed, credentialContext(storeId, channel))) as T) : undefined;
    },

    /** Re-seals every store's credentials under the current key; returns how many values changed. */
    async resealAll(): Promise<number> {
      let count = 0;
      for (const storeId of await stores.listIds()) {
        await stores.changeSettings(storeId, (stored) => {
          const credentials = { ...stored.credentials };
          for (const [channel, sealed] of Object.entries(credentials)) {
            if (sealed.kid === sealer.currentKeyId) continue;
            const plain = sealer.open(sealed, credentialContext(storeId, channel));
            credentials[channel] = { ...sealer.seal(plain, credentialContext(storeId, channel)), updatedAt: sealed.updatedAt };
            count += 1;
          }
          return { settings: normaliseSettings(stored.settings), credentials };
        });
        await cache.delete(settingsKey(storeId));
      }
      return count;
    },
  };
}

export type StoreService = ReturnType<typeof storeService>;
