import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OperatorService } from '../../../core/operator-service';
import type { OperatorRole } from '../../../core/operators';
import { storeIdParams } from '../stores/schema';
import { createOperatorBody, createOperatorResponse, operatorParams, operatorSchema, updateOperatorBody } from './schema';

/** An operator acts within their role; a store key with the admin scope acts as an owner. */
const actorRole = (request: FastifyRequest): OperatorRole | null => (request.principal?.type === 'operator' ? request.principal.role : null);

/** The console's invitation link: the token travels in the fragment, which browsers never send to a server. */
const inviteUrl = (request: FastifyRequest, token: string) => `${request.protocol}://${request.host}/console/#/invite/${token}`;

/** Add (with a password or an invitation), list, change the role of, and remove a store's operators. */
export async function operatorManagementRoutes(app: FastifyInstance, { operators }: { operators: OperatorService }) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const auth = { mode: 'store' as const, scope: 'admin' as const };
  typed.post(
    '/v1/stores/:storeId/operators',
    {
      config: { auth: { ...auth, action: 'operator.create', idempotent: true }, errors: ['conflict'] },
      schema: {
        tags: ['operators'],
        operationId: 'createOperator',
        summary: 'Add an operator: with a password, or without one to get an invitation link',
        params: storeIdParams,
        body: createOperatorBody,
        response: { 201: createOperatorResponse },
      },
    },
    async (request, reply) => {
      const created = await operators.create(request.params.storeId, actorRole(request), request.body);
      return reply.status(201).send({
        operator: created.operator,
        ...(created.inviteToken ? { inviteUrl: inviteUrl(request, created.inviteToken), inviteExpiresAt: created.inviteExpiresAt } : {}),
      });
    },
  );
  typed.get(
    '/v1/stores/:storeId/operators',
    {
      config: { auth },
      schema: { tags: ['operators'], operationId: 'listOperators', summary: "The store's operators", params: storeIdParams, response: { 200: z.object({ data: z.array(operatorSchema) }) } },
    },
    async (request) => ({ data: await operators.list(request.params.storeId) }),
  );
  typed.patch(
    '/v1/stores/:storeId/operators/:operatorId',
    {
      config: { auth: { ...auth, action: 'operator.update' }, errors: ['conflict'] },
      schema: {
        tags: ['operators'],
        operationId: 'updateOperator',
        summary: "Rename an operator or change their role (their sessions end when the role changes)",
        params: operatorParams,
        body: updateOperatorBody,
        response: { 200: z.object({ operator: operatorSchema }) },
      },
    },
    async (request) => ({ operator: await operators.update(request.params.storeId, actorRole(request), request.params.operatorId, request.body) }),
  );
  typed.delete(
    '/v1/stores/:storeId/operators/:operatorId',
    {
      config: { auth: { ...auth, action: 'operator.remove' }, errors: ['conflict'] },
      schema: { tags: ['operators'], operationId: 'removeOperator', summary: 'Remove an operator (their sessions end at once)', params: operatorParams, response: { 204: z.null().describe('removed') } },
    },
    async (request, reply) => {
      await operators.remove(request.params.storeId, actorRole(request), request.params.operatorId);
      return reply.code(204).send(null);
    },
  );
}
