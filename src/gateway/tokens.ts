import { createHash, hkdfSync, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { operatorRoles, type OperatorRole } from '../core/operators';
import { scopes as allScopes, type Scope } from '../core/scopes';

export interface TokenClaims {
  subject: string;
  storeId: string;
  scopes: Scope[];
  /** Present on an operator's console session (kept apart from tokens minted from API keys). */
  operator?: OperatorClaims;
}

export interface OperatorClaims {
  id: string;
  role: OperatorRole;
  name: string;
  sessionId: string;
}

const ISSUER = 'concierge';

/** Short-lived HS256 tokens for console sessions and internal calls, shared by every instance. */
export function tokenIssuer(secretMaterial: string, ttlSeconds = 900) {
  const key = new Uint8Array(hkdfSync('sha256', Buffer.from(secretMaterial), Buffer.alloc(0), 'concierge-jwt-v1', 32));
  return {
    ttlSeconds,
    async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const operator = claims.operator ? { kind: 'operator', sid: claims.operator.sessionId, role: claims.operator.role, name: claims.operator.name } : {};
      const token = await new SignJWT({ store: claims.storeId, scopes: claims.scopes, ...operator })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setSubject(claims.subject)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token: string): Promise<TokenClaims | undefined> {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        const granted = Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is Scope => allScopes.includes(s as Scope)) : [];
        if (typeof payload.store !== 'string' || typeof payload.sub !== 'string') return undefined;
        const claims: TokenClaims = { subject: payload.sub, storeId: payload.store, scopes: granted };
        if (payload.kind === 'operator') {
          if (typeof payload.sid !== 'string' || !operatorRoles.includes(payload.role as OperatorRole)) return undefined;
          claims.operator = { id: payload.sub, role: payload.role as OperatorRole, name: typeof payload.name === 'string' ? payload.name : '', sessionId: payload.sid };
        }
        return claims;
      } catch {
        return undefined;
      }
    },
  };
}

export type TokenIssuer = ReturnType<typeof tokenIssuer>;

/** Constant-time check of the admin token. */
export function adminTokenMatches(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
