import type { OperatorRole } from '../core/operators';
import type { Scope } from '../core/scopes';

/** Who is calling, decided once per request by the auth plugin. */
export type Principal =
  | { type: 'admin' }
  | { type: 'api_key'; keyId: string; storeId: string; scopes: Scope[] }
  | { type: 'widget_key'; keyId: string; storeId: string; scopes: Scope[] }
  | { type: 'service'; subject: string; storeId: string; scopes: Scope[] }
  | { type: 'operator'; operatorId: string; storeId: string; scopes: Scope[]; role: OperatorRole; name: string; sessionId: string };

/** How a route is protected: who may call it and with which scope. */
export interface RouteAuth {
  /** 'admin': the instance admin token; 'store': a key or token of one store; 'public': nobody. */
  mode: 'admin' | 'store' | 'public';
  scope?: Scope;
  /** Widget keys may call only routes that say so. */
  allowWidget?: boolean;
  /** Audit name, e.g. `settings.update`; every mutating route has one. */
  action?: string;
  /** Honour Idempotency-Key on this route. */
  idempotent?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The revocation epoch a locally cached key was validated at (null: validated against the shared store). */
    authEpoch: number | null;
    /** The cluster's revocation epoch as the rate limiter read it (null: not shared). */
    revocationEpoch: number | null;
    /** Set by instance-level routes (creating a store) so the audit row names the store. */
    auditStoreId: string | null;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

export const principalStoreId = (principal: Principal | null): string | null =>
  principal && principal.type !== 'admin' ? principal.storeId : null;

export const principalId = (principal: Principal | null): string | null => {
  if (!principal) return null;
  if (principal.type === 'admin') return 'admin';
  if (principal.type === 'operator') return `operator:${principal.operatorId}`;
  return principal.type === 'service' ? principal.subject : principal.keyId;
};
