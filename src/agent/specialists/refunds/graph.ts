import type { AgentTools } from '../../tools/index';
import { chooseItemsStep } from '../shared/choose-items';
import { requireOrderStep } from '../shared/require-order';
import { stepChain } from '../shared/chain';
import { verifyOwnerStep } from '../shared/verify-owner';
import { namedItemsStep } from '../shared/named-items';
import { declinedOfferStep } from '../situations/situation-step';
import { askReasonStep } from './ask-reason';
import { checkRefundStep } from './check-refund';
import { issueRefundStep } from './issue-refund';
import { refundStatusStep } from './refund-status';

/**
 * refunds_agent: find the order → verify → (refund status) → reason → items → eligibility →
 * inside the order's lock: paid at once, a pending action that waits for a human, refused, or
 * the same request already standing.
 */
export const refundsAgent = (tools: AgentTools) =>
  stepChain([
    ['declined_offer', declinedOfferStep],
    ['find_order', requireOrderStep],
    ['verify_owner', verifyOwnerStep],
    ['named_items', namedItemsStep],
    ['refund_status', refundStatusStep],
    ['ask_reason', askReasonStep],
    ['choose_items', chooseItemsStep('refunds/choose_items')],
    ['check_eligibility', checkRefundStep],
    ['issue_refund', issueRefundStep(tools)],
  ]);
