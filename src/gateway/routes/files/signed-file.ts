import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import { checkedObjectKey } from '../../../core/object-key';
import type { ObjectStorage } from '../../../core/ports/object-storage';
import type { LinkSigner } from '../../../core/signed-link';

const params = z.strictObject({ storeId: z.uuid(), folder: z.string().min(1).max(64), file: z.string().min(1).max(100) });
const query = z.object({ expires: z.string().max(20).optional(), signature: z.string().max(100).optional() });

/**
 * GET /files/{storeId}/{folder}/{file}?expires=…&signature=… (keys are `folder/file`, e.g. `labels/RMA-1001-….pdf`): a stored file (a return label) behind a
 * signed, expiring link — no key needed, nothing else reachable: a link past its expiry or with
 * one byte changed is 403.
 */
export function signedFileSurface(deps: { links: LinkSigner; storage: ObjectStorage; now?: () => number }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/files/:storeId/:folder/:file',
      {
        config: { auth: { mode: 'public', action: 'file.download' }, errors: ['forbidden', 'not_found'] },
        schema: {
          tags: ['files'],
          operationId: 'getSignedFile',
          summary: 'Download a stored file (e.g. a return label PDF) through a signed, expiring link',
          params,
          querystring: query,
          response: { 200: z.any().describe('the file, with its content type') },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params;
        const key = `${request.params.folder}/${request.params.file}`;
        const check = deps.links.verify(storeId, key, request.query.expires, request.query.signature, (deps.now ?? Date.now)());
        if (!check.ok) throw new AppError('forbidden', check.reason === 'expired' ? 'this link has expired' : 'this link is not valid');
        const file = await deps.storage.get(storeId, checkedObjectKey(key));
        if (!file) throw new AppError('not_found', 'the file is no longer stored');
        return reply
          .header('content-type', file.contentType)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `inline; filename="${key.split('/').at(-1)!.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
          .send(Buffer.from(file.body));
      },
    );
  };
}
