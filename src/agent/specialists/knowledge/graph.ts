import type { AgentTools } from '../../tools/index';
import { stepChain } from '../shared/chain';
import { answerFromKnowledgeStep } from './answer-from-knowledge';

/** product_agent: retrieval over the catalog and documents, answered with citations, never invented. */
export const productAgent = (tools: AgentTools) => stepChain([['answer_from_knowledge', answerFromKnowledgeStep(tools, 'product/answer', 'product')]]);
