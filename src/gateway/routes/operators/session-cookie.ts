import type { FastifyReply, FastifyRequest } from 'fastify';

const COOKIE = 'concierge_refresh';
const PATH = '/v1/operators';

/** The refresh token as an HttpOnly, SameSite=Strict cookie scoped to the session routes: page scripts never see it. */
export function setRefreshCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  reply.header('set-cookie', `${COOKIE}=${token}; Path=${PATH}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`);
}

export function clearRefreshCookie(reply: FastifyReply) {
  reply.header('set-cookie', `${COOKIE}=; Path=${PATH}; HttpOnly; SameSite=Strict; Max-Age=0`);
}

export function refreshCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}
