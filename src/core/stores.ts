import type { Scope } from './scopes';
import type { StoreSettings } from './settings';

/** Domain shapes of the tenant, its keys and its audit trail. */
export interface Store {
  id: string;
  name: string;
  platform: string;
  createdAt: Date;
}

export type KeyKind = 'secret' | 'publishable';

export interface ApiKey {
  id: string;
  storeId: string;
  kind: KeyKind;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewApiKey {
  id: string;
  storeId: string;
  kind: KeyKind;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: Scope[];
}

/** A channel whose credentials are stored: only that it is configured is ever shown. */
export interface ChannelStatus {
  configured: true;
  keyId: string;
  updatedAt: string;
}

export interface StoreWithSettings extends Store {
  settings: StoreSettings;
  channels: Record<string, ChannelStatus>;
  /** Where the store forwards its support mailbox (`settings.email.inboundAddress`). */
  inboundEmailAddress?: string;
}

export interface AuditEntry {
  storeId: string | null;
  actorType: 'api_key' | 'widget_key' | 'admin' | 'operator' | 'service' | 'anonymous' | 'system';
  actorId: string | null;
  action: string;
  target: string | null;
  outcome: 'success' | 'denied' | 'failed' | 'invalid';
  status: number;
  requestId: string;
  ip: string | null;
}
