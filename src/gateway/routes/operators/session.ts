import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import type { OperatorService, OperatorSession } from '../../../core/operator-service';
import { roleScopes } from '../../../core/operators';
import type { StoreService } from '../../../core/store-service';
import { sendError } from '../../plugins/errors';
import { acceptInviteBody, loginBody, meResponse, refreshBody, sessionResponse } from './schema';
import { clearRefreshCookie, refreshCookie, setRefreshCookie } from './session-cookie';

interface Deps {
  operators: OperatorService;
  stores: StoreService;
}

/** Login, refresh, logout, accepting an invitation, and who am I: the console's session. */
export async function operatorSessionRoutes(app: FastifyInstance, { operators, stores }: Deps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const storeName = async (storeId: string) => (await stores.get(storeId)).name;

  function answer(request: FastifyRequest, reply: FastifyReply, session: OperatorSession, refreshIn: 'cookie' | 'body') {
    const { operator } = session;
    // Audit the session's start as the operator's own act.
    request.principal = { type: 'operator', operatorId: operator.id, storeId: operator.storeId, scopes: roleScopes[operator.role], role: operator.role, name: operator.name, sessionId: '' };
    if (refreshIn === 'cookie') setRefreshCookie(request, reply, session.refreshToken, session.refreshExpiresAt);
    return {
      accessToken: session.accessToken,
      expiresAt: session.expiresAt,
      refreshExpiresAt: session.refreshExpiresAt,
      ...(refreshIn === 'body' ? { refreshToken: session.refreshToken } : {}),
      operator,
      store: { id: operator.storeId, name: session.storeName },
      scopes: roleScopes[operator.role],
    };
  }

  typed.post(
    '/v1/operators/login',
    {
      config: { auth: { mode: 'public', action: 'operator.login' }, errors: ['conflict', 'unauthorized'] },
      schema: { tags: ['operators'], operationId: 'logIn', summary: 'Log an operator in with e-mail and password', body: loginBody, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const throttle = await operators.throttleLogin(request.body.email);
      if (!throttle.allowed) {
        const seconds = Math.max(1, Math.ceil(throttle.resetMs / 1000));
        reply.header('retry-after', seconds);
        return sendError(reply, request, 'rate_limited', `too many login attempts for this e-mail; retry in ${seconds}s`);
      }
      const session = await operators.login(request.body.email, request.body.password, request.body.storeId);
      return answer(request, reply, session, request.body.refreshIn);
    },
  );

  typed.post(
    '/v1/operators/refresh',
    {
      config: { auth: { mode: 'public', action: 'operator.refresh' }, errors: ['unauthorized'] },
      schema: { tags: ['operators'], operationId: 'refreshSession', summary: 'Renew the access token (the refresh token rotates: each is good once)', body: refreshBody, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const token = request.body.refreshToken ?? refreshCookie(request);
      if (!token) throw new AppError('unauthorized', 'no session: log in');
      try {
        return answer(request, reply, await operators.refresh(token, storeName), request.body.refreshIn);
      } catch (error) {
        if (request.body.refreshIn === 'cookie') clearRefreshCookie(reply);
        throw error;
      }
    },
  );

  typed.post(
    '/v1/operators/invitations/accept',
    {
      config: { auth: { mode: 'public', action: 'operator.accept_invite' }, errors: ['not_found'] },
      schema: { tags: ['operators'], operationId: 'acceptInvitation', summary: 'Accept an invitation: choose a password and start a session', body: acceptInviteBody, response: { 200: sessionResponse } },
    },
    async (request, reply) => answer(request, reply, await operators.acceptInvite(request.body.token, request.body.password, storeName), request.body.refreshIn),
  );

  typed.post(
    '/v1/operators/logout',
    {
      config: { auth: { mode: 'store', action: 'operator.logout' } },
      schema: { tags: ['operators'], operationId: 'logOut', summary: 'End this session (its access token stops working at once)', response: { 204: z.null().describe('logged out') } },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (principal?.type !== 'operator') throw new AppError('forbidden', 'only an operator session can log out');
      await operators.logout(principal.sessionId);
      clearRefreshCookie(reply);
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/v1/operators/me',
    {
      config: { auth: { mode: 'store' } },
      schema: { tags: ['operators'], operationId: 'getCurrentOperator', summary: 'The logged-in operator, their store and what their role allows', querystring: z.strictObject({}), response: { 200: meResponse } },
    },
    async (request) => {
      const principal = request.principal;
      if (principal?.type !== 'operator') throw new AppError('forbidden', 'this call needs an operator session');
      const operator = await operators.get(principal.storeId, principal.operatorId);
      return { operator, store: { id: principal.storeId, name: await storeName(principal.storeId) }, scopes: principal.scopes };
    },
  );
}
