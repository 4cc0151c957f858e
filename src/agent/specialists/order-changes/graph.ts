import type { AgentTools } from '../../tools/index';
import { requireOrderStep } from '../shared/require-order';
import { stepChain } from '../shared/chain';
import { alreadyRefundedStep } from '../shared/already-refunded';
import { amountBackStep } from '../shared/amount-back';
import { verifyOwnerStep } from '../shared/verify-owner';
import { namedItemsStep } from '../shared/named-items';
import { cancelOrderStep } from './cancel-order';
import { changeAddressStep } from './change-address';
import { modifyOrderStep } from './modify-order';

/** order_changes_agent: find the order → verify → cancel, change the address, or hand item changes to a human. */
export const orderChangesAgent = (tools: AgentTools) =>
  stepChain([
    ['find_order', requireOrderStep],
    ['verify_owner', verifyOwnerStep],
    ['named_items', namedItemsStep],
    ['already_refunded', alreadyRefundedStep],
    ['amount_back', amountBackStep],
    ['cancel_order', cancelOrderStep(tools)],
    ['change_address', changeAddressStep(tools)],
    ['modify_order', modifyOrderStep],
  ]);
