import type { KnowledgeAnswer } from '../../core/ports/knowledge';
import type { PhraseDeps } from './phrase';
import type { RunContext } from '../run-context';
import type { ConversationStateType } from '../state';
import { askModel, rejectAnswer } from './ask-model';
import { checkFacts } from './fact-check';
import { shopperRecords } from './shopper-records';

const CITATION = /\s?\[(\d+)\]/g;

export interface WrittenAnswer {
  text: string;
  citations: { title: string; source: string }[];
}

/**
 * A product or general answer written by the model from the retrieved passages only, citing them
 * as [n]. Refused (the extractive answer stays) when it cites nothing, cites a passage it was not
 * given, or states a figure none of the passages holds.
 */
export async function writeGroundedAnswer(deps: PhraseDeps, state: ConversationStateType, run: RunContext, found: KnowledgeAnswer): Promise<WrittenAnswer | null> {
  const passages = found.passages ?? [];
  if (passages.length === 0) return null;
  const { assist, prompts } = deps;
  const reply = await askModel(assist, run, {
    scope: { storeId: state.store_id, conversationId: state.conversation_id },
    task: 'answer',
    records: await shopperRecords(state, run, deps.commerce),
    system: prompts.render('answer-system', {
      brand_name: run.settings.brandVoice.name,
      tone: run.settings.brandVoice.tone,
      max_words: 120,
      instructions: run.settings.modelInstructions,
    }),
    messages: [{ role: 'user', content: prompts.render('answer-user', { passages, draft: found.answer, message: state.input }) }],
    maxTokens: 500,
  });
  if (!reply) return null;
  const cited = [...reply.text.matchAll(CITATION)].map((m) => Number(m[1]));
  const sources = passages.map((p) => `${p.title}\n${p.text}`).join('\n');
  const valid = cited.length > 0 && cited.every((n) => n >= 1 && n <= passages.length);
  const text = reply.text.replace(CITATION, '').trim();
  if (!valid || !text || !checkFacts(text, `${sources}\n${found.answer}`).ok) {
    rejectAnswer(run, assist.model.provider);
    return null;
  }
  const used = [...new Set(cited)].map((n) => passages[n - 1]!);
  return { text, citations: used.map((p) => ({ title: p.title, source: p.source })) };
}
