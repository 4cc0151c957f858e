import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import type { AnalyticsReader } from '../../../core/ports/analytics';
import { callerStore } from '../conversations/access';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366;
const counted = z.object({ count: z.number().int(), amountCents: z.number().int() });

const summarySchema = z.object({
  from: z.date(),
  to: z.date(),
  conversations: z.object({ total: z.number().int(), perDay: z.array(z.object({ day: z.string(), count: z.number().int() })) }),
  automation: z.object({
    rate: z.number().nullable().describe('automated / conversations with a shopper message'),
    automated: z.number().int(),
    counted: z.number().int(),
    definition: z.string().describe('the open definition, word for word'),
    conversations: z
      .array(z.object({ id: z.string(), automated: z.boolean(), reason: z.string() }))
      .describe('every conversation of the period with its verdict, to audit'),
  }),
  handoffs: z.object({ rate: z.number().nullable(), count: z.number().int(), reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })) }),
  intents: z.array(z.object({ intent: z.string(), count: z.number().int() })),
  sentiment: z.array(z.object({ day: z.string(), positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() })),
  latencyMs: z
    .object({ p50: z.number().nullable(), p99: z.number().nullable(), turns: z.number().int() })
    .describe("the agent's time per turn, from the shopper's message to the committed reply"),
  refunds: z.object({ automatic: counted, approved: counted, rejected: z.number().int(), pending: z.number().int(), currency: z.string().nullable() }),
  model: z
    .object({
      tokensUsed: z.number().int(),
      costUsd: z.number(),
      calls: z.number().int(),
      failures: z.number().int().describe('calls that failed, timed out or met an open circuit: the offline path answered'),
      rejected: z.number().int().describe('answers set aside: a bad disagreement with the offline reading, or a fact the facts do not hold'),
      conversations: z.array(z.object({ id: z.string(), tokensUsed: z.number().int(), costUsd: z.number() })).describe('per conversation, costliest first (50 at most)'),
    })
    .describe('the remote model (CONCIERGE_MODEL=openai|anthropic): tokens_used and cost per conversation, from CONCIERGE_MODEL_PRICES'),
  satisfaction: z
    .object({
      ratings: z.number().int(),
      positive: z.number().int(),
      score: z.number().nullable(),
      thumbsUp: z.number().int(),
      thumbsDown: z.number().int(),
      note: z.string(),
    })
    .describe("shoppers' ratings (1–5) of resolved conversations and thumbs on answers, from the widget"),
});

/** GET /v1/analytics/summary?from=&to=: what the agent did and saved over a period (default: the last 30 days). */
export async function analyticsRoutes(app: FastifyInstance, { analytics }: { analytics: AnalyticsReader }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/analytics/summary',
    {
      config: { auth: { mode: 'store', scope: 'conversations:read' } },
      schema: {
        tags: ['analytics'],
        operationId: 'getAnalyticsSummary',
        summary: 'Automation rate (open definition, each conversation with its verdict), handoffs, intents, sentiment, latency, refunds, satisfaction',
        querystring: z.strictObject({
          from: z.iso.date().optional().describe('first day, YYYY-MM-DD (UTC); default 30 days before `to`'),
          to: z.iso.date().optional().describe('last day included, YYYY-MM-DD (UTC); default today'),
        }),
        response: { 200: summarySchema },
      },
    },
    async (request) => {
      const toDay = request.query.to ? new Date(`${request.query.to}T00:00:00Z`) : new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
      const to = new Date(toDay.getTime() + DAY_MS);
      const from = request.query.from ? new Date(`${request.query.from}T00:00:00Z`) : new Date(to.getTime() - 30 * DAY_MS);
      if (from >= to) throw new AppError('validation_failed', 'query.from must be on or before query.to');
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw new AppError('validation_failed', `a range is at most ${MAX_RANGE_DAYS} days`);
      return analytics.summary(callerStore(request), from, to);
    },
  );
}
