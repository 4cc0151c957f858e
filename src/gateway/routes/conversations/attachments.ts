import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { MAX_PHOTO_BYTES } from '../../../core/evidence-photo';
import type { EvidenceService } from '../../../core/evidence-service';
import { assertConversationAccess, callerStore } from './access';
import { conversationIdParams } from './schema';

// base64 of the largest photo, and a little room for the JSON around it.
const MAX_BASE64 = Math.ceil(MAX_PHOTO_BYTES / 3) * 4;

const attachmentSchema = z.object({
  id: z.string().describe('name it in `attachments` of the next message to send the photo'),
  conversationId: z.string(),
  contentType: z.enum(['image/png', 'image/jpeg', 'image/webp']).describe('read from the bytes, whatever was declared'),
  size: z.number().int().describe('bytes as stored, after metadata (EXIF/GPS, XMP, text) was removed'),
  source: z.enum(['api', 'widget', 'email']),
  messageId: z.string().nullable().describe('the shopper message it was sent with; null until sent'),
  createdAt: z.date(),
});
const linkSchema = attachmentSchema.extend({
  url: z.string().describe('a signed link to the photo that stops working at expiresAt; never a public address'),
  expiresAt: z.string(),
});

/**
 * Photos a shopper attaches as evidence for a claim (docs/adr/0034). POST stores one (base64; its
 * type read from its bytes; PNG, JPEG or WebP up to 5 MB; metadata stripped) and answers its id,
 * which the next message names in `attachments`. GET lists them for the store's own callers with
 * short signed links; a widget key cannot read them back.
 */
export async function attachmentRoutes(app: FastifyInstance, { conversations, evidence }: { conversations: ConversationService; evidence: EvidenceService }) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/v1/conversations/:id/attachments',
    {
      bodyLimit: MAX_BASE64 + 4096,
      config: { auth: { mode: 'store', scope: 'conversations:write', allowWidget: true, action: 'conversation.attachment' }, errors: ['conflict', 'unprocessable'] },
      schema: {
        tags: ['conversations'],
        operationId: 'uploadAttachment',
        summary: 'Attach a photo to a conversation (PNG, JPEG or WebP, at most 5 MB, base64); send it with the next message',
        security: [{ bearer: [] }],
        params: conversationIdParams,
        body: z.strictObject({ image: z.base64('image must be base64').max(MAX_BASE64, 'the photo must be at most 5 MB') }),
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const storeId = callerStore(request);
      const conversation = await conversations.find(storeId, request.params.id);
      assertConversationAccess(request, conversation);
      const source = request.principal?.type === 'widget_key' ? 'widget' : 'api';
      const stored = await evidence.store(storeId, conversation.id, new Uint8Array(Buffer.from(request.body.image, 'base64')), source);
      const { objectKey: _key, sha256: _sha, ...shown } = stored;
      return reply.status(201).send({ ...shown, contentType: shown.contentType as 'image/png' });
    },
  );

  typed.get(
    '/v1/conversations/:id/attachments',
    {
      config: { auth: { mode: 'store', scope: 'conversations:read' } },
      schema: {
        tags: ['conversations'],
        operationId: 'listAttachments',
        summary: "The conversation's photos with signed links that expire in 10 minutes (operators and the store's own keys)",
        security: [{ bearer: [] }],
        params: conversationIdParams,
        response: { 200: z.object({ data: z.array(linkSchema) }) },
      },
    },
    async (request) => {
      const storeId = callerStore(request);
      const conversation = await conversations.find(storeId, request.params.id);
      const data = await evidence.links(storeId, conversation.id);
      return { data: data.map((a) => ({ ...a, contentType: a.contentType as 'image/png' })) };
    },
  );
}
