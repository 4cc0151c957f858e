import { and, arrayOverlaps, count, eq, gte } from 'drizzle-orm';
import type { VerificationFailures } from '../../core/ports/verification-failures';
import type { Db } from '../database';
import { verificationFailures } from '../schema/index';

/** Failed ownership checks in our database, counted across conversations and channels. */
export function verificationFailureLog(db: Db): VerificationFailures {
  return {
    async count(storeId, keys, since) {
      if (keys.length === 0) return 0;
      const [row] = await db
        .select({ n: count() })
        .from(verificationFailures)
        .where(
          and(eq(verificationFailures.storeId, storeId), arrayOverlaps(verificationFailures.subjectKeys, keys), gte(verificationFailures.createdAt, since)),
        );
      return Number(row?.n ?? 0);
    },
    async record(storeId, failure) {
      await db
        .insert(verificationFailures)
        .values({ storeId, subjectKeys: failure.keys, conversationId: failure.conversationId ?? null, channel: failure.channel ?? null });
    },
  };
}
