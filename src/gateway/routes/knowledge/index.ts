import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import type { KnowledgeBase } from '../../../core/ports/knowledge';
import { callerStore } from '../conversations/access';
import { documentSchema, hitSchema, ingestBody, kindSchema } from './schema';

/** /v1/knowledge/documents (add, list, remove) and /v1/knowledge/search: the store's knowledge base. */
export function knowledgeSurface(knowledge: KnowledgeBase & { vectorBackend?: string }) {
  return async (app: FastifyInstance) => {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.post(
      '/v1/knowledge/documents',
      {
        bodyLimit: 20 * 1024 * 1024,
        config: { auth: { mode: 'store', scope: 'knowledge:write', action: 'knowledge.ingest', idempotent: true }, errors: ['unprocessable'] },
        schema: {
          tags: ['knowledge'],
          operationId: 'addDocument', summary: 'Add a document (Markdown, HTML, plain text, or PDF as base64); the same source again replaces its chunks',
          security: [{ bearer: [] }],
          body: ingestBody,
          response: {
            200: z.object({ document: documentSchema, outcome: z.enum(['replaced', 'unchanged']) }),
            201: z.object({ document: documentSchema, outcome: z.literal('created') }),
          },
        },
      },
      async (request, reply) => {
        const { format, content, title, source } = request.body;
        if (format === 'pdf' && !/^[A-Za-z0-9+/=\s]+$/.test(content)) throw new AppError('validation_failed', 'a PDF is sent as base64 in `content`');
        const result = await knowledge.ingest(callerStore(request), {
          format,
          content: format === 'pdf' ? Buffer.from(content, 'base64') : content,
          title,
          source,
        });
        if (result.outcome === 'created') return reply.code(201).send({ document: result.document, outcome: 'created' as const });
        return { document: result.document, outcome: result.outcome };
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
