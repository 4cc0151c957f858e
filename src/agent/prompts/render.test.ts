import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings } from '../../core/settings';
import { createReplyRenderer, formatDay } from './render';

const renderer = createReplyRenderer();
const now = new Date('2026-03-10T12:00:00Z');

test('every template renders with its facts and the brand sign-off', () => {
  const settings = { ...defaultSettings, brandVoice: { name: 'Acme', tone: 'friendly' as const, signOff: '— Team Acme' } };
  const text = renderer.render(
    { template: 'wismo/in_transit', vars: { order_name: '#1042', carrier: 'UPS', eta: '2026-03-12T00:00:00Z', tracking_number: '1Z999AA10123456784', tracking_url: 'https://ups.example/1Z', last_event: null } },
    settings,
    now,
  );
  assert.match(text, /#1042 is on its way with UPS/);
  assert.match(text, /on Thursday, March 12/);
  assert.match(text, /1Z999AA10123456784/);
  assert.ok(text.endsWith('— Team Acme'));
});

test('the tone changes the phrasing, not the facts', () => {
  const vars = { order_name: '#7', carrier: 'USPS', eta: null, tracking_number: '9400', tracking_url: null, last_event: null };
  const friendly = renderer.render({ template: 'wismo/delayed', vars }, defaultSettings, now);
  const formal = renderer.render({ template: 'wismo/delayed', vars }, { ...defaultSettings, brandVoice: { ...defaultSettings.brandVoice, tone: 'formal' } }, now);
  assert.notEqual(friendly, formal);
  assert.match(formal, /We apologise/);
  for (const text of [friendly, formal]) assert.match(text, /#7.*USPS.*9400/s);
});

test('money is formatted from minor units in the order currency', () => {
  const text = renderer.render({ template: 'refunds/completed', vars: { amount: 4999, currency: 'EUR', items: 'Mug', order_name: '#1' } }, defaultSettings, now);
  assert.match(text, /€49\.99/);
});

test('relative days', () => {
  assert.equal(formatDay('2026-03-10T23:00:00Z', now.toISOString()), 'today');
  assert.equal(formatDay('2026-03-11T01:00:00Z', now.toISOString()), 'tomorrow');
  assert.equal(formatDay('2026-03-09T01:00:00Z', now.toISOString()), 'yesterday');
});

test('an unknown template is an error, never an empty reply', () => {
  assert.throws(() => renderer.render({ template: 'nope/none', vars: {} }, defaultSettings, now), /no reply template/);
});

test('all templates parse', () => {
  assert.ok(renderer.keys().length >= 40);
});
