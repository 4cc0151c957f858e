import type { ModelCall, ModelResult } from '../../core/ports/language-model';
import type { ModelAssist } from '../deps';
import type { RunContext, TurnModelUsage } from '../run-context';

/** The turn's usage record, made on its first call. */
export function turnUsage(run: RunContext, provider: string): TurnModelUsage {
  run.model ??= { provider, calls: 0, failures: 0, rejected: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
  return run.model;
}

/** One remote call, counted on the turn; null when it failed (the caller keeps the offline answer). */
export async function askModel(assist: ModelAssist, run: RunContext, call: ModelCall): Promise<ModelResult | null> {
  const usage = turnUsage(run, assist.model.provider);
  // One failure is enough for a turn: the shopper does not wait on the provider twice.
  if (usage.failures > 0) return null;
  usage.calls += 1;
  try {
    const result = await assist.model.call(call);
    usage.inputTokens += result.usage.inputTokens;
    usage.outputTokens += result.usage.outputTokens;
    usage.costUsd = Math.round((usage.costUsd + result.usage.costUsd) * 1e8) / 1e8;
    return result;
  } catch {
    usage.failures += 1;
    return null;
  }
}

/** An answer set aside by the agent's own checks. */
export function rejectAnswer(run: RunContext, provider: string): void {
  turnUsage(run, provider).rejected += 1;
}
