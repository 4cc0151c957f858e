import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CatalogImporter } from '../../../core/ports/catalog';
import { storeIdParams } from '../stores/schema';

const body = z
  .object({ customers: z.array(z.record(z.string(), z.unknown())).optional(), products: z.array(z.record(z.string(), z.unknown())).optional(), orders: z.array(z.record(z.string(), z.unknown())).optional() })
  .describe('Shopify Admin REST shapes: Customer, Product (with variants), Order (with line_items, fulfillments, refunds). Unknown fields are kept but ignored.');

/**
 * POST /v1/stores/{storeId}/catalog/import: load customers, products and orders into the built-in demo backend; the
 * products' re-indexing job is queued in the import's own transaction, and `afterImport` (waking the worker) runs after it commits.
 */
export function catalogSurface(importer: CatalogImporter, afterImport?: (storeId: string) => void) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/stores/:storeId/catalog/import',
      {
        bodyLimit: 20 * 1024 * 1024,
        config: { auth: { mode: 'store', scope: 'settings:write', action: 'catalog.import', idempotent: true }, errors: ['conflict'] },
        schema: {
          tags: ['catalog'],
          operationId: 'importCatalog', summary: 'Import a catalog (all or nothing; a malformed element is refused with its index and reason)',
          security: [{ bearer: [] }],
          params: storeIdParams,
          body,
          response: {
            200: z.object({
              imported: z.object({ customers: z.number(), products: z.number(), orders: z.number() }),
              knowledge: z
                .enum(['processing', 'unchanged'])
                .describe('processing: the product documents are re-indexed by a background job (GET /v1/knowledge/documents?kind=product); unchanged: no product was imported'),
            }),
          },
        },
      },
      async (request) => {
        const { reindexQueued, ...imported } = await importer.import(request.params.storeId, request.body);
        // Products changed: a durable job, committed with them, re-indexes them (docs/adr/0033, 0041); long descriptions never hold this request.
        if (!reindexQueued) return { imported, knowledge: 'unchanged' as const };
        afterImport?.(request.params.storeId);
        return { imported, knowledge: 'processing' as const };
      },
    );
  };
}
