import { z } from 'zod';
import type { CommercePort } from '../../core/ports/commerce';
import { intents, routeOfIntent, type NluResult } from '../../core/ports/nlu';
import type { ModelAssist } from '../deps';
import type { PromptRenderer } from '../prompts/prompt-renderer';
import type { RunContext } from '../run-context';
import type { ConversationStateType } from '../state';
import { askModel, rejectAnswer } from './ask-model';
import { shopperRecords } from './shopper-records';

/** The structured answer the model gives through the `understand` tool, validated before use. */
export const understandingSchema = z.strictObject({
  intent: z.enum(intents),
  order_number: z.string().max(40).nullable(),
  items: z.array(z.string().max(120)).max(10),
  confidence: z.number().min(0).max(1),
});
type Understanding = z.infer<typeof understandingSchema>;

const understandTool = {
  name: 'understand',
  description: "Record what the shopper's last message asks for: the intent, the order it is about (only one written in the conversation), the items meant.",
  parameters: z.toJSONSchema(understandingSchema) as Record<string, unknown>,
};

// Words that point back at something said before: "that one", "the other", "same again".
const REFERENCE = /\b(it|its|that|this|those|them|one|other|same|again|first|second|last|previous|earlier)\b/i;
const SHORT_WORDS = 5;

/** Whether the offline reading is unsure enough to ask: low confidence, or a short message that leans on the conversation. */
export function needsModel(state: ConversationStateType, result: NluResult, threshold: number): boolean {
  if (result.confidence < threshold) return true;
  const short = state.input.trim().split(/\s+/).length <= SHORT_WORDS;
  return short && state.messages.length > 0 && REFERENCE.test(state.input);
}

const digits = (text: string) => text.replace(/[^0-9A-Za-z]/g, '').toLowerCase();

/** An order the model names must be written in the conversation (or be the one in focus): otherwise it disagrees badly. */
function orderInConversation(order: string, state: ConversationStateType): boolean {
  const wanted = digits(order);
  if (wanted.length === 0) return false;
  const said = [state.input, ...state.messages.map((m) => m.content), state.order_data?.name ?? '', ...state.order_choices.map((c) => c.name)];
  return said.some((text) => (text.match(/[#A-Za-z0-9-]+/g) ?? []).some((word) => digits(word) === wanted));
}

function merged(result: NluResult, answer: Understanding): NluResult {
  const orderNumber = answer.order_number?.replace(/^#/, '').trim();
  return {
    ...result,
    intent: answer.intent,
    route: routeOfIntent[answer.intent],
    confidence: answer.confidence,
    entities: {
      ...result.entities,
      ...(orderNumber ? { orderNumbers: [orderNumber] } : {}),
      ...(answer.items.length > 0 && !(result.entities.products?.length ?? 0) ? { products: answer.items } : {}),
    },
  };
}

/**
 * Understanding when the offline model is unsure: the model reads the message with the conversation
 * (through the shield) and names the intent, order and items. The offline answer stays when the
 * call fails, the answer does not validate, or it names an order that was never written.
 */
export async function understandWithModel(
  deps: { assist: ModelAssist; prompts: PromptRenderer; commerce: CommercePort },
  state: ConversationStateType,
  run: RunContext,
  result: NluResult,
): Promise<NluResult> {
  const { assist, prompts } = deps;
  const records = await shopperRecords(state, run, deps.commerce, result.entities);
  const history = state.messages.slice(-8).map((m) => ({ role: m.role === 'customer' ? 'shopper' : 'assistant', content: m.content }));
  const reply = await askModel(assist, run, {
    scope: { storeId: state.store_id, conversationId: state.conversation_id },
    task: 'understanding',
    records,
    system: prompts.render('understanding-system', { brand_name: run.settings.brandVoice.name, intents: intents.join(', ') }),
    messages: [{ role: 'user', content: prompts.render('understanding-user', { history, message: state.input, offline_intent: result.intent, offline_confidence: result.confidence.toFixed(2) }) }],
    tool: understandTool,
    maxTokens: 300,
  });
  if (!reply) return result;
  const parsed = understandingSchema.safeParse(reply.toolInput);
  if (!parsed.success || (parsed.data.order_number && !orderInConversation(parsed.data.order_number, state))) {
    rejectAnswer(run, assist.model.provider);
    return result;
  }
  // "Other" from the model tells nothing the offline reading did not: it never replaces a named intent.
  if (parsed.data.intent === 'other' && result.intent !== 'other') return result;
  // Asked for a reference only (the offline reading was sure): the model must be at least as sure to change it.
  if (result.confidence >= assist.confidence && parsed.data.confidence < result.confidence) return result;
  return merged(result, parsed.data);
}
