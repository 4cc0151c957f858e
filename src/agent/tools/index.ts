import type { AgentDeps } from '../deps';
import { cancelOrderTool } from './cancel-order';
import { createReturnLabelTool } from './create-return-label';
import { findOrdersTool } from './find-orders';
import { getOrderTool } from './get-order';
import { getTrackingTool } from './get-tracking';
import { processRefundTool } from './process-refund';
import { searchKnowledgeBaseTool } from './search-knowledge-base';
import { updateOrderTool } from './update-order';

/** The agent's tools, bound to the ports; the same objects an LLM provider would be given. */
export function createTools(deps: AgentDeps) {
  return {
    getOrder: getOrderTool(deps.commerce),
    findOrders: findOrdersTool(deps.commerce),
    getTracking: getTrackingTool(deps.shipping),
    createReturnLabel: createReturnLabelTool(deps.commerce, deps.shipping),
    processRefund: processRefundTool(deps.payments),
    cancelOrder: cancelOrderTool(deps.commerce),
    updateOrder: updateOrderTool(deps.commerce),
    searchKnowledgeBase: searchKnowledgeBaseTool(deps.knowledge, deps.settings),
  };
}

export type AgentTools = ReturnType<typeof createTools>;
