import type { AutomationVerdict } from '../automation';

export interface AnalyticsSummary {
  from: Date;
  to: Date;
  conversations: { total: number; perDay: { day: string; count: number }[] };
  automation: { rate: number | null; automated: number; counted: number; definition: string; conversations: AutomationVerdict[] };
  handoffs: { rate: number | null; count: number; reasons: { reason: string; count: number }[] };
  intents: { intent: string; count: number }[];
  sentiment: { day: string; positive: number; neutral: number; negative: number }[];
  latencyMs: { p50: number | null; p99: number | null; turns: number };
  refunds: {
    automatic: { count: number; amountCents: number };
    approved: { count: number; amountCents: number };
    rejected: number;
    pending: number;
    currency: string | null;
  };
  /** The remote model (CONCIERGE_MODEL=openai|anthropic): tokens and cost, calls that fell back, answers set aside; the costliest conversations first. */
  model: {
    tokensUsed: number;
    costUsd: number;
    calls: number;
    failures: number;
    rejected: number;
    conversations: { id: string; tokensUsed: number; costUsd: number }[];
  };
  satisfaction: { ratings: number; positive: number; score: number | null; thumbsUp: number; thumbsDown: number; note: string };
}

/** What the agent did and saved over a period; every call names the store. */
export interface AnalyticsReader {
  summary(storeId: string, from: Date, to: Date): Promise<AnalyticsSummary>;
}
