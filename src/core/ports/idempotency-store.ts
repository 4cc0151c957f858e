export type IdempotencyClaim = { state: 'new' } | { state: 'in_progress' } | { state: 'mismatch' } | { state: 'done'; status: number; response: string };

/** One Idempotency-Key as one caller used it on one route. */
export interface IdempotencyScope {
  storeId: string;
  /** Who called (`principalId`): the same key from another caller is another request. */
  caller: string;
  route: string;
  key: string;
}

/** How long an answer is replayed (Stripe keeps its keys 24 hours too). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Remembers the first answer to a request carrying an Idempotency-Key, for IDEMPOTENCY_RETENTION_MS. */
export interface IdempotencyStore {
  claim(scope: IdempotencyScope, requestHash: string): Promise<IdempotencyClaim>;
  /** Keeps the answer; it may carry secrets, so the store must not keep it readable at rest. */
  complete(scope: IdempotencyScope, status: number, response: string): Promise<void>;
  release(scope: IdempotencyScope): Promise<void>;
  /** Deletes the records older than the retention; returns how many went. */
  sweep(): Promise<number>;
  /** Seals the kept answers again under the current encryption key (key rotation); returns how many. */
  reseal(): Promise<number>;
}
