import type { AgentTools } from '../../tools/index';
import { chooseItemsStep } from '../shared/choose-items';
import { requireOrderStep } from '../shared/require-order';
import { stepChain } from '../shared/chain';
import { verifyOwnerStep } from '../shared/verify-owner';
import { askReasonStep } from './ask-reason';
import { checkRefundStep } from './check-refund';
import { issueRefundStep } from './issue-refund';
import { refundStatusStep } from './refund-status';
import { requestApprovalStep } from './request-approval';

/**
 * refunds_agent: find the order → verify → (refund status) → reason → items → eligibility →
 * automatic refund under the cap, or a pending action that waits for a human.
 */
export const refundsAgent = (tools: AgentTools) =>
  stepChain([
    ['find_order', requireOrderStep],
    ['verify_owner', verifyOwnerStep],
    ['refund_status', refundStatusStep],
    ['ask_reason', askReasonStep],
    ['choose_items', chooseItemsStep('refunds/choose_items')],
    ['check_eligibility', checkRefundStep],
    ['issue_refund', issueRefundStep(tools)],
    ['request_approval', requestApprovalStep()],
  ]);
