import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadScenarios } from '../src/agent/scenarios/index';

// The shipped suite plays every scenario on one demo store (seeding one per scenario would take
// minutes): a scenario that acts on an order changes it for the others, so no two may act on one.
test('no two shipped scenarios act on the same order', () => {
  const actedBy = new Map<string, string>();
  const clashes: string[] = [];
  for (const scenario of loadScenarios('scenarios/demo')) {
    const orders = new Set(scenario.turns.flatMap((t) => (t.expect?.actions ?? []).map((a) => a.order?.replace(/^#/, '')).filter((o): o is string => Boolean(o))));
    for (const order of orders) {
      const other = actedBy.get(order);
      if (other) clashes.push(`#${order}: "${other}" and "${scenario.name}"`);
      else actedBy.set(order, scenario.name);
    }
  }
  assert.deepEqual(clashes, []);
  assert.ok(actedBy.size >= 15, `only ${actedBy.size} orders acted on: the suite lost its acting scenarios`);
});
