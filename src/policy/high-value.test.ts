import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHighValueOrder } from './high-value';
import { testSettings } from './test-fixtures';

const cases: { name: string; totalCents: number; currency?: string; threshold?: number; settingsCurrency?: string; high: boolean }[] = [
  { name: 'exactly at the threshold', totalCents: 50000, high: true },
  { name: 'one cent under', totalCents: 49999, high: false },
  { name: 'well above', totalCents: 250000, high: true },
  { name: 'threshold with cents', totalCents: 9999, threshold: 99.99, high: true },
  { name: 'threshold 0 turns the check off', totalCents: 10_000_000, threshold: 0, high: false },
  { name: 'another currency cannot be compared: treated as high', totalCents: 100, currency: 'EUR', high: true },
  { name: 'zero-decimal currency', totalCents: 60000, currency: 'JPY', settingsCurrency: 'JPY', threshold: 50000, high: true },
  { name: 'zero-decimal currency under', totalCents: 49999, currency: 'JPY', settingsCurrency: 'JPY', threshold: 50000, high: false },
];

for (const c of cases) {
  test(`high value: ${c.name}`, () => {
    const base = testSettings({ currency: c.settingsCurrency ?? 'USD' });
    const settings = { ...base, escalation: { ...base.escalation, highValueOrderAmount: c.threshold ?? base.escalation.highValueOrderAmount } };
    assert.equal(isHighValueOrder({ totalCents: c.totalCents, currency: c.currency ?? 'USD' }, settings), c.high);
  });
}
