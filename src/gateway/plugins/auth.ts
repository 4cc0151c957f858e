import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorStatus } from '../../core/errors';
import fp from 'fastify-plugin';
import type { ApiKeyService } from '../../core/api-key-service';
import { grants } from '../../core/scopes';
import type { StoreService } from '../../core/store-service';
import type { Principal, RouteAuth } from '../auth-context';
import { adminTokenMatches, type TokenIssuer } from '../tokens';
import type { AuthFailureThrottle } from './auth-failures';
import { sendError } from './errors';

export interface AuthDeps {
  adminToken: string;
  apiKeys: ApiKeyService;
  stores: StoreService;
  tokens: TokenIssuer;
  /** Operator sessions end at logout even though their access token has not expired yet. */
  operatorSessions?: { sessionRevoked(sessionId: string): Promise<boolean> } | undefined;
  /** Failed authentications are counted per client address; past the limit the address waits out the window. */
  failures?: AuthFailureThrottle;
}

interface Identified {
  principal: Principal;
  /** The revocation epoch a locally cached key was validated at. */
  epoch?: number;
}

async function identify(header: string | undefined, deps: AuthDeps): Promise<Identified | null | 'malformed'> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return 'malformed';
  const credential = match[1]!;
  if (credential.startsWith('sk_') || credential.startsWith('pk_')) {
    const found = await deps.apiKeys.authenticate(credential);
    if (!found) return 'malformed';
    const { key, epoch } = found;
    return { principal: { type: key.kind === 'secret' ? 'api_key' : 'widget_key', keyId: key.id, storeId: key.storeId, scopes: key.scopes }, ...(epoch !== undefined ? { epoch } : {}) };
  }
  if (credential.split('.').length === 3) {
    const claims = await deps.tokens.verify(credential);
    if (!claims) return 'malformed';
    const operator = claims.operator;
    if (!operator) return { principal: { type: 'service', subject: claims.subject, storeId: claims.storeId, scopes: claims.scopes } };
    if (!deps.operatorSessions || (await deps.operatorSessions.sessionRevoked(operator.sessionId))) return 'malformed';
    return { principal: { type: 'operator', operatorId: operator.id, storeId: claims.storeId, scopes: claims.scopes, role: operator.role, name: operator.name, sessionId: operator.sessionId } };
  }
  return adminTokenMatches(credential, deps.adminToken) ? { principal: { type: 'admin' } } : 'malformed';
}

/**
 * A widget's conversation token reads that one conversation (api.md): on a route open to widgets the
 * token stands in for the read scope, and the route checks it against the conversation it loads.
 */
function readsOwnConversation(request: FastifyRequest, principal: Principal, auth: RouteAuth): boolean {
  return principal.type === 'widget_key' && auth.allowWidget === true && auth.scope === 'conversations:read' && typeof request.headers['x-conversation-token'] === 'string';
}

/**
 * A browser leaves `Origin` off a same-origin GET (the widget on a page this gateway serves, as /demo);
 * its `Sec-Fetch-Site` (which no page script can set) says so, and the origin is then the gateway's own.
 */
function sameOrigin(request: FastifyRequest): string | undefined {
  if (request.headers['sec-fetch-site'] !== 'same-origin' || !request.headers.host) return undefined;
  return `${request.protocol}://${request.headers.host}`;
}

/** Checks what the route asks for against who is calling; answers 401/403/404 itself. */
async function authorize(request: FastifyRequest, reply: FastifyReply, auth: RouteAuth, deps: AuthDeps): Promise<void> {
  const identified = await identify(request.headers.authorization, deps);
  if (identified === null) return void sendError(reply, request, 'unauthorized', 'missing credentials: send Authorization: Bearer <key>');
  if (identified === 'malformed') {
    if (deps.failures && !(await deps.failures.failed(request.ip))) return void refuseAddress(request, reply, deps.failures);
    return void sendError(reply, request, 'unauthorized', 'invalid, unknown or revoked credentials');
  }
  const { principal } = identified;
  request.principal = principal;
  request.authEpoch = identified.epoch ?? null;

  if (auth.mode === 'admin') {
    if (principal.type !== 'admin') return void sendError(reply, request, 'forbidden', 'this call needs the instance admin token');
    return;
  }
  if (principal.type === 'admin') return void sendError(reply, request, 'forbidden', 'the admin token cannot act as a store; use a store API key');
  if (principal.type === 'widget_key') {
    if (!auth.allowWidget) return void sendError(reply, request, 'forbidden', 'widget keys cannot call this endpoint');
    const origin = request.headers.origin ?? sameOrigin(request);
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
  if (auth.scope && !grants(principal.scopes, auth.scope) && !readsOwnConversation(request, principal, auth)) {
    const who = principal.type === 'operator' ? `an operator with the ${principal.role} role` : 'this key';
    return void sendError(reply, request, 'forbidden', `${who} lacks the ${auth.scope} scope`);
  }
}

function refuseAddress(request: FastifyRequest, reply: FastifyReply, failures: AuthFailureThrottle) {
  const seconds = Math.max(1, Math.ceil(failures.blockedForMs(request.ip) / 1000));
  reply.header('Retry-After', seconds);
  sendError(reply, request, 'rate_limited', `too many failed authentications from this address; retry in ${seconds}s`);
}

/** Authentication and authorization for every route, from its `config.auth`. Routes without it are public. */
export const authPlugin = fp(async (app: FastifyInstance, deps: AuthDeps) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('authEpoch', null);
  app.decorateRequest('revocationEpoch', null);
  app.addHook('onRequest', async (request, reply) => {
    const auth = request.routeOptions.config.auth;
    if (!auth) return;
    // An address past its failed-authentication budget is refused before any credential or password is looked at.
    if (deps.failures && deps.failures.blockedForMs(request.ip) > 0) {
      refuseAddress(request, reply, deps.failures);
      return reply;
    }
    if (auth.mode === 'public') return;
    await authorize(request, reply, auth, deps);
    if (reply.sent) return reply;
  });
});

/**
 * Public routes that authenticate by themselves (operator login, refresh, invitation) count their
 * 401s against the address too: credential stuffing over many e-mails from one address is throttled
 * on top of the per-e-mail login limit.
 */
export const publicAuthFailuresPlugin = fp(async (app: FastifyInstance, { failures }: { failures: AuthFailureThrottle }) => {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 401 || request.routeOptions.config.auth?.mode !== 'public' || (await failures.failed(request.ip))) return payload;
    // The failure that spent the budget is answered like the ones after it.
    const seconds = Math.max(1, Math.ceil(failures.blockedForMs(request.ip) / 1000));
    reply.code(errorStatus.rate_limited).header('retry-after', seconds);
    return JSON.stringify({ error: { code: 'rate_limited', message: `too many failed authentications from this address; retry in ${seconds}s`, requestId: request.id } });
  });
});

/**
 * Runs after the rate limiter, which read the cluster's revocation epoch in its own round trip:
 * a key validated from this instance's cache before a revocation elsewhere is checked again.
 */
export const authRecheckPlugin = fp(async (app: FastifyInstance, { apiKeys }: { apiKeys: ApiKeyService }) => {
  app.addHook('onRequest', async (request, reply) => {
    // `== null`: contexts registered before these decorators see undefined.
    if (reply.sent || request.authEpoch == null || request.revocationEpoch == null || request.revocationEpoch <= request.authEpoch) return;
    const credential = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (credential && (await apiKeys.recheck(credential))) return;
    sendError(reply, request, 'unauthorized', 'invalid, unknown or revoked credentials');
    return reply;
  });
});
