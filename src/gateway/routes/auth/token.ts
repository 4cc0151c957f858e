import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import { grants, scopes } from '../../../core/scopes';
import type { TokenIssuer } from '../../tokens';

/** POST /v1/auth/token: trade a secret key for a short-lived JWT with the same or fewer scopes. */
export async function tokenRoute(app: FastifyInstance, { tokens }: { tokens: TokenIssuer }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/auth/token',
    {
      config: { auth: { mode: 'store', action: 'token.issue' } },
      schema: {
        tags: ['auth'],
        operationId: 'issueToken', summary: 'Issue a short-lived JWT for console sessions and internal calls',
        security: [{ bearer: [] }],
        body: z.strictObject({ scopes: z.array(z.enum(scopes)).min(1).optional() }),
        response: { 201: z.object({ token: z.string(), expiresAt: z.date(), scopes: z.array(z.enum(scopes)) }) },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (!principal || principal.type !== 'api_key') throw new AppError('forbidden', 'only a secret API key can issue tokens');
      const wanted = request.body.scopes ?? principal.scopes;
      const refused = wanted.filter((scope) => !grants(principal.scopes, scope));
      if (refused.length > 0) throw new AppError('forbidden', `this key cannot grant ${refused.join(', ')}`);
      const issued = await tokens.issue({ subject: `key:${principal.keyId}`, storeId: principal.storeId, scopes: wanted });
      return reply.status(201).send({ ...issued, scopes: wanted });
    },
  );
}
