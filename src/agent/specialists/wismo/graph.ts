import type { AgentTools } from '../../tools/index';
import { requireOrderStep } from '../shared/require-order';
import { stepChain } from '../shared/chain';
import { alreadyRefundedStep } from '../shared/already-refunded';
import { verifyOwnerStep } from '../shared/verify-owner';
import { namedItemsStep } from '../shared/named-items';
import { situationStep } from '../situations/situation-step';
import { reportStatusStep } from './report-status';

/** wismo_agent: find the order → verify the shopper → report its status category. */
export const wismoAgent = (tools: AgentTools) =>
  stepChain([
    ['find_order', requireOrderStep],
    ['verify_owner', verifyOwnerStep],
    ['named_items', namedItemsStep],
    ['already_refunded', alreadyRefundedStep],
    ['situation', situationStep],
    ['report_status', reportStatusStep(tools)],
  ]);
