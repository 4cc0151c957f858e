import type { NluResult } from '../../core/ports/nlu';
import type { Awaiting } from '../state-types';
import { readAddress } from './address';
import { readConfirmation } from './confirmation';
import { readItemChoice } from './item-choice';
import { findPostalCode } from './postal-code';
import { readRefundReason } from './refund-reason';

/** Whether a message answers the question the agent is waiting on. */
export function answersAwaited(text: string, awaiting: Awaiting, nlu: NluResult): boolean {
  switch (awaiting.kind) {
    case 'order_reference':
      return (nlu.entities.orderNumbers?.length ?? 0) > 0;
    case 'verification':
      return (nlu.entities.emails?.length ?? 0) > 0 || findPostalCode(text, nlu.entities.orderNumbers ?? []) !== undefined;
    case 'item_choice':
      return readItemChoice(text, awaiting.options) !== undefined;
    case 'confirmation':
      return readConfirmation(text) !== undefined;
    case 'refund_reason':
      return readRefundReason(text) !== undefined;
    case 'new_address':
      return readAddress(text) !== undefined;
  }
}
