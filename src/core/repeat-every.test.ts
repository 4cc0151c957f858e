import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repeatEvery } from './repeat-every';

test('runs at once and again after each run, never two at once; a failure is reported and the loop goes on; stop waits for the run', async () => {
  let running = 0;
  let most = 0;
  let runs = 0;
  const errors: unknown[] = [];
  const loop = repeatEvery(
    5,
    async () => {
      running += 1;
      most = Math.max(most, running);
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 15));
      running -= 1;
      if (runs === 2) throw new Error('second run fails');
    },
    (error) => errors.push(error),
  );
  loop.start();
  await new Promise((resolve) => setTimeout(resolve, 120));
  await loop.stop();
  const stoppedAt = runs;
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(most, 1);
  assert.ok(runs >= 3, `runs ${runs}`);
  assert.equal(errors.length, 1);
  assert.equal(running, 0, 'stop waited for the run in progress');
  assert.equal(runs, stoppedAt, 'nothing runs after stop');
});
