import type { AgentTools } from '../../tools/index';
import { stepChain } from '../shared/chain';
import { answerFromKnowledgeStep } from '../knowledge/answer-from-knowledge';
import { smallTalkStep } from './small-talk';

/** general_agent: small talk and handovers first; policy, shipping, payment and account questions from the knowledge base. */
export const generalAgent = (tools: AgentTools) =>
  stepChain([
    ['small_talk', smallTalkStep],
    ['answer_from_knowledge', answerFromKnowledgeStep(tools, 'general/answer')],
  ]);
