import type { Operator, OperatorRole } from '../operators';

export interface OperatorRecord extends Operator {
  passwordHash: string | null;
}

export interface OperatorSessionRecord {
  id: string;
  storeId: string;
  operatorId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Operators of a store and their sessions. Every call names the store, but finding by e-mail or token at login. */
export interface OperatorRepository {
  insert(input: { storeId: string; email: string; name: string; role: OperatorRole; passwordHash: string | null; inviteHash: string | null; inviteExpiresAt: Date | null }): Promise<Operator>;
  list(storeId: string): Promise<Operator[]>;
  get(storeId: string, operatorId: string): Promise<OperatorRecord | undefined>;
  /** Login: the active operators with this e-mail, in any store (the e-mail names the store). */
  findByEmail(email: string): Promise<(OperatorRecord & { storeName: string })[]>;
  /** An invitation not yet accepted nor expired, by the hash of its token. */
  findByInvite(inviteHash: string, now: Date): Promise<OperatorRecord | undefined>;
  setPassword(storeId: string, operatorId: string, passwordHash: string): Promise<void>;
  update(storeId: string, operatorId: string, changes: { name?: string; role?: OperatorRole }): Promise<Operator | undefined>;
  remove(storeId: string, operatorId: string): Promise<boolean>;
  countOwners(storeId: string): Promise<number>;
  touchLogin(storeId: string, operatorId: string, at: Date): Promise<void>;

  createSession(input: { storeId: string; operatorId: string; refreshHash: string; expiresAt: Date }): Promise<OperatorSessionRecord>;
  /** The session a refresh token belongs to (null when unknown). */
  findSessionByRefresh(refreshHash: string): Promise<(OperatorSessionRecord & { current: boolean }) | undefined>;
  /** Swaps the refresh token (rotation); false when the presented one was already used. */
  rotateRefresh(sessionId: string, previousHash: string, nextHash: string, expiresAt: Date): Promise<boolean>;
  revokeSession(sessionId: string, at: Date): Promise<void>;
  /** Revokes every live session of an operator; returns their ids. */
  revokeOperatorSessions(storeId: string, operatorId: string, at: Date): Promise<string[]>;
}
