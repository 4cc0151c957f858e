import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelayMs } from './job-backoff';

test('backoff doubles per attempt, stays within [half, full] of the step, and is capped', () => {
  const options = { baseMs: 1_000, maxMs: 10_000 };
  assert.equal(backoffDelayMs(1, options, () => 0), 500);
  assert.equal(backoffDelayMs(1, options, () => 1), 1_000);
  assert.equal(backoffDelayMs(3, options, () => 0), 2_000);
  assert.equal(backoffDelayMs(3, options, () => 1), 4_000);
  assert.equal(backoffDelayMs(30, options, () => 1), 10_000);
  const spread = new Set(Array.from({ length: 20 }, () => backoffDelayMs(4, options)));
  assert.ok(spread.size > 1, 'jitter spreads retries');
});
