import type { AgentTools } from '../../tools/index';
import { chooseItemsStep } from '../shared/choose-items';
import { requireOrderStep } from '../shared/require-order';
import { stepChain } from '../shared/chain';
import { alreadyRefundedStep } from '../shared/already-refunded';
import { amountBackStep } from '../shared/amount-back';
import { verifyOwnerStep } from '../shared/verify-owner';
import { namedItemsStep } from '../shared/named-items';
import { declinedOfferStep } from '../situations/situation-step';
import { checkReturnStep } from './check-return';
import { exchangeVariantStep } from './exchange-variant';
import { confirmConditionStep } from './confirm-condition';
import { createReturnStep } from './create-return';
import { returnStatusStep } from './return-status';

/**
 * returns_agent: find the order → verify → (return status) → which items → eligibility →
 * condition questions → label + RMA + instructions; not eligible: why, and the alternatives.
 */
export const returnsAgent = (tools: AgentTools) =>
  stepChain([
    ['declined_offer', declinedOfferStep],
    ['find_order', requireOrderStep],
    ['verify_owner', verifyOwnerStep],
    ['named_items', namedItemsStep],
    ['return_status', returnStatusStep],
    ['already_refunded', alreadyRefundedStep],
    ['amount_back', amountBackStep],
    ['choose_items', chooseItemsStep('returns/choose_items')],
    ['check_eligibility', checkReturnStep],
    ['exchange_variant', exchangeVariantStep(tools)],
    ['confirm_condition', confirmConditionStep],
    ['create_return', createReturnStep(tools)],
  ]);
