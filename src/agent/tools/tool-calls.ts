import type { RunContext } from '../run-context';

/** One tool the agent called in a turn, as the console shows it beside the answer: no arguments or payloads (they hold shoppers' data). */
export interface ToolCallRecord {
  tool: string;
  ok: boolean;
  ms: number;
  /** What came back, in a few words: "found", "nothing found", "3 results", "outcome: refunded". */
  result: string;
}

function summarise(output: unknown): string {
  if (output === null || output === undefined) return 'nothing found';
  if (Array.isArray(output)) return `${output.length} result${output.length === 1 ? '' : 's'}`;
  if (typeof output === 'object') {
    const o = output as Record<string, unknown>;
    for (const key of ['outcome', 'status', 'state'] as const) if (typeof o[key] === 'string') return `${key}: ${o[key]}`;
    if (typeof o.found === 'boolean') return o.found ? 'found' : 'nothing found';
    return 'found';
  }
  return 'done';
}

/** Calls a tool and records it in the turn's run (stored with the answer, in the turn's own transaction). */
export async function recordToolCall<T>(run: RunContext | undefined, tool: string, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const output = await call();
    run?.toolCalls?.push({ tool, ok: true, ms: ms(), result: summarise(output) });
    return output;
  } catch (error) {
    run?.toolCalls?.push({ tool, ok: false, ms: ms(), result: 'error' });
    throw error;
  }
}
