import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { channels, conversationStatuses } from '../../../core/conversation';
import type { InboxReader } from '../../../core/ports/inbox';
import { callerStore } from '../conversations/access';

const inboxRow = z.object({
  id: z.string(),
  channel: z.enum(channels),
  status: z.enum(conversationStatuses),
  customer: z.object({ id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable() }),
  createdAt: z.date(),
  updatedAt: z.date(),
  handoffReason: z.string().nullable(),
  lastMessage: z.object({ role: z.string(), content: z.string().describe('the first 280 characters'), at: z.date() }).nullable(),
  intent: z.string().nullable().describe("the intent of the shopper's latest message"),
  sentiment: z.string().nullable(),
  pendingActions: z.number().int().describe('actions waiting for a human decision'),
});

const inboxQuery = z.strictObject({
  status: z.enum(conversationStatuses).optional(),
  channel: z.enum(channels).optional(),
  intent: z.string().trim().min(1).max(64).optional(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
  q: z.string().trim().min(1).max(200).optional().describe("words in any message, or the shopper's name or e-mail"),
  before: z.iso.datetime({ offset: true }).optional().describe('the updatedAt of the last row of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** GET /v1/inbox: the operators' view of the store's conversations, filtered and searched. */
export async function inboxRoute(app: FastifyInstance, { inbox }: { inbox: InboxReader }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/inbox',
    {
      config: { auth: { mode: 'store', scope: 'conversations:read' } },
      schema: {
        tags: ['conversations'],
        operationId: 'listInbox',
        summary: 'The inbox: conversations with their latest message, intent, sentiment and pending actions, newest activity first',
        querystring: inboxQuery,
        response: {
          200: z.object({ data: z.array(inboxRow), counts: z.object({ open: z.number().int(), pending: z.number().int(), handed_off: z.number().int(), resolved: z.number().int() }).describe('conversations per status, for the tabs'), nextBefore: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const storeId = callerStore(request);
      const { q, before, ...filters } = request.query;
      const [data, counts] = await Promise.all([
        inbox.list(storeId, { ...filters, search: q, before: before ? new Date(before) : undefined }),
        inbox.counts(storeId),
      ]);
      return { data, counts, nextBefore: data.length === filters.limit ? data[data.length - 1]!.updatedAt.toISOString() : null };
    },
  );
}
