import { formatMoney, toCents } from '../core/money';
import type { StoreSettings } from '../core/settings';
import type { Reason } from './decision';
import type { RefundReason, RefundReasonCode } from './refund-reasons';

/** What the shopper has attached to the conversation for this claim. */
export interface RefundEvidence {
  /** Photos stored for the conversation (checked, metadata stripped). */
  photos: number;
}

/** Whether the store asks for a photo before this refund is requested at all. */
export function photoRequired(settings: StoreSettings, reason: RefundReason, returnless: boolean, requestedCents: number, currency: string): boolean {
  const rule = settings.evidence;
  if (!returnless || rule.photo === 'never' || !rule.reasons.includes(reason)) return false;
  if (rule.photo === 'always') return true;
  // Another currency than the setting's cannot be compared: ask for the photo (the safe side).
  return currency !== settings.currency || requestedCents > toCents(rule.photoOverAmount, settings.currency);
}

/**
 * Evidence for a returnless claim about the goods (docs/adr/0034): where the store asks for a
 * photo, a claim without one is `evidence_required` (nothing is requested: the agent asks for it)
 * and a claim with one is `evidence_attached` — a person looks at the photo, so never paid without one.
 */
export function evidenceReasons(
  settings: StoreSettings,
  input: { reason: RefundReason; returnless: boolean; requestedCents: number; currency: string; evidence: RefundEvidence | undefined },
): Reason<RefundReasonCode>[] {
  if (!input.evidence || !photoRequired(settings, input.reason, input.returnless, input.requestedCents, input.currency)) return [];
  const rule = settings.evidence.photo === 'always' ? 'always' : `over ${formatMoney(toCents(settings.evidence.photoOverAmount, settings.currency), settings.currency)}`;
  if (input.evidence.photos === 0)
    return [{ code: 'evidence_required', effect: 'review', message: `the store asks for a photo of a '${input.reason}' claim (${rule}); none attached yet, so nothing is requested`, facts: { photos: 0 } }];
  return [
    {
      code: 'evidence_attached',
      effect: 'review',
      message: `${input.evidence.photos} photo(s) attached to a '${input.reason}' claim; a person checks them before it is paid`,
      facts: { photos: input.evidence.photos },
    },
  ];
}
