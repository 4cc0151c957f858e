import { z } from 'zod';
import { plainText } from '../../../core/safe-text';
import { channels, conversationStatuses } from '../../../core/conversation';

/** The conversation API's shapes (api.md): validation, OpenAPI and types from one place. */
export const conversationIdParams = z.strictObject({ id: z.uuid('conversation id must be a UUID') });

export const messageSchema = z.object({
  id: z.string(),
  role: z.enum(['customer', 'assistant', 'agent', 'system']),
  content: z.string(),
  createdAt: z.date(),
  channel: z.enum(channels),
  citations: z
    .array(z.object({ title: z.string(), source: z.string() }))
    .optional()
    .describe('the knowledge-base passages an assistant answer quotes'),
  quickReplies: z.array(z.string()).optional().describe("an answer's buttons that answer its question (yes/no, the items of an order)"),
  card: z
    .object({
      kind: z.literal('order'),
      order: z.string(),
      status: z.string(),
      carrier: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      trackingUrl: z.string().nullable(),
      eta: z.string().nullable(),
    })
    .optional()
    .describe('an answer about an order: the order at a glance with its tracking link'),
  trace: z
    .object({
      analysis: z
        .record(z.string(), z.unknown())
        .optional()
        .describe("a shopper's message: what the agent understood (intent, confidence, sentiment, entities…)"),
      specialist: z.string().nullable().optional().describe('an answer: the specialist that produced it'),
      template: z.string().nullable().optional().describe('an answer: the reply template'),
      latencyMs: z.number().optional().describe("an answer: the agent's time for the turn"),
      author: z.string().optional().describe('a human reply: who wrote it'),
      actionId: z.string().optional().describe('an answer about a decided action'),
      tools: z
        .array(z.object({ tool: z.string(), ok: z.boolean(), ms: z.number(), result: z.string().describe('in a few words: found, nothing found, outcome: refunded…') }))
        .optional()
        .describe('an answer: the tools the agent called for it, in order'),
      decision: z
        .object({
          kind: z.string(),
          outcome: z.enum(['allow', 'deny', 'review']),
          reasons: z.array(z.string()),
          questions: z.array(z.string()),
          amountCents: z.number().optional(),
        })
        .optional()
        .describe("an answer: the policy's decision in this turn with its reasons, also when it led to no action (a question asked, a refusal)"),
    })
    .optional()
    .describe("the store's view of the turn (never shown to a widget)"),
});

export const actionSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(['completed', 'pending', 'rejected', 'failed']),
  data: z.record(z.string(), z.unknown()),
  reasons: z.array(z.string()),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
  conversationId: z.string().nullable().optional(),
});

export const conversationSchema = z.object({
  id: z.string(),
  channel: z.enum(channels),
  status: z.enum(conversationStatuses),
  customerId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  handoff: z.object({ reason: z.string(), summary: z.string(), at: z.string() }).nullable(),
  followUp: z
    .object({ email: z.string(), at: z.string() })
    .nullable()
    .optional()
    .describe('an e-mail the shopper left on the widget for a person to write back to (not a proof of identity)'),
});

export const analysisSchema = z.object({
  intent: z.string(),
  route: z.string(),
  sentiment: z.string(),
  sentimentScore: z.number(),
  frustration: z.boolean(),
  confidence: z.number(),
  language: z.string(),
  subIntents: z.array(z.string()),
  entities: z.record(z.string(), z.array(z.string())),
});

export const turnSchema = z.object({
  message: messageSchema,
  reply: messageSchema.nullable(),
  analysis: analysisSchema.nullable(),
  actions: z.array(actionSchema),
  escalated: z.boolean(),
  escalationReason: z.string().nullable().optional(),
});

const content = z.string().trim().min(1, 'content must not be empty').max(8000, 'content is limited to 8000 characters');

export const createConversationBody = z.strictObject({
  channel: z.enum(channels).default('api'),
  customer: z.strictObject({ email: z.email().optional(), name: plainText('name', z.string().max(200)).optional(), externalId: z.string().max(200).optional() }).optional(),
  message: z.strictObject({ content }).optional(),
});

export const createConversationResponse = conversationSchema.extend({
  accessToken: z.string().optional().describe('widget conversations only: send it as X-Conversation-Token on later calls; shown once'),
  reply: turnSchema.nullable(),
});

export const followUpBody = z.strictObject({ email: z.email('email must be an e-mail address').max(320) });

export const postMessageBody = z.strictObject({
  content: z.string().trim().max(8000, 'content is limited to 8000 characters').default('').describe('the shopper\'s words; may be empty when `attachments` names a photo'),
  attachments: z.array(z.uuid('attachment ids are UUIDs')).max(4, 'a message may carry at most 4 photos').optional().describe('photos uploaded with POST /v1/conversations/{id}/attachments, sent with this message'),
});
export const humanReplyBody = z.strictObject({ content, author: z.string().trim().min(1).max(200).optional() });

export const listQuery = z.strictObject({
  status: z.enum(conversationStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const conversationDetail = conversationSchema.extend({ messages: z.array(messageSchema), actions: z.array(actionSchema) });
