import { desc, eq } from 'drizzle-orm';
import type { AuditLog } from '../../core/ports/store-repository';
import type { AuditEntry } from '../../core/stores';
import type { Db } from '../database';
import { auditLog } from '../schema/index';

/** The append-only audit trail. */
export function auditLogRepository(db: Db): AuditLog {
  return {
    async record(entry) {
      await db.insert(auditLog).values(entry);
    },
    async list(storeId, limit) {
      const rows = await db.select().from(auditLog).where(eq(auditLog.storeId, storeId)).orderBy(desc(auditLog.id)).limit(limit);
      return rows.map((row) => ({ ...row, actorType: row.actorType as AuditEntry['actorType'], outcome: row.outcome as AuditEntry['outcome'] }));
    },
  };
}
