import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Operator, OperatorRole } from '../../core/operators';
import type { OperatorRecord, OperatorRepository } from '../../core/ports/operator-repository';
import type { Db } from '../database';
import { operatorSessions, operators, stores } from '../schema/index';

type Row = typeof operators.$inferSelect;

const toOperator = (row: Row): Operator => ({
  id: row.id,
  storeId: row.storeId,
  email: row.email,
  name: row.name,
  role: row.role as OperatorRole,
  active: row.passwordHash !== null,
  createdAt: row.createdAt,
  lastLoginAt: row.lastLoginAt,
});
const toRecord = (row: Row): OperatorRecord => ({ ...toOperator(row), passwordHash: row.passwordHash });

/** Operators and their sessions in the database. */
export function operatorRepository(db: Db): OperatorRepository {
  const inStore = (storeId: string, operatorId: string) => and(eq(operators.storeId, storeId), eq(operators.id, operatorId));
  return {
    async insert(input) {
      const [row] = await db.insert(operators).values(input).returning();
      return toOperator(row!);
    },
    async list(storeId) {
      return (await db.select().from(operators).where(eq(operators.storeId, storeId)).orderBy(asc(operators.createdAt))).map(toOperator);
    },
    async get(storeId, operatorId) {
      const [row] = await db.select().from(operators).where(inStore(storeId, operatorId));
      return row ? toRecord(row) : undefined;
    },
    // The e-mail names the store at login: the one lookup across stores.
    async findByEmail(email) {
      const rows = await db
        .select({ operator: operators, storeName: stores.name })
        .from(operators)
        .innerJoin(stores, eq(stores.id, operators.storeId))
        .where(sql`lower(${operators.email}) = lower(${email})`);
      return rows.map((row) => ({ ...toRecord(row.operator), storeName: row.storeName }));
    },
    async findByInvite(inviteHash, now) {
      const [row] = await db.select().from(operators).where(and(eq(operators.inviteHash, inviteHash), gt(operators.inviteExpiresAt, now)));
      return row ? toRecord(row) : undefined;
    },
    async setPassword(storeId, operatorId, passwordHash) {
      await db.update(operators).set({ passwordHash, inviteHash: null, inviteExpiresAt: null, updatedAt: new Date() }).where(inStore(storeId, operatorId));
    },
    async update(storeId, operatorId, changes) {
      const [row] = await db.update(operators).set({ ...changes, updatedAt: new Date() }).where(inStore(storeId, operatorId)).returning();
      return row ? toOperator(row) : undefined;
    },
    async remove(storeId, operatorId) {
      return (await db.delete(operators).where(inStore(storeId, operatorId)).returning({ id: operators.id })).length > 0;
    },
    async countOwners(storeId) {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(operators).where(and(eq(operators.storeId, storeId), eq(operators.role, 'owner')));
      return row?.n ?? 0;
    },
    async touchLogin(storeId, operatorId, at) {
      await db.update(operators).set({ lastLoginAt: at }).where(inStore(storeId, operatorId));
    },

    async createSession(input) {
      const [row] = await db.insert(operatorSessions).values(input).returning();
      return { id: row!.id, storeId: row!.storeId, operatorId: row!.operatorId, expiresAt: row!.expiresAt, revokedAt: row!.revokedAt };
    },
    async findSessionByRefresh(refreshHash) {
      const [row] = await db
        .select()
        .from(operatorSessions)
        .where(or(eq(operatorSessions.refreshHash, refreshHash), eq(operatorSessions.previousRefreshHash, refreshHash)))
        .limit(1);
      if (!row) return undefined;
      return { id: row.id, storeId: row.storeId, operatorId: row.operatorId, expiresAt: row.expiresAt, revokedAt: row.revokedAt, current: row.refreshHash === refreshHash };
    },
    async rotateRefresh(sessionId, previousHash, nextHash, expiresAt) {
      const rows = await db
        .update(operatorSessions)
        .set({ refreshHash: nextHash, previousRefreshHash: previousHash, expiresAt })
        .where(and(eq(operatorSessions.id, sessionId), eq(operatorSessions.refreshHash, previousHash), isNull(operatorSessions.revokedAt)))
        .returning({ id: operatorSessions.id });
      return rows.length > 0;
    },
    async revokeSession(sessionId, at) {
      await db.update(operatorSessions).set({ revokedAt: at }).where(and(eq(operatorSessions.id, sessionId), isNull(operatorSessions.revokedAt)));
    },
    async revokeOperatorSessions(storeId, operatorId, at) {
      const rows = await db
        .update(operatorSessions)
        .set({ revokedAt: at })
        .where(and(eq(operatorSessions.storeId, storeId), eq(operatorSessions.operatorId, operatorId), isNull(operatorSessions.revokedAt), gt(operatorSessions.expiresAt, at)))
        .returning({ id: operatorSessions.id });
      return rows.map((row) => row.id);
    },
  };
}
