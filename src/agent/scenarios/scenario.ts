import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

/**
 * A scenario: a conversation as a shopper writes it, turn by turn, with what each turn must show.
 * Written in YAML (one scenario per document, or `scenarios:` holding a list); the format is in
 * docs/scenarios.md.
 */
const text = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

const actionExpectation = z
  .object({
    type: z.enum(['create_return', 'create_exchange', 'process_refund', 'cancel_order', 'update_address', 'update_order']),
    status: z.enum(['completed', 'pending', 'rejected', 'failed']).optional(),
    order: z.string().optional(),
    /** Words the action's recorded data must hold (an exchange's size, an item's title). */
    data_has: text.optional(),
    /** Words the action's recorded data must not hold (an item of the order that was not named). */
    data_lacks: text.optional(),
  })
  .strict();

const expectation = z
  .object({
    intent: z.union([z.string(), z.array(z.string())]).optional(),
    /** The order in focus after the turn ("#1023"), or null for none. */
    order: z.string().nullable().optional(),
    /** The actions this turn took, exactly ([] for none). */
    actions: z.array(actionExpectation).optional(),
    /** Words or /regex/ the reply must contain (each, case-insensitive). */
    reply_has: text.optional(),
    /** Words or /regex/ the reply must not contain. */
    reply_lacks: text.optional(),
    handoff: z.boolean().optional(),
    /** What the agent now waits for: order_reference, verification, item_choice, confirmation, refund_reason, new_address, variant_choice, or null. */
    awaiting: z.string().nullable().optional(),
    /** false: the reply must not be the agent's previous reply word for word. */
    repeated: z.literal(false).optional(),
  })
  .strict();

const turn = z
  .object({
    say: z.union([z.string().min(1), z.number().transform(String)]),
    expect: expectation.optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    tags: z.array(z.string()).default([]),
    /** A shopper the channel vouches for (a logged-in storefront session). */
    shopper: z.object({ email: z.string().email(), logged_in: z.boolean().default(true) }).strict().optional(),
    /** Why the scenario exists (the failure it was written for). */
    why: z.string().optional(),
    turns: z.array(turn).min(1),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema> & { file: string };
export type TurnExpectation = z.infer<typeof expectation>;

export class ScenarioFileError extends Error {}

/** Reads every scenario in one YAML file; a malformed one names its file, index and field. */
export function parseScenarios(source: string, file: string): Scenario[] {
  const out: Scenario[] = [];
  for (const document of parseAllDocuments(source)) {
    if (Array.isArray(document) || document.errors.length > 0) {
      const errors = Array.isArray(document) ? [] : document.errors;
      throw new ScenarioFileError(`${file}: ${errors.map((e) => e.message).join('; ') || 'not YAML'}`);
    }
    const value = document.toJS() as unknown;
    if (value === null || value === undefined) continue;
    const list = typeof value === 'object' && value !== null && 'scenarios' in value ? (value as { scenarios: unknown }).scenarios : [value];
    if (!Array.isArray(list)) throw new ScenarioFileError(`${file}: "scenarios" must be a list`);
    list.forEach((raw, index) => {
      const parsed = scenarioSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const name = typeof raw === 'object' && raw && 'name' in raw ? ` "${String((raw as { name: unknown }).name)}"` : '';
        throw new ScenarioFileError(`${file}: scenario ${index + 1}${name}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      out.push({ ...parsed.data, file });
    });
  }
  return out;
}
