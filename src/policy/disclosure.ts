import type { Order } from '../core/commerce';
import { decisionFrom, type Decision } from './decision';

/** Reason codes of a disclosure decision. */
export type DisclosureReasonCode =
  | 'channel_customer_match'
  | 'channel_email_match'
  | 'email_match'
  | 'postal_code_match'
  | 'verification_required'
  | 'verification_failed'
  | 'too_many_attempts';

/** What the shopper has shown: details they typed, and what the channel vouches for. */
export interface OwnershipClaim {
  email?: string | null;
  postalCode?: string | null;
  /** An e-mail the channel has verified (a logged-in storefront session, an inbound e-mail's sender). */
  channelVerifiedEmail?: string | null;
  /** The store's customer id, as the channel's authenticated session gives it. */
  channelCustomerId?: string | null;
}

/** Whether the shopper may see the order's details. */
export type DisclosureDecision = Decision<DisclosureReasonCode>;

/**
 * Wrong details allowed for one order (or one shopper), across conversations and channels, before
 * further attempts are refused for `verificationLockoutHours` and a human verifies another way.
 */
export const maxVerificationAttempts = 3;
export const verificationLockoutHours = 24;

const normaliseEmail = (value: string): string => value.trim().toLowerCase();
/** Postal codes compare without case, spaces or hyphens; a US ZIP+4 matches its 5-digit ZIP. */
const normalisePostal = (value: string): string => value.replace(/[\s-]/g, '').toUpperCase();
const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

function postalCodesMatch(given: string, onOrder: string): boolean {
  const a = normalisePostal(given);
  const b = normalisePostal(onOrder);
  if (a === b) return true;
  const zip = /^\d{5}(\d{4})?$/;
  return zip.test(a) && zip.test(b) && a.slice(0, 5) === b.slice(0, 5);
}

/**
 * Decides whether order details may be disclosed: allowed when the channel vouches for the order's
 * customer or e-mail, or the shopper gives the e-mail or the shipping postal code on the order.
 * Messages are for operators; shopper replies must use the code alone, never say which detail was
 * wrong. After `maxVerificationAttempts` failures, typed details are no longer checked.
 */
export function decideDisclosure(input: { order: Order; claim: OwnershipClaim; failedAttempts?: number; now: Date }): DisclosureDecision {
  const { order, claim, now } = input;
  const orderEmail = present(order.email) ? normaliseEmail(order.email) : null;
  const orderPostal = present(order.shippingAddress?.zip) ? order.shippingAddress!.zip : null;

  if (present(claim.channelCustomerId) && order.customerId !== null && claim.channelCustomerId.trim() === order.customerId)
    return decisionFrom([{ code: 'channel_customer_match', effect: 'allow', message: `the channel's authenticated customer owns order ${order.name}` }], now);
  if (present(claim.channelVerifiedEmail) && orderEmail !== null && normaliseEmail(claim.channelVerifiedEmail) === orderEmail)
    return decisionFrom([{ code: 'channel_email_match', effect: 'allow', message: `the channel-verified e-mail is the e-mail on order ${order.name}` }], now);

  const typed = present(claim.email) || present(claim.postalCode);
  const attempts = input.failedAttempts ?? 0;
  if (typed && attempts >= maxVerificationAttempts)
    return decisionFrom(
      [
        {
          code: 'too_many_attempts',
          effect: 'deny',
          message: `${attempts} failed verification attempts on this order or by this shopper in the last ${verificationLockoutHours} hours; details are no longer checked, a human takes over`,
          facts: { failedAttempts: attempts },
        },
      ],
      now,
    );
  if (present(claim.email) && orderEmail !== null && normaliseEmail(claim.email) === orderEmail)
    return decisionFrom([{ code: 'email_match', effect: 'allow', message: `the e-mail given is the e-mail on order ${order.name}` }], now);
  if (present(claim.postalCode) && orderPostal !== null && postalCodesMatch(claim.postalCode, orderPostal))
    return decisionFrom(
      [{ code: 'postal_code_match', effect: 'allow', message: `the postal code given is the shipping postal code of order ${order.name}` }],
      now,
    );

  const channelClaimed = present(claim.channelCustomerId) || present(claim.channelVerifiedEmail);
  if (!typed && !channelClaimed)
    return decisionFrom([{ code: 'verification_required', effect: 'deny', message: `no e-mail or postal code given yet for order ${order.name}` }], now);
  return decisionFrom(
    [
      {
        code: 'verification_failed',
        effect: 'deny',
        message: `order ${order.name}: ${mismatches(claim).join('; ')}`,
        facts: { failedAttempts: typed ? attempts + 1 : attempts },
      },
    ],
    now,
  );
}

/** Which details did not match, for the operator (never for the shopper). */
function mismatches(claim: OwnershipClaim): string[] {
  const out: string[] = [];
  if (present(claim.email)) out.push('the e-mail given does not match');
  if (present(claim.postalCode)) out.push('the postal code given does not match');
  if (present(claim.channelVerifiedEmail)) out.push("the channel-verified e-mail is not the order's");
  if (present(claim.channelCustomerId)) out.push("the channel's customer is not the order's");
  return out;
}

/** "jane.doe@example.com" → "j***@example.com": a hint that shows which address without revealing it. */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return '***';
  return `${trimmed[0]}***${trimmed.slice(at)}`;
}
