import type { CommercePort } from '../../core/ports/commerce';
import type { ModelAssist } from '../deps';
import type { PromptRenderer } from '../prompts/prompt-renderer';
import type { RunContext } from '../run-context';
import type { ConversationStateType } from '../state';
import { askModel, rejectAnswer } from './ask-model';
import { checkFacts } from './fact-check';
import { shopperRecords } from './shopper-records';

/** Longest rewrite accepted, relative to the draft: a model that rambles is not phrasing. */
const MAX_GROWTH = 2.5;

export interface PhraseDeps {
  assist: ModelAssist;
  prompts: PromptRenderer;
  commerce: CommercePort;
}

/**
 * Reply phrasing: the model rewrites the template's draft from the facts the specialist gathered,
 * streaming as it writes. The draft is the floor: a rewrite that states an amount, date, percentage,
 * policy figure, order or tracking number not in the draft or the facts is refused (the stream is
 * told to withdraw what it showed) and the draft is the reply.
 */
export async function phraseWithModel(deps: PhraseDeps, state: ConversationStateType, run: RunContext, draft: string, facts: Record<string, unknown>): Promise<string | null> {
  const { assist, prompts } = deps;
  const records = await shopperRecords(state, run, deps.commerce);
  const factsJson = JSON.stringify(facts);
  let streamed = false;
  const stream = run.stream;
  const reply = await askModel(assist, run, {
    scope: { storeId: state.store_id, conversationId: state.conversation_id },
    task: 'phrasing',
    records,
    system: prompts.render('phrasing-system', {
      brand_name: run.settings.brandVoice.name,
      tone: run.settings.brandVoice.tone,
      max_words: Math.ceil(draft.split(/\s+/).length * 1.5) + 30,
      instructions: run.settings.modelInstructions,
    }),
    messages: [{ role: 'user', content: prompts.render('phrasing-user', { facts: factsJson, draft, message: state.input }) }],
    maxTokens: 600,
    ...(stream
      ? {
          onText: (text: string) => {
            streamed = true;
            stream.token(text);
          },
        }
      : {}),
  });
  const text = reply?.text.trim() ?? '';
  const check = text ? checkFacts(text, `${draft}\n${factsJson}`) : { ok: false, unsupported: [] };
  if (reply && text && check.ok && text.length <= draft.length * MAX_GROWTH + 200) return text;
  if (reply) rejectAnswer(run, assist.model.provider);
  if (streamed) stream?.reset();
  return null;
}
