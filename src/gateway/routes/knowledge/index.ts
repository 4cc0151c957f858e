import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import type { KnowledgeBase, KnowledgeUploads } from '../../../core/ports/knowledge';
import { callerStore } from '../conversations/access';
import { documentSchema, hitSchema, ingestBody, kindSchema } from './schema';

/** /v1/knowledge/documents (add, get, list, remove) and /v1/knowledge/search: the store's knowledge base. Uploads are indexed in the background. */
export function knowledgeSurface(knowledge: KnowledgeBase & { vectorBackend?: string }, uploads: KnowledgeUploads) {
  return async (app: FastifyInstance) => {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.post(
      '/v1/knowledge/documents',
      {
        bodyLimit: 20 * 1024 * 1024,
        config: { auth: { mode: 'store', scope: 'knowledge:write', action: 'knowledge.ingest', idempotent: true }, errors: ['conflict'] },
        schema: {
          tags: ['knowledge'],
          operationId: 'addDocument',
          summary: 'Add a document (Markdown, HTML, plain text, or PDF as base64); the same source again replaces its chunks',
          description:
            'Answered at once: 202 with the document `processing` while a background job parses, chunks, embeds and indexes it; ' +
            '`GET /v1/knowledge/documents/{id}` then shows it `ready`, or `failed` with `statusReason` (a document that cannot be read). ' +
            'The same upload of a ready document again is 200 `unchanged`. The upload is kept durably until indexed: a restart loses nothing accepted.',
          security: [{ bearer: [] }],
          body: ingestBody,
          response: {
            200: z.object({ document: documentSchema, outcome: z.literal('unchanged') }),
            202: z.object({ document: documentSchema, outcome: z.literal('accepted') }),
          },
        },
      },
      async (request, reply) => {
        const { format, content, title, source } = request.body;
        if (format === 'pdf' && !/^[A-Za-z0-9+/=\s]+$/.test(content)) throw new AppError('validation_failed', 'a PDF is sent as base64 in `content`');
        const result = await uploads.accept(callerStore(request), { format, content, title, source });
        if (result.outcome === 'accepted') return reply.code(202).send({ document: result.document, outcome: 'accepted' as const });
        return { document: result.document, outcome: 'unchanged' as const };
      },
    );
    typed.get(
      '/v1/knowledge/documents/:id',
      {
        config: { auth: { mode: 'store', scope: 'conversations:read' } },
        schema: {
          tags: ['knowledge'],
          operationId: 'getDocument',
          summary: 'One document with its status (processing, ready, failed)',
          security: [{ bearer: [] }],
          params: z.strictObject({ id: z.uuid() }),
          response: { 200: documentSchema },
        },
      },
      async (request) => {
        const document = await uploads.get(callerStore(request), request.params.id);
        if (!document) throw new AppError('not_found', `document ${request.params.id} not found`);
        return document;
      },
    );
    typed.get(
      '/v1/knowledge/documents',
      {
        config: { auth: { mode: 'store', scope: 'conversations:read' } },
        schema: {
          tags: ['knowledge'],
          operationId: 'listDocuments', summary: 'List documents (cursor pagination)',
          security: [{ bearer: [] }],
          querystring: z.strictObject({
            kind: kindSchema.optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            cursor: z.uuid().optional(),
          }),
          response: { 200: z.object({ data: z.array(documentSchema), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const { kind, limit, cursor } = request.query;
        const data = await knowledge.list(callerStore(request), { limit, ...(kind ? { kind } : {}), ...(cursor ? { after: cursor } : {}) });
        return { data, nextCursor: data.length === limit ? data[data.length - 1]!.id : null };
      },
    );
    typed.delete(
      '/v1/knowledge/documents/:id',
      {
        config: { auth: { mode: 'store', scope: 'knowledge:write', action: 'knowledge.delete' } },
        schema: {
          tags: ['knowledge'],
          operationId: 'deleteDocument', summary: 'Remove a document and its chunks',
          security: [{ bearer: [] }],
          params: z.strictObject({ id: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        if (!(await knowledge.remove(callerStore(request), request.params.id))) throw new AppError('not_found', `document ${request.params.id} not found`);
        return reply.code(204).send(null);
      },
    );
    typed.get(
      '/v1/knowledge/search',
      {
        config: { auth: { mode: 'store', scope: 'conversations:read' } },
        schema: {
          tags: ['knowledge'],
          operationId: 'searchKnowledge', summary: 'Hybrid retrieval (full-text + vectors, fused by reciprocal rank, reranked): the top k passages with scores and sources',
          security: [{ bearer: [] }],
          querystring: z.strictObject({
            q: z.string().trim().min(1).max(500),
            k: z.coerce.number().int().min(1).max(20).default(5),
            mode: z.enum(['hybrid', 'lexical', 'vector']).default('hybrid'),
          }),
          response: { 200: z.object({ data: z.array(hitSchema), mode: z.string(), vectorBackend: z.string().optional() }) },
        },
      },
      async (request) => {
        const { q, k, mode } = request.query;
        const data = await knowledge.search(callerStore(request), q, { k, mode });
        return { data, mode, ...(knowledge.vectorBackend ? { vectorBackend: knowledge.vectorBackend } : {}) };
      },
    );
  };
}
