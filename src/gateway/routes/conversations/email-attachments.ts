import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import type { EmailAttachmentLinks } from '../../../core/email-attachments';
import { callerStore } from './access';
import { conversationIdParams } from './schema';

const fileSchema = z.object({
  emailId: z.string().describe('the inbound e-mail the file came with'),
  receivedAt: z.date(),
  filename: z.string().describe('the name the sender gave the file: text to show, never a path'),
  contentType: z.string().describe('as the e-mail declared it; images, PDFs and plain text open in the browser, anything else downloads'),
  size: z.number().int(),
  url: z.string().describe('a signed link to the file that stops working at expiresAt; never a public address'),
  expiresAt: z.string(),
});

/**
 * GET /v1/conversations/{id}/email-attachments: every file the shopper e-mailed into the conversation (not only the
 * photos taken as evidence), with 10-minute signed links, for the store's own callers (the console's conversation view).
 */
export async function emailAttachmentRoutes(app: FastifyInstance, { conversations, emailAttachments }: { conversations: ConversationService; emailAttachments: EmailAttachmentLinks }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/conversations/:id/email-attachments',
    {
      config: { auth: { mode: 'store', scope: 'conversations:read' } },
      schema: {
        tags: ['conversations'],
        operationId: 'listEmailAttachments',
        summary: 'The files the shopper e-mailed into the conversation, with signed links that expire in 10 minutes (operators and the store\'s own keys)',
        security: [{ bearer: [] }],
        params: conversationIdParams,
        response: { 200: z.object({ data: z.array(fileSchema) }) },
      },
    },
    async (request) => {
      const storeId = callerStore(request);
      const conversation = await conversations.find(storeId, request.params.id);
      return { data: await emailAttachments.list(storeId, conversation.id) };
    },
  );
}
