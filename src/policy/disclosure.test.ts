import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Order } from '../core/commerce';
import { decideDisclosure, maskEmail, maxVerificationAttempts, type DisclosureDecision, type OwnershipClaim } from './disclosure';
import { assertDecision, testNow, testOrder } from './test-fixtures';

const usOrder = testOrder({ shippingAddress: { address1: '1 Main St', city: 'Austin', zip: '78701-1234', country: 'US' } });

interface Case {
  name: string;
  order?: Order;
  claim: OwnershipClaim;
  failedAttempts?: number;
  outcome: DisclosureDecision['outcome'];
  code: string;
}

const cases: Case[] = [
  { name: 'e-mail matches, case and spaces ignored', claim: { email: '  jane.DOE@Example.com ' }, outcome: 'allow', code: 'email_match' },
  { name: 'postal code matches, case and spaces ignored', claim: { postalCode: 'sw1a1aa' }, outcome: 'allow', code: 'postal_code_match' },
  { name: 'US ZIP matches its ZIP+4', order: usOrder, claim: { postalCode: '78701' }, outcome: 'allow', code: 'postal_code_match' },
  { name: 'another ZIP does not', order: usOrder, claim: { postalCode: '78702' }, outcome: 'deny', code: 'verification_failed' },
  {
    name: 'right postal code, wrong e-mail: one match is enough',
    claim: { email: 'someone@else.com', postalCode: 'SW1A 1AA' },
    outcome: 'allow',
    code: 'postal_code_match',
  },
  { name: 'channel customer id', claim: { channelCustomerId: 'c-1' }, outcome: 'allow', code: 'channel_customer_match' },
  { name: 'channel-verified e-mail', claim: { channelVerifiedEmail: 'JANE.DOE@example.com' }, outcome: 'allow', code: 'channel_email_match' },
  {
    name: 'channel vouches for someone else, typed e-mail right',
    claim: { channelCustomerId: 'c-9', email: 'jane.doe@example.com' },
    outcome: 'allow',
    code: 'email_match',
  },
  { name: 'channel vouches for someone else only', claim: { channelCustomerId: 'c-9' }, outcome: 'deny', code: 'verification_failed' },
  {
    name: 'guest order: a channel id cannot match',
    order: testOrder({ customerId: null }),
    claim: { channelCustomerId: 'c-1' },
    outcome: 'deny',
    code: 'verification_failed',
  },
  { name: 'wrong e-mail', claim: { email: 'jane@example.com' }, outcome: 'deny', code: 'verification_failed' },
  {
    name: 'order without e-mail or address',
    order: testOrder({ email: null, shippingAddress: null }),
    claim: { email: 'jane.doe@example.com', postalCode: 'SW1A 1AA' },
    outcome: 'deny',
    code: 'verification_failed',
  },
  { name: 'nothing shown yet', claim: {}, outcome: 'deny', code: 'verification_required' },
  { name: 'only blanks', claim: { email: '   ', postalCode: '' }, outcome: 'deny', code: 'verification_required' },
  {
    name: 'right details after too many failures',
    claim: { email: 'jane.doe@example.com' },
    failedAttempts: maxVerificationAttempts,
    outcome: 'deny',
    code: 'too_many_attempts',
  },
  {
    name: 'right details on the last attempt allowed',
    claim: { email: 'jane.doe@example.com' },
    failedAttempts: maxVerificationAttempts - 1,
    outcome: 'allow',
    code: 'email_match',
  },
  {
    name: 'the channel still vouches after failures',
    claim: { channelCustomerId: 'c-1' },
    failedAttempts: 10,
    outcome: 'allow',
    code: 'channel_customer_match',
  },
];

for (const c of cases) {
  test(`disclosure: ${c.name}`, () => {
    const decision = decideDisclosure({ order: c.order ?? testOrder(), claim: c.claim, failedAttempts: c.failedAttempts, now: testNow });
    assertDecision(decision, c.outcome, [c.code]);
    const said = JSON.stringify(decision.reasons);
    for (const secret of ['jane.doe', 'SW1A', '78701', 'c-1']) assert.ok(!said.includes(secret), `reasons must not repeat the order's ${secret}`);
  });
}

test('disclosure: a failure counts the attempt and tells the operator which detail was wrong', () => {
  const decision = decideDisclosure({ order: testOrder(), claim: { email: 'x@y.z', postalCode: '00000' }, failedAttempts: 1, now: testNow });
  assert.deepEqual(decision.reasons[0]!.facts, { failedAttempts: 2 });
  assert.match(decision.reasons[0]!.message, /e-mail given does not match; the postal code given does not match/);
});

const masks: [string, string][] = [
  ['jane.doe@example.com', 'j***@example.com'],
  ['  J@example.com ', 'J***@example.com'],
  ['a"b@c"@example.com', 'a***@example.com'],
  ['not-an-email', '***'],
  ['@example.com', '***'],
  ['jane@', '***'],
  ['', '***'],
];
for (const [email, masked] of masks) test(`maskEmail(${JSON.stringify(email)}) → ${masked}`, () => assert.equal(maskEmail(email), masked));
