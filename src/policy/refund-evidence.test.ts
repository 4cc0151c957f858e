import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applySettingsPatch, defaultSettings, settingsPatchSchema } from '../core/settings';
import { decideRefund } from './refund-approval';
import { testNow, testOrder, testSettings } from './test-fixtures';
import type { RefundReason } from './refund-reasons';

const claim = (reason: RefundReason, photos: number | undefined, settings = testSettings(), amountCents?: number) =>
  decideRefund({ order: testOrder(), reason, settings, now: testNow, ...(photos === undefined ? {} : { evidence: { photos } }), ...(amountCents ? { amountCents } : {}) });
const codes = (d: ReturnType<typeof claim>) => d.reasons.map((r) => r.code);

describe('photo evidence for claims about the goods', () => {
  test('by default a damaged item refunded without a return needs a photo: nothing may be requested without one', () => {
    const d = claim('damaged', 0);
    assert.equal(d.outcome, 'review');
    assert.ok(d.evidenceMissing);
    assert.ok(codes(d).includes('evidence_required'));
  });

  for (const reason of ['damaged', 'defective', 'wrong_item', 'not_as_described'] as const)
    test(`"${reason}" with a photo goes to a person, with the photo named for them`, () => {
      const d = claim(reason, 1, testSettings({ returnlessRefundReasons: ['damaged', 'defective', 'wrong_item', 'not_as_described'] }));
      assert.equal(d.outcome, 'review');
      assert.equal(d.evidenceMissing, false);
      assert.match(d.reasons.find((r) => r.code === 'evidence_attached')!.message, /1 photo/);
    });

  test('a claim that needs the goods back anyway asks no photo (the return is the evidence)', () => {
    const d = claim('wrong_item', 0);
    assert.ok(!codes(d).includes('evidence_required'));
  });

  test('a parcel that never came cannot be photographed: no photo asked', () => {
    const d = claim('not_received', 0);
    assert.ok(!codes(d).includes('evidence_required') && !d.evidenceMissing);
  });

  test('"over_amount": under the amount no photo, over it one', () => {
    const settings = testSettings({ evidence: { ...defaultSettings.evidence, photo: 'over_amount', photoOverAmount: 15 } });
    assert.equal(claim('damaged', 0, settings, 1000).evidenceMissing, false);
    assert.equal(claim('damaged', 0, settings, 1000).outcome, 'allow');
    assert.equal(claim('damaged', 0, settings, 1600).evidenceMissing, true);
  });

  test('"never" turns it off', () => {
    const d = claim('damaged', 0, testSettings({ evidence: { ...defaultSettings.evidence, photo: 'never' } }));
    assert.equal(d.outcome, 'allow');
    assert.equal(d.evidenceMissing, false);
  });

  test('a refusal still wins over the photo: an excluded or unpaid order is denied, not asked for a photo', () => {
    const d = decideRefund({ order: testOrder({ financialStatus: 'refunded' }), reason: 'damaged', settings: testSettings(), now: testNow, evidence: { photos: 0 } });
    assert.equal(d.outcome, 'deny');
  });

  test('the setting is patched field by field and validated', () => {
    const next = applySettingsPatch(defaultSettings, settingsPatchSchema.parse({ evidence: { photo: 'over_amount', photoOverAmount: 30 } }));
    assert.deepEqual(next.evidence, { photo: 'over_amount', photoOverAmount: 30, reasons: defaultSettings.evidence.reasons });
    assert.throws(() => settingsPatchSchema.parse({ evidence: { photo: 'sometimes' } }));
    assert.throws(() => settingsPatchSchema.parse({ evidence: { photoOverAmount: -1 } }));
  });
});
