import type { AgentTools } from '../../tools/index';
import { chooseItemsStep } from '../shared/choose-items';
import { requireOrderStep } from '../shared/require-order';
import { stepChain } from '../shared/chain';
import { alreadyRefundedStep } from '../shared/already-refunded';
import { amountBackStep } from '../shared/amount-back';
import { verifyOwnerStep } from '../shared/verify-owner';
import { namedItemsStep } from '../shared/named-items';
import { declinedOfferStep } from '../situations/situation-step';
import { askPhotoStep } from './ask-photo';
import { askReasonStep } from './ask-reason';
import { checkRefundStep } from './check-refund';
import { issueRefundStep } from './issue-refund';
import { readAmountStep } from './read-amount';
import { refundStatusStep } from './refund-status';

/**
 * refunds_agent: the amount named → find the order → verify → (refund status) → reason → items → eligibility → (photo) →
 * inside the order's lock: paid at once, a pending action that waits for a human, refused, or
 * the same request already standing.
 */
const chooseItems = chooseItemsStep('refunds/choose_items');

export const refundsAgent = (tools: AgentTools) =>
  stepChain([
    ['declined_offer', declinedOfferStep],
    ['read_amount', readAmountStep],
    ['find_order', requireOrderStep],
    ['verify_owner', verifyOwnerStep],
    ['named_items', namedItemsStep],
    ['refund_status', refundStatusStep],
    ['already_refunded', alreadyRefundedStep],
    ['amount_back', amountBackStep],
    ['ask_reason', askReasonStep],
    // An amount named without items is the request as asked: no question about items.
    ['choose_items', (state) => (state.slots.refundAmount ? {} : chooseItems(state))],
    ['check_eligibility', checkRefundStep],
    // A claim the store wants a photo of waits for one: nothing is requested without it.
    ['ask_photo', askPhotoStep],
    ['issue_refund', issueRefundStep(tools)],
  ]);
