import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings } from '../../core/settings';
import { createReplyRenderer } from './render';

// Every template, with every date it may state set to yesterday, today, tomorrow or last week: a
// day reads "placed yesterday" and "placed on Wednesday, December 2", never "on yesterday" or "on on".
test('dates in replies read as a person writes them', () => {
  const renderer = createReplyRenderer();
  const now = new Date('2026-12-07T15:00:00Z');
  const days = { yesterday: '2026-12-06T10:00:00Z', today: '2026-12-07T09:00:00Z', tomorrow: '2026-12-08T10:00:00Z', lastWeek: '2026-12-02T10:00:00Z' };
  for (const key of renderer.keys()) {
    for (const [label, iso] of Object.entries(days)) {
      const dated = { ordered_at: iso, cancelled_at: iso, delivered_at: iso, eta: iso, created_at: iso, createdAt: iso };
      const vars = { ...dated, order_name: '#1001', carrier: 'UPS', tracking_number: '1Z', refunds: [{ amount: 100, status_text: 'issued', created_at: iso }], returns: [{ rma: 'RMA-1', created_at: iso, status_text: 'open' }], shipments: [{ items: 'Mug', status: 'in transit', eta: iso }], choices: [{ name: '#1001', title: 'Mug', createdAt: iso }, { name: '#1002', title: 'Hat', createdAt: iso }], currency: 'USD' };
      const text = renderer.render({ template: key, vars }, defaultSettings, now);
      assert.doesNotMatch(text, /\bon (on|today|tomorrow|yesterday)\b/i, `${key} (${label}): ${text}`);
    }
  }
});
