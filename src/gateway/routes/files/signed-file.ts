import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import { checkedObjectKey } from '../../../core/object-key';
import type { ObjectStorage } from '../../../core/ports/object-storage';
import type { LinkSigner } from '../../../core/signed-link';

const params = z.strictObject({ storeId: z.uuid(), folder: z.string().min(1).max(64), file: z.string().min(1).max(100) });
const nestedParams = z.strictObject({ storeId: z.uuid(), folder: z.string().min(1).max(64), sub: z.string().min(1).max(64), file: z.string().min(1).max(112) });

/**
 * Types a browser may open from our origin: images it cannot run, PDFs and plain text. Anything else (an e-mailed
 * HTML page, an SVG, a script) is sent as a download of bytes, sandboxed, so no file can run as the console's origin.
 */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf', 'text/plain']);
const query = z.object({ expires: z.string().max(20).optional(), signature: z.string().max(100).optional() });

/**
 * GET /files/{storeId}/{folder}/{file}?expires=…&signature=… (keys are `folder/file`, e.g. `labels/RMA-1001-….pdf`, or
 * one folder deeper, `email/{e-mail}/{n}-{name}`): a stored file (a return label, an e-mail's attachment) behind a
 * signed, expiring link — no key needed, nothing else reachable: a link past its expiry or with
 * one byte changed is 403.
 */
export function signedFileSurface(deps: { links: LinkSigner; storage: ObjectStorage; now?: () => number }) {
  async function serve(reply: FastifyReply, storeId: string, key: string, link: z.infer<typeof query>) {
    const check = deps.links.verify(storeId, key, link.expires, link.signature, (deps.now ?? Date.now)());
    if (!check.ok) throw new AppError('forbidden', check.reason === 'expired' ? 'this link has expired' : 'this link is not valid');
    const file = await deps.storage.get(storeId, checkedObjectKey(key));
    if (!file) throw new AppError('not_found', 'the file is no longer stored');
    const declared = file.contentType.split(';')[0]!.trim().toLowerCase();
    const inline = INLINE_TYPES.has(declared);
    const name = key.split('/').at(-1)!.replace(/[^A-Za-z0-9._-]/g, '_');
    if (!inline) reply.header('content-security-policy', "default-src 'none'; sandbox");
    return reply
      .header('content-type', inline ? (declared === 'text/plain' ? 'text/plain; charset=utf-8' : declared) : 'application/octet-stream')
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
      .send(Buffer.from(file.body));
  }

  return async (app: FastifyInstance) => {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.get(
      '/files/:storeId/:folder/:file',
      {
        config: { auth: { mode: 'public', action: 'file.download' }, errors: ['forbidden', 'not_found'] },
        schema: {
          tags: ['files'],
          operationId: 'getSignedFile',
          summary: 'Download a stored file (e.g. a return label PDF) through a signed, expiring link',
          params,
          querystring: query,
          response: { 200: z.any().describe('the file: images, PDFs and plain text with their content type; anything else as a download of bytes') },
        },
      },
      (request, reply) => serve(reply, request.params.storeId, `${request.params.folder}/${request.params.file}`, request.query),
    );
    typed.get(
      '/files/:storeId/:folder/:sub/:file',
      {
        config: { auth: { mode: 'public', action: 'file.download' }, errors: ['forbidden', 'not_found'] },
        schema: {
          tags: ['files'],
          operationId: 'getSignedNestedFile',
          summary: 'Download a stored file kept one folder deeper (e.g. an e-mail\'s attachment) through a signed, expiring link',
          params: nestedParams,
          querystring: query,
          response: { 200: z.any().describe('the file: images, PDFs and plain text with their content type; anything else as a download of bytes') },
        },
      },
      (request, reply) => serve(reply, request.params.storeId, `${request.params.folder}/${request.params.sub}/${request.params.file}`, request.query),
    );
  };
}
