import { AUTOMATION_DEFINITION, automationVerdict, RECONTACT_WINDOW_MS, type ConversationFacts } from '../../core/automation';
import type { AnalyticsReader, AnalyticsSummary } from '../../core/ports/analytics';
import type { Database } from '../database';

const MAX_CONVERSATIONS = 5000;
const SATISFACTION_NOTE =
  "shoppers' 1–5 rating of resolved conversations (score: the mean; positive: 4 or 5) and thumbs on answers, from the widget, by the time they were given";
const num = (v: unknown) => Number(v ?? 0);
const dateOf = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const dayOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** Analytics computed in SQL over conversations, messages and actions of one store and period. */
export function analyticsRepository(database: Database): AnalyticsReader {
  const q = <T>(sql: string, params: unknown[]) => database.query<T & Record<string, unknown>>(sql, params);

  async function facts(storeId: string, from: Date, to: Date): Promise<ConversationFacts[]> {
    const rows = await q<Record<string, unknown>>(
      `SELECT c.id, c.customer_id, c.status, c.created_at, c.updated_at,
              EXISTS (SELECT 1 FROM actions a WHERE a.store_id = c.store_id AND a.conversation_id = c.id AND a.action_type = 'handoff') AS handed_off,
              EXISTS (SELECT 1 FROM messages m WHERE m.store_id = c.store_id AND m.conversation_id = c.id AND m.role = 'agent') AS human_replied,
              (SELECT m.metadata->'analysis'->>'intent' FROM messages m WHERE m.store_id = c.store_id AND m.conversation_id = c.id AND m.role = 'customer' ORDER BY m.created_at ASC LIMIT 1) AS first_intent,
              last.intent AS last_intent, last.sentiment AS last_sentiment, last.n AS customer_messages
         FROM conversations c
         LEFT JOIN LATERAL (
           SELECT m.metadata->'analysis'->>'intent' AS intent, m.metadata->'analysis'->>'sentiment' AS sentiment,
                  (SELECT count(*) FROM messages x WHERE x.store_id = c.store_id AND x.conversation_id = c.id AND x.role = 'customer')::int AS n
             FROM messages m WHERE m.store_id = c.store_id AND m.conversation_id = c.id AND m.role = 'customer' ORDER BY m.created_at DESC LIMIT 1) last ON true
        WHERE c.store_id = $1 AND c.created_at >= $2 AND c.created_at < $3
        ORDER BY c.created_at DESC LIMIT ${MAX_CONVERSATIONS}`,
      [storeId, from, to],
    );
    return rows.map((r) => ({
      id: String(r.id),
      customerId: (r.customer_id as string | null) ?? null,
      status: String(r.status),
      createdAt: dateOf(r.created_at),
      lastActivityAt: dateOf(r.updated_at),
      handedOff: Boolean(r.handed_off),
      humanReplied: Boolean(r.human_replied),
      firstIntent: (r.first_intent as string | null) ?? null,
      lastCustomer:
        num(r.customer_messages) > 0
          ? {
              intent: (r.last_intent as string | null) ?? null,
              sentiment: (r.last_sentiment as string | null) ?? null,
              isFirst: num(r.customer_messages) === 1,
            }
          : null,
    }));
  }

  async function laterConversations(storeId: string, customerIds: string[], from: Date, until: Date) {
    if (customerIds.length === 0) return new Map<string, { createdAt: Date; firstIntent: string | null }[]>();
    const rows = await q<Record<string, unknown>>(
      `SELECT c.customer_id, c.created_at,
              (SELECT m.metadata->'analysis'->>'intent' FROM messages m WHERE m.store_id = c.store_id AND m.conversation_id = c.id AND m.role = 'customer' ORDER BY m.created_at ASC LIMIT 1) AS first_intent
         FROM conversations c WHERE c.store_id = $1 AND c.customer_id = ANY($2::text[]) AND c.created_at >= $3 AND c.created_at < $4`,
      [storeId, customerIds, from, until],
    );
    const byCustomer = new Map<string, { createdAt: Date; firstIntent: string | null }[]>();
    for (const r of rows) {
      const list = byCustomer.get(String(r.customer_id)) ?? [];
      list.push({ createdAt: dateOf(r.created_at), firstIntent: (r.first_intent as string | null) ?? null });
      byCustomer.set(String(r.customer_id), list);
    }
    return byCustomer;
  }

  return {
    async summary(storeId, from, to) {
      const range = [storeId, from, to];
      const conversations = await facts(storeId, from, to);
      const customers = [...new Set(conversations.map((c) => c.customerId).filter((id): id is string => id !== null))];
      const later = await laterConversations(storeId, customers, from, new Date(to.getTime() + RECONTACT_WINDOW_MS));
      const verdicts = conversations.map((c) =>
        automationVerdict(
          c,
          (c.customerId ? (later.get(c.customerId) ?? []) : []).filter((o) => o.createdAt > c.createdAt),
        ),
      );
      const automated = verdicts.filter((v) => v.automated).length;
      const withCustomerMessage = conversations.filter((c) => c.lastCustomer !== null);
      const handedOff = conversations.filter((c) => c.handedOff).length;

      const [perDay, reasons, intents, sentiment, latency, refunds, currency, feedback, model] = await Promise.all([
        q<{ day: unknown; n: unknown }>(
          `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS n FROM conversations WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY 1 ORDER BY 1`,
          range,
        ),
        q<{ reason: unknown; n: unknown }>(
          `SELECT coalesce(action_data->>'reason', 'unspecified') AS reason, count(*)::int AS n FROM actions WHERE store_id = $1 AND action_type = 'handoff' AND created_at >= $2 AND created_at < $3 GROUP BY 1 ORDER BY 2 DESC`,
          range,
        ),
        q<{ intent: unknown; n: unknown }>(
          `SELECT metadata->'analysis'->>'intent' AS intent, count(*)::int AS n FROM messages WHERE store_id = $1 AND role = 'customer' AND metadata ? 'analysis' AND created_at >= $2 AND created_at < $3 GROUP BY 1 ORDER BY 2 DESC`,
          range,
        ),
        q<Record<string, unknown>>(
          `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
                  count(*) FILTER (WHERE metadata->'analysis'->>'sentiment' = 'positive')::int AS positive,
                  count(*) FILTER (WHERE metadata->'analysis'->>'sentiment' = 'neutral')::int AS neutral,
                  count(*) FILTER (WHERE metadata->'analysis'->>'sentiment' = 'negative')::int AS negative
             FROM messages WHERE store_id = $1 AND role = 'customer' AND metadata ? 'analysis' AND created_at >= $2 AND created_at < $3 GROUP BY 1 ORDER BY 1`,
          range,
        ),
        q<{ p50: unknown; p99: unknown; n: unknown }>(
          `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (metadata->>'latencyMs')::float) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY (metadata->>'latencyMs')::float) AS p99, count(*)::int AS n
             FROM messages WHERE store_id = $1 AND role = 'assistant' AND metadata ? 'latencyMs' AND created_at >= $2 AND created_at < $3`,
          range,
        ),
        q<{ kind: unknown; n: unknown; cents: unknown }>(
          `SELECT CASE WHEN status = 'completed' AND action_data ? 'decidedBy' THEN 'approved' WHEN status = 'completed' THEN 'automatic' ELSE status END AS kind,
                  count(*)::int AS n, coalesce(sum((action_data->>'amountCents')::bigint), 0)::bigint AS cents
             FROM actions WHERE store_id = $1 AND action_type = 'process_refund' AND created_at >= $2 AND created_at < $3 GROUP BY 1`,
          range,
        ),
        q<{ currency: unknown }>(
          `SELECT action_data->>'currency' AS currency FROM actions WHERE store_id = $1 AND action_type = 'process_refund' AND action_data ? 'currency' LIMIT 1`,
          [storeId],
        ),
        q<Record<string, unknown>>(
          `SELECT count(*) FILTER (WHERE kind = 'rating')::int AS ratings, count(*) FILTER (WHERE kind = 'rating' AND score >= 4)::int AS positive,
                  avg(score) FILTER (WHERE kind = 'rating') AS score,
                  count(*) FILTER (WHERE kind = 'thumb' AND score = 1)::int AS up, count(*) FILTER (WHERE kind = 'thumb' AND score = -1)::int AS down
             FROM shopper_feedback WHERE store_id = $1 AND updated_at >= $2 AND updated_at < $3`,
          range,
        ),
        // The remote model's usage, stored with each reply (metadata.model), summed per conversation.
        q<Record<string, unknown>>(
          `SELECT conversation_id, sum((metadata->'model'->>'inputTokens')::bigint + (metadata->'model'->>'outputTokens')::bigint)::bigint AS tokens,
                  sum((metadata->'model'->>'costUsd')::float) AS cost, sum((metadata->'model'->>'calls')::int)::int AS calls,
                  sum((metadata->'model'->>'failures')::int)::int AS failures, sum((metadata->'model'->>'rejected')::int)::int AS rejected
             FROM messages WHERE store_id = $1 AND role = 'assistant' AND metadata ? 'model' AND created_at >= $2 AND created_at < $3
            GROUP BY conversation_id ORDER BY 3 DESC`,
          range,
        ),
      ]);
      const votes = feedback[0] ?? {};
      const refund = (kind: string) => refunds.find((r) => r.kind === kind);
      return {
        from,
        to,
        conversations: { total: conversations.length, perDay: perDay.map((r) => ({ day: dayOf(r.day), count: num(r.n) })) },
        automation: {
          rate: withCustomerMessage.length ? automated / withCustomerMessage.length : null,
          automated,
          counted: withCustomerMessage.length,
          definition: AUTOMATION_DEFINITION,
          conversations: verdicts,
        },
        handoffs: {
          rate: conversations.length ? handedOff / conversations.length : null,
          count: handedOff,
          reasons: reasons.map((r) => ({ reason: String(r.reason), count: num(r.n) })),
        },
        intents: intents.map((r) => ({ intent: String(r.intent), count: num(r.n) })),
        sentiment: sentiment.map((r) => ({ day: dayOf(r.day), positive: num(r.positive), neutral: num(r.neutral), negative: num(r.negative) })),
        latencyMs: {
          p50: latency[0]?.p50 == null ? null : Math.round(num(latency[0].p50) * 10) / 10,
          p99: latency[0]?.p99 == null ? null : Math.round(num(latency[0].p99) * 10) / 10,
          turns: num(latency[0]?.n),
        },
        refunds: {
          automatic: { count: num(refund('automatic')?.n), amountCents: num(refund('automatic')?.cents) },
          approved: { count: num(refund('approved')?.n), amountCents: num(refund('approved')?.cents) },
          rejected: num(refund('rejected')?.n),
          pending: num(refund('pending')?.n),
          currency: (currency[0]?.currency as string | undefined) ?? null,
        },
        model: modelUsage(model),
        satisfaction: {
          ratings: num(votes.ratings),
          positive: num(votes.positive),
          score: votes.score == null ? null : Math.round(num(votes.score) * 100) / 100,
          thumbsUp: num(votes.up),
          thumbsDown: num(votes.down),
          note: SATISFACTION_NOTE,
        },
      };
    },
  };
}

const MODEL_CONVERSATIONS_LISTED = 50;

/** Totals of the remote model's usage, and the conversations that cost most. */
function modelUsage(rows: Record<string, unknown>[]): AnalyticsSummary['model'] {
  const conversations = rows.map((r) => ({ id: String(r.conversation_id), tokensUsed: num(r.tokens), costUsd: Math.round(num(r.cost) * 1e6) / 1e6 }));
  const total = (key: string) => rows.reduce((sum, r) => sum + num(r[key]), 0);
  return {
    tokensUsed: total('tokens'),
    costUsd: Math.round(total('cost') * 1e6) / 1e6,
    calls: total('calls'),
    failures: total('failures'),
    rejected: total('rejected'),
    conversations: conversations.slice(0, MODEL_CONVERSATIONS_LISTED),
  };
}
