export type IdempotencyClaim =
  | { state: 'new' }
  | { state: 'in_progress' }
  | { state: 'mismatch' }
  | { state: 'done'; status: number; response: string };

/** Remembers the first answer to a request carrying an Idempotency-Key. */
export interface IdempotencyStore {
  claim(storeId: string, route: string, key: string, requestHash: string): Promise<IdempotencyClaim>;
  complete(storeId: string, route: string, key: string, status: number, response: string): Promise<void>;
  release(storeId: string, route: string, key: string): Promise<void>;
}
