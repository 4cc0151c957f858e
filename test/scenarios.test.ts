import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadScenarios, reportScenario, runScenario, serviceDriver } from '../src/agent/scenarios/index';
import { seedDemoStore } from '../src/demo-bootstrap';
import { startTestSystem, type TestSystem } from './support/system';

// The shipped scenario suite (scenarios/demo, docs/scenarios.md) on a fresh demo store: every
// scenario is a test, and a failure prints the whole conversation with what differed.
const scenarios = loadScenarios('scenarios/demo');

describe('scenario suite: scenarios/demo', () => {
  let t: TestSystem;
  let driver: ReturnType<typeof serviceDriver>;
  before(async () => {
    t = await startTestSystem();
    const demo = await seedDemoStore(t.system);
    driver = serviceDriver(t.system.agent.conversations, demo.store.id);
  });
  after(() => t.close());

  for (const scenario of scenarios) {
    test(`${scenario.file} › ${scenario.name}`, async () => {
      const result = await runScenario(driver, scenario);
      assert.ok(result.passed, `\n${reportScenario(result)}`);
    });
  }
});
