import type { AgentDeps, KnowledgeAnswer } from '../deps';
import type { RunContext } from '../run-context';
import type { ConversationStateType } from '../state';
import { orderActions } from '../order-actions/index';
import type { PromptRenderer } from '../prompts/prompt-renderer';
import { writeGroundedAnswer } from '../remote/grounded-answer';
import { cancelOrderTool } from './cancel-order';
import { createReturnLabelTool } from './create-return-label';
import { findOrdersTool } from './find-orders';
import { getOrderTool } from './get-order';
import { getTrackingTool } from './get-tracking';
import { productOptions } from './product-options';
import { processRefundTool } from './process-refund';
import { searchKnowledgeBaseTool } from './search-knowledge-base';
import { updateOrderTool } from './update-order';

/** The agent's tools, bound to the ports; the same objects an LLM provider would be given. */
export function createTools(deps: AgentDeps, prompts?: PromptRenderer) {
  const actions = orderActions(deps);
  const assist = deps.assist;
  return {
    actions,
    getOrder: getOrderTool(deps.commerce),
    findOrders: findOrdersTool(deps.commerce),
    getTracking: getTrackingTool(deps.shipping),
    createReturnLabel: createReturnLabelTool(actions),
    processRefund: processRefundTool(actions),
    cancelOrder: cancelOrderTool(actions),
    updateOrder: updateOrderTool(actions),
    productOptions: productOptions(deps.commerce),
    searchKnowledgeBase: searchKnowledgeBaseTool(deps.knowledge, deps.settings),
    /** With a remote model asked for answers: a product/general answer written from the retrieved passages (absent offline). */
    writeAnswer:
      assist && prompts && assist.uses.has('answer')
        ? (state: ConversationStateType, run: RunContext, found: KnowledgeAnswer) => writeGroundedAnswer({ assist, prompts, commerce: deps.commerce }, state, run, found)
        : undefined,
  };
}

export type AgentTools = ReturnType<typeof createTools>;
