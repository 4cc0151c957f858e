import type { AgentDeps } from '../deps';
import { orderActions } from '../order-actions/index';
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
export function createTools(deps: AgentDeps) {
  const actions = orderActions(deps);
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
  };
}

export type AgentTools = ReturnType<typeof createTools>;
