import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkTurn, type ObservedTurn } from './check';
import { parseScenarios, type Scenario } from './scenario';

/** How the runner talks to an agent: open a conversation, say one thing in it. */
export interface ScenarioDriver {
  start(shopper?: { email: string; loggedIn: boolean }): Promise<string>;
  say(conversationId: string, text: string): Promise<ObservedTurn>;
}

export interface TurnResult {
  say: string;
  seen: ObservedTurn;
  failures: string[];
}

export interface ScenarioResult {
  scenario: Scenario;
  turns: TurnResult[];
  passed: boolean;
  error?: string;
}

/** Every .yaml/.yml file under a folder (or the one file given), sorted, parsed. */
export function loadScenarios(path: string): Scenario[] {
  const files: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else if (/\.ya?ml$/.test(p)) files.push(p);
  };
  walk(path);
  const base = statSync(path).isDirectory() ? path : join(path, '..');
  return files.flatMap((file) => parseScenarios(readFileSync(file, 'utf8'), relative(base, file) || file));
}

/** Plays one scenario, every turn in order; a turn that fails does not stop the conversation. */
export async function runScenario(driver: ScenarioDriver, scenario: Scenario): Promise<ScenarioResult> {
  const turns: TurnResult[] = [];
  try {
    const conversationId = await driver.start(scenario.shopper ? { email: scenario.shopper.email, loggedIn: scenario.shopper.logged_in } : undefined);
    for (const turn of scenario.turns) {
      const seen = await driver.say(conversationId, turn.say);
      turns.push({ say: turn.say, seen, failures: checkTurn(turn.expect, seen, turns.at(-1)?.seen.reply ?? null) });
    }
  } catch (error) {
    return { scenario, turns, passed: false, error: error instanceof Error ? error.message : String(error) };
  }
  return { scenario, turns, passed: turns.every((t) => t.failures.length === 0) };
}

export async function runScenarios(driver: ScenarioDriver, scenarios: Scenario[], onResult?: (result: ScenarioResult) => void): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const result = await runScenario(driver, scenario);
    onResult?.(result);
    results.push(result);
  }
  return results;
}

const indent = (text: string, by: string) => text.replaceAll('\n', `\n${by}`);

/** One scenario's lines in the report: its verdict, and for a failure the whole conversation with what differed. */
export function reportScenario(result: ScenarioResult): string {
  const head = `${result.passed ? 'PASS' : 'FAIL'}  ${result.scenario.file} › ${result.scenario.name}`;
  if (result.passed) return head;
  const lines = [head];
  if (result.error) lines.push(`      error: ${result.error}`);
  for (const turn of result.turns) {
    lines.push(`      shopper> ${turn.say}`);
    lines.push(`      agent>   ${indent(turn.seen.reply, '               ')}`);
    const actions = turn.seen.actions.map((a) => `${a.type} ${a.status}${a.order ? ` ${a.order}` : ''}`).join(', ');
    lines.push(`               [${turn.seen.intent ?? '-'} · order ${turn.seen.order ?? '-'}${turn.seen.awaiting ? ` · awaiting ${turn.seen.awaiting}` : ''}${turn.seen.handoff ? ' · handed off' : ''}${actions ? ` · ${actions}` : ''}]`);
    for (const failure of turn.failures) lines.push(`        ✗ ${failure}`);
  }
  return lines.join('\n');
}

export function summary(results: ScenarioResult[]): { passed: number; failed: number; total: number; line: string } {
  const passed = results.filter((r) => r.passed).length;
  const total = results.length;
  const turns = results.reduce((n, r) => n + r.turns.length, 0);
  return { passed, failed: total - passed, total, line: `${passed}/${total} scenarios passed (${turns} turns)` };
}
