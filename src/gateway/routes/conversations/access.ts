import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Conversation } from '../../../core/conversation';
import { AppError } from '../../../core/errors';
import { principalStoreId } from '../../auth-context';

/** The store of the calling key (routes without a store in the path). */
export function callerStore(request: FastifyRequest): string {
  const storeId = principalStoreId(request.principal);
  if (!storeId) throw new AppError('forbidden', 'this call needs a store key');
  return storeId;
}

/** A widget key reaches only the conversations it started: it must show that conversation's token. */
export function assertConversationAccess(request: FastifyRequest, conversation: Conversation): void {
  if (request.principal?.type !== 'widget_key') return;
  const token = request.headers['x-conversation-token'];
  const expected = conversation.metadata.accessTokenHash;
  const presented = typeof token === 'string' ? createHash('sha256').update(token).digest() : undefined;
  if (!expected || !presented || !timingSafeEqual(presented, Buffer.from(expected, 'hex'))) {
    throw new AppError('not_found', `conversation ${conversation.id} not found`);
  }
}
