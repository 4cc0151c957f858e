import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiKeyService } from '../../core/api-key-service';
import { grants } from '../../core/scopes';
import type { StoreService } from '../../core/store-service';
import type { Principal, RouteAuth } from '../auth-context';
import { adminTokenMatches, type TokenIssuer } from '../tokens';
import { sendError } from './errors';

export interface AuthDeps {
  adminToken: string;
  apiKeys: ApiKeyService;
  stores: StoreService;
  tokens: TokenIssuer;
}

async function identify(header: string | undefined, deps: AuthDeps): Promise<Principal | null | 'malformed'> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return 'malformed';
  const credential = match[1]!;
  if (credential.startsWith('sk_') || credential.startsWith('pk_')) {
    const key = await deps.apiKeys.authenticate(credential);
    if (!key) return 'malformed';
    return { type: key.kind === 'secret' ? 'api_key' : 'widget_key', keyId: key.id, storeId: key.storeId, scopes: key.scopes };
  }
  if (credential.split('.').length === 3) {
    const claims = await deps.tokens.verify(credential);
    return claims ? { type: 'service', subject: claims.subject, storeId: claims.storeId, scopes: claims.scopes } : 'malformed';
  }
  return adminTokenMatches(credential, deps.adminToken) ? { type: 'admin' } : 'malformed';
}

/** Checks what the route asks for against who is calling; answers 401/403/404 itself. */
async function authorize(request: FastifyRequest, reply: FastifyReply, auth: RouteAuth, deps: AuthDeps): Promise<void> {
  const principal = await identify(request.headers.authorization, deps);
  if (principal === null) return void sendError(reply, request, 'unauthorized', 'missing credentials: send Authorization: Bearer <key>');
  if (principal === 'malformed') return void sendError(reply, request, 'unauthorized', 'invalid, unknown or revoked credentials');
  request.principal = principal;

  if (auth.mode === 'admin') {
    if (principal.type !== 'admin') return void sendError(reply, request, 'forbidden', 'this call needs the instance admin token');
    return;
  }
  if (principal.type === 'admin') return void sendError(reply, request, 'forbidden', 'the admin token cannot act as a store; use a store API key');
  if (principal.type === 'widget_key') {
    if (!auth.allowWidget) return void sendError(reply, request, 'forbidden', 'widget keys cannot call this endpoint');
    const origin = request.headers.origin;
    const { allowedOrigins } = await deps.stores.settings(principal.storeId);
    if (!origin || !allowedOrigins.includes(origin.toLowerCase())) {
      return void sendError(reply, request, 'forbidden', `origin ${origin ?? '(none)'} is not allowed for this widget key`);
    }
  }
  // A path naming another store is answered as if that store did not exist.
  const pathStoreId = (request.params as { storeId?: string } | undefined)?.storeId;
  if (pathStoreId !== undefined && pathStoreId !== principal.storeId) {
    return void sendError(reply, request, 'not_found', `store ${pathStoreId} not found`);
  }
  if (auth.scope && !grants(principal.scopes, auth.scope)) {
    return void sendError(reply, request, 'forbidden', `this key lacks the ${auth.scope} scope`);
  }
}

/** Authentication and authorization for every route, from its `config.auth`. Routes without it are public. */
export const authPlugin = fp(async (app: FastifyInstance, deps: AuthDeps) => {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    const auth = request.routeOptions.config.auth;
    if (!auth || auth.mode === 'public') return;
    await authorize(request, reply, auth, deps);
    if (reply.sent) return reply;
  });
});
