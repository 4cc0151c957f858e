import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkedObjectKey, fileLinkOf } from '../../core/object-key';
import type { ObjectStorage } from '../../core/ports/object-storage';
import type { LinkSigner } from '../../core/signed-link';
import type { Resilience } from '../resilience/resilient-call';

export interface S3StorageOptions {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  links: LinkSigner;
  publicUrl: string;
  resilience: Resilience;
  now?: () => number;
}

/**
 * Files in S3-compatible storage (server mode) through the official `@aws-sdk/client-s3`,
 * path-style against any endpoint (AWS, MinIO, R2…), under `<store id>/<key>`. Links are the
 * gateway's signed links (the same in both modes; the bucket stays private).
 */
export function s3Storage(o: S3StorageOptions): ObjectStorage {
  const client = new S3Client({ endpoint: o.endpoint, region: o.region, forcePathStyle: true, credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey }, maxAttempts: 1 });
  const keyOf = (storeId: string, key: string) => `${checkedObjectKey(storeId)}/${checkedObjectKey(key)}`;
  const call = <T>(storeId: string, operation: string, run: (signal: AbortSignal) => Promise<T>) => o.resilience.call({ storeId, provider: 's3', operation }, run);
  return {
    async put(storeId, key, body, contentType) {
      await call(storeId, 'put object', (abortSignal) => client.send(new PutObjectCommand({ Bucket: o.bucket, Key: keyOf(storeId, key), Body: body, ContentType: contentType }), { abortSignal }));
      return { key, contentType, size: body.byteLength };
    },
    async get(storeId, key) {
      try {
        const out = await call(storeId, 'get object', (abortSignal) => client.send(new GetObjectCommand({ Bucket: o.bucket, Key: keyOf(storeId, key) }), { abortSignal }));
        return { body: await out.Body!.transformToByteArray(), contentType: out.ContentType ?? 'application/octet-stream' };
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
        throw error;
      }
    },
    async delete(storeId, key) {
      await call(storeId, 'delete object', (abortSignal) => client.send(new DeleteObjectCommand({ Bucket: o.bucket, Key: keyOf(storeId, key) }), { abortSignal }));
    },
    async signedUrl(storeId, key, ttlSeconds) {
      checkedObjectKey(key);
      return fileLinkOf(o.publicUrl, o.links.sign({ storeId, key, expiresAt: (o.now ?? Date.now)() + ttlSeconds * 1000 }));
    },
  };
}
