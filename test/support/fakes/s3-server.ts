import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small server on 127.0.0.1 that speaks S3's object REST protocol, path-style: PUT, GET and
 * DELETE `/{bucket}/{key}`, SigV4 `Authorization` required (the access key checked, the signature
 * not recomputed), `NoSuchKey` / `NoSuchBucket` XML errors as S3 sends them.
 */
export async function startFakeS3(options: { bucket: string; accessKeyId: string }) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const xmlError = (code: string, message: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: string | Buffer = '', headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'x-amz-request-id': 'fake', ...headers });
        res.end(body);
      };
      const auth = String(req.headers.authorization ?? '');
      if (!auth.startsWith(`AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/`)) return send(403, xmlError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.'), { 'content-type': 'application/xml' });
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const [, bucket, ...rest] = path.split('/');
      const key = rest.join('/');
      if (bucket !== options.bucket) return send(404, xmlError('NoSuchBucket', 'The specified bucket does not exist'), { 'content-type': 'application/xml' });
      if (req.method === 'PUT') {
        let body: Buffer = Buffer.concat(chunks);
        // The SDK may send the body aws-chunked (`<hex size>;chunk-signature=…\r\n<data>\r\n…0\r\n`, trailers after).
        if (String(req.headers['content-encoding'] ?? '').includes('aws-chunked') || req.headers['x-amz-content-sha256']?.toString().startsWith('STREAMING-')) body = dechunk(body);
        objects.set(`${bucket}/${key}`, { body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') });
        return send(200, '', { etag: '"fake"' });
      }
      const object = objects.get(`${bucket}/${key}`);
      if (req.method === 'GET') return object ? send(200, object.body, { 'content-type': object.contentType, 'content-length': String(object.body.length) }) : send(404, xmlError('NoSuchKey', 'The specified key does not exist.'), { 'content-type': 'application/xml' });
      if (req.method === 'DELETE') {
        objects.delete(`${bucket}/${key}`);
        return send(204);
      }
      send(405, xmlError('MethodNotAllowed', 'The specified method is not allowed against this resource.'), { 'content-type': 'application/xml' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function dechunk(body: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString().split(';')[0]!, 16);
    if (!size) break;
    out.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out);
}
