import { createHash, randomUUID } from 'node:crypto';
import { AppError } from './errors';
import { checkPhoto } from './evidence-photo';
import type { ConversationAttachment, ConversationAttachmentStore } from './ports/conversation-attachments';
import type { ObjectStorage } from './ports/object-storage';

/** How long an operator's link to a photo works (long enough to look, short enough not to be shared). */
export const EVIDENCE_LINK_SECONDS = 600;
/** Photos one conversation may hold (a claim needs one or two; more is a flood). */
export const MAX_PHOTOS_PER_CONVERSATION = 10;
/** Photos one message may carry. */
export const MAX_PHOTOS_PER_MESSAGE = 4;

const EXTENSION = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

export interface AttachmentLink extends Omit<ConversationAttachment, 'objectKey' | 'sha256'> {
  /** A signed link that stops working after EVIDENCE_LINK_SECONDS; for operators only. */
  url: string;
  expiresAt: string;
}

export interface EvidenceServiceDeps {
  storage: ObjectStorage;
  attachments: ConversationAttachmentStore;
  now?: () => Date;
}

/**
 * Shoppers' photos for claims (docs/adr/0034): checked by their bytes and stripped of metadata
 * before they are stored in object storage under a key of our making; never served publicly, only
 * through short signed links to operators; named by a shopper message before the agent reads them.
 */
export function evidenceService(deps: EvidenceServiceDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    /** `name` makes the key repeatable (an e-mail's attachment stored again on a retried job is the same one). */
    async store(storeId: string, conversationId: string, bytes: Uint8Array, source: ConversationAttachment['source'], name?: string): Promise<ConversationAttachment> {
      const photo = checkPhoto(bytes);
      const key = `evidence/${name ?? randomUUID()}.${EXTENSION[photo.contentType]}`;
      const held = await deps.attachments.ofConversation(storeId, conversationId);
      const again = held.find((a) => a.objectKey === key);
      if (again) return again;
      if (held.length >= MAX_PHOTOS_PER_CONVERSATION) throw new AppError('conflict', `this conversation already holds ${MAX_PHOTOS_PER_CONVERSATION} photos`);
      const stored = await deps.storage.put(storeId, key, photo.bytes, photo.contentType);
      const sha256 = createHash('sha256').update(photo.bytes).digest('hex');
      return deps.attachments.add(storeId, { conversationId, objectKey: key, contentType: photo.contentType, size: stored.size, sha256, source });
    },

    /** The ids a shopper message names, checked: this conversation's own, not sent with another message, at most a few. */
    async checkUnsent(storeId: string, conversationId: string, ids: string[]): Promise<string[]> {
      const unique = [...new Set(ids)];
      if (unique.length > MAX_PHOTOS_PER_MESSAGE) throw new AppError('validation_failed', `a message may carry at most ${MAX_PHOTOS_PER_MESSAGE} photos`);
      if (unique.length === 0) return [];
      const held = new Map((await deps.attachments.ofConversation(storeId, conversationId)).map((a) => [a.id, a]));
      const unusable = unique.filter((id) => held.get(id)?.messageId !== null);
      if (unusable.length > 0) throw new AppError('unprocessable', 'attachments must be photos uploaded to this conversation and not yet sent with a message', { attachments: unusable });
      return unique;
    },

    link: (storeId: string, conversationId: string, ids: string[], messageId: string) => deps.attachments.link(storeId, conversationId, ids, messageId),

    /** The conversation's photos with links that expire, for the console. */
    async links(storeId: string, conversationId: string): Promise<AttachmentLink[]> {
      const expiresAt = new Date(now().getTime() + EVIDENCE_LINK_SECONDS * 1000).toISOString();
      const held = await deps.attachments.ofConversation(storeId, conversationId);
      return Promise.all(
        held.map(async ({ objectKey, sha256: _sha, ...rest }) => ({ ...rest, url: await deps.storage.signedUrl(storeId, objectKey, EVIDENCE_LINK_SECONDS), expiresAt })),
      );
    },
  };
}

export type EvidenceService = ReturnType<typeof evidenceService>;
