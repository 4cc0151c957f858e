import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainText } from '../../../core/safe-text';
import type { ActionService } from '../../../agent/runtime/action-service';
import { principalId } from '../../auth-context';
import { callerStore } from '../conversations/access';
import { actionSchema } from '../conversations/schema';

const decisionBody = z.strictObject({ note: plainText('note', z.string().trim().max(1000)).optional() }).default({});

/** GET /v1/actions?status=pending and POST /v1/actions/{id}/approve|reject: the approval queue. */
export async function actionRoutes(app: FastifyInstance, { actions }: { actions: ActionService }) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/v1/actions',
    {
      config: { auth: { mode: 'store', scope: 'conversations:read' } },
      schema: {
        tags: ['actions'],
        operationId: 'listActions', summary: 'Actions, e.g. those awaiting approval (status=pending)',
        security: [{ bearer: [] }],
        querystring: z.strictObject({ status: z.enum(['completed', 'pending', 'rejected', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(200).default(100) }),
        response: { 200: z.object({ data: z.array(actionSchema) }) },
      },
    },
    async (request) => ({ data: await actions.list(callerStore(request), request.query.status, request.query.limit) }),
  );
  for (const verb of ['approve', 'reject'] as const) {
    typed.post(
      `/v1/actions/:id/${verb}`,
      {
        config: { auth: { mode: 'store', scope: 'actions:approve', action: `action.${verb}`, idempotent: true }, errors: ['conflict', 'unprocessable'] },
        schema: {
          tags: ['actions'],
          operationId: `${verb}Action`,
          summary: verb === 'approve' ? 'Approve: the paused flow resumes, acts and tells the shopper' : 'Reject: the shopper is told',
          security: [{ bearer: [] }],
          params: z.strictObject({ id: z.uuid() }),
          body: decisionBody,
          response: { 200: z.object({ action: actionSchema, message: z.string() }) },
        },
      },
      async (request) => {
        const decidedBy = principalId(request.principal) ?? 'unknown';
        return actions[verb](callerStore(request), request.params.id, decidedBy, request.body?.note);
      },
    );
  }
}
