import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFakeS3 } from '../../../test/support/fakes/s3-server';
import { linkSigner } from '../../core/signed-link';
import { resilience } from '../resilience/resilient-call';
import { s3Storage } from './s3-storage';

const bucket = 'concierge-files';
const accessKeyId = 'AKIATESTCONCIERGE01';
const storeId = '7d3f0c1e-0000-4000-8000-000000000001';
let fake: Awaited<ReturnType<typeof startFakeS3>>;
before(async () => void (fake = await startFakeS3({ bucket, accessKeyId })));
after(() => fake.close());

const storage = () =>
  s3Storage({ endpoint: fake.url, bucket, region: 'us-east-1', accessKeyId, secretAccessKey: 'test-secret-key-not-real', links: linkSigner(Buffer.alloc(32, 1)), publicUrl: 'http://127.0.0.1:3000', resilience: resilience({ maxAttempts: 1 }) });

test('S3 (official client, path-style, SigV4) against a local S3-protocol server: put, get, delete, under the store prefix', async () => {
  const files = storage();
  const pdf = new TextEncoder().encode('%PDF-1.4 label');
  assert.deepEqual(await files.put(storeId, 'labels/RMA-1.pdf', pdf, 'application/pdf'), { key: 'labels/RMA-1.pdf', contentType: 'application/pdf', size: pdf.byteLength });
  assert.ok(fake.objects.has(`${bucket}/${storeId}/labels/RMA-1.pdf`), 'kept under the store id');
  const back = await files.get(storeId, 'labels/RMA-1.pdf');
  assert.equal(back?.contentType, 'application/pdf');
  assert.deepEqual(Buffer.from(back!.body), Buffer.from(pdf));
  assert.equal(await files.get('7d3f0c1e-0000-4000-8000-000000000002', 'labels/RMA-1.pdf'), undefined, 'another store does not see it');
  await files.delete(storeId, 'labels/RMA-1.pdf');
  assert.equal(await files.get(storeId, 'labels/RMA-1.pdf'), undefined);
  const link = new URL(await files.signedUrl(storeId, 'labels/RMA-1.pdf', 60));
  assert.equal(link.pathname, `/files/${storeId}/labels/RMA-1.pdf`);
});

test('S3 with a wrong access key is refused, not reported as down', async () => {
  const files = s3Storage({ endpoint: fake.url, bucket, region: 'us-east-1', accessKeyId: 'AKIAWRONG', secretAccessKey: 'x', links: linkSigner(Buffer.alloc(32, 1)), publicUrl: 'http://127.0.0.1:3000', resilience: resilience({ maxAttempts: 1 }) });
  await assert.rejects(files.put(storeId, 'labels/x.pdf', new Uint8Array([1]), 'application/pdf'), (e: { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode === 403);
});
