import { createHash, randomBytes } from 'node:crypto';
import { AppError } from './errors';
import { mayManage, roleScopes, type Operator, type OperatorRole } from './operators';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password-hash';
import type { Cache } from './ports/cache';
import type { OperatorRecord, OperatorRepository } from './ports/operator-repository';
import type { RateLimiter } from './ports/rate-limiter';
import type { Scope } from './scopes';

export interface AccessClaims {
  subject: string;
  storeId: string;
  scopes: Scope[];
  operator: { id: string; role: OperatorRole; name: string; sessionId: string };
}

export interface OperatorServiceDeps {
  operators: OperatorRepository;
  /** Shared by every instance: a logged-out session is refused everywhere at once. */
  cache: Cache;
  limiter: RateLimiter;
  /** Signs the short-lived access token (the gateway's JWT issuer). */
  issueAccess(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }>;
  accessTtlMs: number;
  refreshTtlMs?: number;
  inviteTtlMs?: number;
  now(): Date;
}

/** A logged-in console session: a short-lived access token and the refresh token that renews it. */
export interface OperatorSession {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  operator: Operator;
  storeName: string;
}

const DAY_MS = 86_400_000;
const LOGIN_ATTEMPTS = 20;
const LOGIN_WINDOW_MS = 15 * 60_000;
const revokedKey = (sessionId: string) => `operator-session-revoked:${sessionId}`;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const secretToken = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export const PASSWORD_MIN_LENGTH = 10;

