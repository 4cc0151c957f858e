import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import type { KnowledgeChunkReader } from '../../../core/ports/knowledge-chunks';
import { callerStore } from '../conversations/access';

const chunkSchema = z.object({ id: z.string(), ordinal: z.number().int(), titlePath: z.array(z.string()), content: z.string(), tokenCount: z.number().int() });

/** GET /v1/knowledge/documents/{id}/chunks: the passages a document was cut into, in order. */
export function knowledgeChunksSurface(reader: KnowledgeChunkReader) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/v1/knowledge/documents/:id/chunks',
      {
        config: { auth: { mode: 'store', scope: 'conversations:read' } },
        schema: {
          tags: ['knowledge'],
          operationId: 'listDocumentChunks',
          summary: 'The passages a document was cut into, in order (what retrieval searches and quotes)',
          params: z.strictObject({ id: z.uuid() }),
          response: { 200: z.object({ data: z.array(chunkSchema) }) },
        },
      },
      async (request) => {
        const data = await reader.chunks(callerStore(request), request.params.id);
        if (!data) throw new AppError('not_found', `document ${request.params.id} not found`);
        return { data };
      },
    );
  };
}
