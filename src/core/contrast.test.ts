import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AA_TEXT_CONTRAST, contrastRatio, darkenToContrast, relativeLuminance } from './contrast';

test('relative luminance and contrast follow WCAG 2.x (black on white is 21:1, a colour with itself 1:1)', () => {
  assert.equal(relativeLuminance('#000000'), 0);
  assert.equal(relativeLuminance('#FFFFFF'), 1);
  assert.equal(contrastRatio('#000000', '#ffffff'), 21);
  assert.equal(contrastRatio('#1d4ed8', '#1d4ed8'), 1);
  // Published reference figures: #767676 on white is the lightest grey that passes AA (4.54:1); #777777 fails (4.48:1).
  assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
  assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
});

test('a colour too light for white text is darkened, keeping its hue, just enough to pass AA', () => {
  const suggested = darkenToContrast('#ffcc00', '#ffffff');
  assert.ok(contrastRatio(suggested, '#ffffff') >= AA_TEXT_CONTRAST);
  assert.ok(contrastRatio(suggested, '#ffffff') < AA_TEXT_CONTRAST + 0.3, `${suggested} is not darker than it needs to be`);
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(suggested.slice(i, i + 2), 16)) as [number, number, number];
  assert.equal(b, 0);
  assert.ok(Math.abs(g / r - 0.8) < 0.02, 'same hue');
  assert.equal(darkenToContrast('#1d4ed8', '#ffffff'), '#1d4ed8', 'a passing colour is left as it is');
});
