import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unsafeText } from './safe-text';

test('plain addresses, names and notes pass, in any script', () => {
  for (const value of ['45 Elm Street, Apt 3', "O'Brien & Sons", 'Flat 2 – 14 Rue de l’Église', '東京都港区1-2-3', 'José Müller-Lüdenscheidt', '5 < 6 is true']) {
    assert.equal(unsafeText(value, 'address_line'), null, value);
  }
  assert.equal(unsafeText('leave it at the door\nthanks', 'note'), null);
});

test('markup, script URLs, control characters and overlong text are refused', () => {
  const cases: [string, string][] = [
    ['45 Elm Street <script>alert(1)</script>', 'markup'],
    ['<svg onload=alert(1)>', 'markup'],
    ['<img/src=x onerror=alert(1)>', 'markup'],
    ['x" onmouseover="alert(1)', 'markup'],
    ['&#60;script&#62;', 'markup'],
    ['&lt;b&gt;bold', 'markup'],
    ['<!-- hidden -->', 'markup'],
    ['javascript:alert(1)', 'script_url'],
    ['JaVaScRiPt :alert(1)', 'script_url'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'script_url'],
    ['Elm\u0000Street', 'control_characters'],
    ['Elm\u202EteertS', 'control_characters'],
    ['Elm\u200BStreet', 'control_characters'],
    ['El\u200Dm Street', 'control_characters'],
    ['line one\nline two', 'control_characters'],
    ['x'.repeat(121), 'too_long'],
  ];
  for (const [value, why] of cases) assert.equal(unsafeText(value, 'address_line'), why, value);
  assert.equal(unsafeText('x'.repeat(1001), 'note'), 'too_long');
  // A joiner inside an emoji sequence is text (a name like "Zoë 👩‍👩‍👧"), not a hiding place.
  assert.equal(unsafeText('Zoë 👩‍👩‍👧 مريم', 'name'), null);
});
