import type { NluResult } from '../../core/ports/nlu';
import type { Awaiting } from '../state-types';
import { looksLikeAddressPart, readAddress } from './address';
import { readConfirmation } from './confirmation';
import { readItemChoice } from './item-choice';
import { findPostalCode } from './postal-code';
import { chosenOrder } from './order-choice';
import { orderReferences } from './order-reference';
import { readRefundReason } from './refund-reason';
import { readSizeAnswer, readSizesWanted } from './size-wanted';
import { saysNoPhoto } from './no-photo';
import { isSideQuestion } from './side-question';

/** Whether a message answers the question the agent is waiting on. */
export function answersAwaited(text: string, awaiting: Awaiting, nlu: NluResult): boolean {
  switch (awaiting.kind) {
    case 'order_reference': {
      const refs = orderReferences(text, nlu.entities, awaiting);
      return refs.named.length > 0 || refs.candidates.length > 0 || chosenOrder(text, awaiting.options ?? []) !== undefined;
    }
    case 'verification':
      return (nlu.entities.emails?.length ?? 0) > 0 || findPostalCode(text, orderReferences(text, nlu.entities, awaiting).named) !== undefined;
    case 'item_choice':
      // "btw is the tent waterproof?" names an item but chooses nothing: a side question (docs/adr/0039).
      return !isSideQuestion(text) && readItemChoice(text, awaiting.options) !== undefined;
    case 'confirmation':
      return readConfirmation(text) !== undefined;
    case 'refund_reason':
      return readRefundReason(text) !== undefined;
    case 'variant_choice':
      return readSizeAnswer(text) !== undefined || readSizesWanted(text).length > 0 || (nlu.entities.colors?.length ?? 0) > 0 || awaiting.options.some((o) => new RegExp(`(^|\\s)${o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,.!])`, 'i').test(text));
    case 'new_address':
      return readAddress(text) !== undefined || looksLikeAddressPart(text);
    case 'photo':
      // The photo itself comes as an attachment (classify reads the turn's attachments); in words, only "I can't send one".
      return saysNoPhoto(text);
  }
}
