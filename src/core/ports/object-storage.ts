/**
 * Files the system keeps: return-label PDFs, e-mail attachments, photo evidence. Adapters: a local
 * folder (embedded default) and S3-compatible storage (server mode). Keys are always prefixed by
 * the store id by the caller's repository, so no store can name another's object.
 */
export interface StoredObject {
  key: string;
  contentType: string;
  size: number;
}

export interface ObjectStorage {
  put(storeId: string, key: string, body: Uint8Array, contentType: string): Promise<StoredObject>;
  get(storeId: string, key: string): Promise<{ body: Uint8Array; contentType: string } | undefined>;
  delete(storeId: string, key: string): Promise<void>;
  /** A link that works without other credentials until it expires (served by the gateway or the S3 endpoint). */
  signedUrl(storeId: string, key: string, ttlSeconds: number): Promise<string>;
}
