import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StoreService } from '../../../core/store-service';
import { createStoreBody, createStoreResponse } from './schema';

/** POST /v1/stores (admin): a store with its first secret key and widget key, shown once. */
export async function createStoreRoute(app: FastifyInstance, { stores }: { stores: StoreService }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/stores',
    {
      config: { auth: { mode: 'admin', action: 'store.create', idempotent: true } },
      schema: { tags: ['stores'], operationId: 'createStore', summary: 'Create a store', security: [{ bearer: [] }], body: createStoreBody, response: { 201: createStoreResponse } },
    },
    async (request, reply) => {
      const created = await stores.create(request.body);
      request.auditStoreId = created.store.id;
      return reply.status(201).send(created);
    },
  );
}
