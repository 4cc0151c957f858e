/** The shape every policy decision shares: an outcome and the reasons that led to it. */

/** What a decision lets the agent do: act, ask a human, or refuse. */
export type Outcome = 'allow' | 'review' | 'deny';

/**
 * One reason behind a decision. `effect` is what this reason alone pushes toward; the decision's
 * outcome is the strictest effect among its reasons. `message` is plain English for an operator
 * (with the figures); shopper-facing text comes from templates keyed by `code`. `facts` holds the
 * figures behind the message and never personal data.
 */
export interface Reason<Code extends string = string> {
  code: Code;
  effect: Outcome;
  message: string;
  facts?: Record<string, unknown>;
}

/** A decision: its outcome, its reasons (strictest first) and when it was made. */
export interface Decision<Code extends string = string> {
  outcome: Outcome;
  reasons: Reason<Code>[];
  decidedAt: Date;
}

const severity: Record<Outcome, number> = { deny: 2, review: 1, allow: 0 };

/** The strictest of several outcomes (deny over review over allow); allow for none. */
export function strictestOutcome(outcomes: Outcome[]): Outcome {
  return outcomes.reduce<Outcome>((worst, next) => (severity[next] > severity[worst] ? next : worst), 'allow');
}

/** Builds a decision from its reasons: outcome is the strictest effect, reasons are sorted strictest first. */
export function decisionFrom<Code extends string>(reasons: Reason<Code>[], now: Date): Decision<Code> {
  if (reasons.length === 0) throw new Error('a policy decision needs at least one reason');
  const sorted = reasons
    .map((reason, index) => ({ reason, index }))
    .sort((a, b) => severity[b.reason.effect] - severity[a.reason.effect] || a.index - b.index)
    .map(({ reason }) => reason);
  return { outcome: strictestOutcome(sorted.map((r) => r.effect)), reasons: sorted, decidedAt: new Date(now.getTime()) };
}

/** The reasons as lines for an action log (`ActionLog.reasons`) and the operator console. */
export function reasonMessages(decision: Pick<Decision, 'reasons'>): string[] {
  return decision.reasons.map((reason) => reason.message);
}

/** The reason codes of a decision, strictest first (what reply templates key on). */
export function reasonCodes<Code extends string>(decision: Pick<Decision<Code>, 'reasons'>): Code[] {
  return decision.reasons.map((reason) => reason.code);
}