/** Operators of a store: invitations, password login, rotating refresh, logout, roles. */
export function operatorService(deps: OperatorServiceDeps) {
  const { operators } = deps;
  const refreshTtlMs = deps.refreshTtlMs ?? 14 * DAY_MS;
  const inviteTtlMs = deps.inviteTtlMs ?? 7 * DAY_MS;

  async function open(operator: Operator, storeName: string): Promise<OperatorSession> {
    const now = deps.now();
    const refreshToken = secretToken('ort_');
    const refreshExpiresAt = new Date(now.getTime() + refreshTtlMs);
    const session = await operators.createSession({ storeId: operator.storeId, operatorId: operator.id, refreshHash: sha256(refreshToken), expiresAt: refreshExpiresAt });
    await operators.touchLogin(operator.storeId, operator.id, now);
    return { ...(await access(operator, session.id)), refreshToken, refreshExpiresAt, operator: { ...operator, lastLoginAt: now }, storeName };
  }

  async function access(operator: Operator, sessionId: string) {
    const issued = await deps.issueAccess({ subject: operator.id, storeId: operator.storeId, scopes: roleScopes[operator.role], operator: { id: operator.id, role: operator.role, name: operator.name, sessionId } });
    return { accessToken: issued.token, expiresAt: issued.expiresAt };
  }

  async function revokeAll(storeId: string, operatorId: string) {
    const ids = await operators.revokeOperatorSessions(storeId, operatorId, deps.now());
    await Promise.all(ids.map((id) => deps.cache.set(revokedKey(id), true, deps.accessTtlMs)));
  }

  async function requireManageable(storeId: string, actorRole: OperatorRole | null, operatorId: string): Promise<OperatorRecord> {
    const target = await operators.get(storeId, operatorId);
    if (!target) throw new AppError('not_found', `operator ${operatorId} not found`);
    if (actorRole && !mayManage(actorRole, target.role)) throw new AppError('forbidden', `an ${actorRole} cannot change an ${target.role}`);
    return target;
  }

  async function keepAnOwner(storeId: string, target: OperatorRecord) {
    if (target.role === 'owner' && (await operators.countOwners(storeId)) <= 1) throw new AppError('conflict', 'a store keeps at least one owner');
  }

  return {
    /** Adds an operator; without a password it is an invitation whose token is returned once. `actorRole` null: a store key (acts as owner). */
    async create(storeId: string, actorRole: OperatorRole | null, input: { email: string; name: string; role: OperatorRole; password?: string | undefined }) {
      if (actorRole && !mayManage(actorRole, input.role)) throw new AppError('forbidden', `an ${actorRole} cannot add an ${input.role}`);
      if ((await operators.findByEmail(input.email)).some((o) => o.storeId === storeId)) throw new AppError('conflict', `${input.email} is already an operator of this store`);
      const inviteToken = input.password ? undefined : secretToken('inv_');
      const inviteExpiresAt = inviteToken ? new Date(deps.now().getTime() + inviteTtlMs) : null;
      const operator = await operators.insert({
        storeId,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: input.password ? await hashPassword(input.password) : null,
        inviteHash: inviteToken ? sha256(inviteToken) : null,
        inviteExpiresAt,
      });
      return { operator, ...(inviteToken ? { inviteToken, inviteExpiresAt: inviteExpiresAt! } : {}) };
    },

    list: (storeId: string) => operators.list(storeId),

    async get(storeId: string, operatorId: string): Promise<Operator> {
      const found = await operators.get(storeId, operatorId);
      if (!found) throw new AppError('not_found', `operator ${operatorId} not found`);
      const { passwordHash: _hash, ...operator } = found;
      return operator;
    },

    /** Counts login attempts per e-mail (every instance shares the count): too many → retry later. */
    async throttleLogin(email: string) {
      return deps.limiter.hit(`operator-login:${email.toLowerCase()}`, LOGIN_ATTEMPTS, LOGIN_WINDOW_MS);
    },

    /** E-mail and password; `storeId` picks the store when the e-mail is an operator of several. */
    async login(email: string, password: string, storeId?: string): Promise<OperatorSession> {
      const candidates = (await operators.findByEmail(email)).filter((o) => o.passwordHash && (!storeId || o.storeId === storeId));
      // Hash even when no account matches, so timing does not tell which e-mails exist.
      const matched: typeof candidates = [];
      if (candidates.length === 0) await verifyPassword(password, DUMMY_PASSWORD_HASH);
      for (const candidate of candidates) if (await verifyPassword(password, candidate.passwordHash!)) matched.push(candidate);
      if (matched.length === 0) throw new AppError('unauthorized', 'wrong e-mail or password');
      if (matched.length > 1) {
        throw new AppError('conflict', 'this e-mail signs in to several stores: choose one (storeId)', { stores: matched.map((m) => ({ id: m.storeId, name: m.storeName })) });
      }
      const { passwordHash: _hash, storeName, ...operator } = matched[0]!;
      return open(operator, storeName);
    },

    /** A new access token and a new refresh token; the old refresh token presented again ends the session (it was stolen). */
    async refresh(refreshToken: string, storeName: (storeId: string) => Promise<string>): Promise<OperatorSession> {
      const hash = sha256(refreshToken);
      const session = await operators.findSessionByRefresh(hash);
      const now = deps.now();
      if (!session || session.revokedAt || session.expiresAt <= now) throw new AppError('unauthorized', 'the session has ended: log in again');
      if (!session.current) {
        await operators.revokeSession(session.id, now);
        await deps.cache.set(revokedKey(session.id), true, deps.accessTtlMs);
        throw new AppError('unauthorized', 'this refresh token was already used: the session has been ended for safety');
      }
      const found = await operators.get(session.storeId, session.operatorId);
      if (!found?.passwordHash) throw new AppError('unauthorized', 'the session has ended: log in again');
      const next = secretToken('ort_');
      const refreshExpiresAt = new Date(now.getTime() + refreshTtlMs);
      if (!(await operators.rotateRefresh(session.id, hash, sha256(next), refreshExpiresAt))) throw new AppError('unauthorized', 'the session has ended: log in again');
      const { passwordHash: _hash, ...operator } = found;
      return { ...(await access(operator, session.id)), refreshToken: next, refreshExpiresAt, operator, storeName: await storeName(operator.storeId) };
    },

    async logout(sessionId: string): Promise<void> {
      await operators.revokeSession(sessionId, deps.now());
      await deps.cache.set(revokedKey(sessionId), true, deps.accessTtlMs);
    },

    /** Whether an access token's session was ended (logout, removal, role change) before the token expired. */
    async sessionRevoked(sessionId: string): Promise<boolean> {
      return (await deps.cache.get<boolean>(revokedKey(sessionId))) === true;
    },

    /** The invited operator chooses a password and is logged in. */
    async acceptInvite(token: string, password: string, storeName: (storeId: string) => Promise<string>): Promise<OperatorSession> {
      const found = await operators.findByInvite(sha256(token), deps.now());
      if (!found) throw new AppError('not_found', 'this invitation is unknown, used or expired: ask for a new one');
      await operators.setPassword(found.storeId, found.id, await hashPassword(password));
      const { passwordHash: _hash, ...operator } = found;
      return open({ ...operator, active: true }, await storeName(found.storeId));
    },

    async update(storeId: string, actorRole: OperatorRole | null, operatorId: string, changes: { name?: string | undefined; role?: OperatorRole | undefined }): Promise<Operator> {
      const target = await requireManageable(storeId, actorRole, operatorId);
      if (changes.role && actorRole && !mayManage(actorRole, changes.role)) throw new AppError('forbidden', `an ${actorRole} cannot make someone an ${changes.role}`);
      if (changes.role && changes.role !== 'owner') await keepAnOwner(storeId, target);
      const updated = await operators.update(storeId, operatorId, { ...(changes.name ? { name: changes.name } : {}), ...(changes.role ? { role: changes.role } : {}) });
      // The sessions carry the old role's scopes: end them.
      if (changes.role && changes.role !== target.role) await revokeAll(storeId, operatorId);
      return updated!;
    },

    async remove(storeId: string, actorRole: OperatorRole | null, operatorId: string): Promise<void> {
      const target = await requireManageable(storeId, actorRole, operatorId);
      await keepAnOwner(storeId, target);
      await revokeAll(storeId, operatorId);
      await operators.remove(storeId, operatorId);
    },
  };
}

export type OperatorService = ReturnType<typeof operatorService>;
