import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipWithoutServer } from './support/databases';
import { bearer, createStore, startTestSystem, type TestSystem } from './support/system';

// Six operators, each changing one thing at the same moment.
const CHANGES: Record<string, unknown>[] = [
  { returnWindowDays: 45 },
  { refundWindowDays: 60 },
  { maxRefundsPerOrder: 3 },
  { refundAutoApproveLimit: 123 },
  { brandVoice: { name: 'Aster' } },
  { escalation: { maxUnresolvedTurns: 5 } },
];

async function patchAtOnce(instances: TestSystem[], storeId: string, apiKey: string) {
  const responses = await Promise.all(
    CHANGES.map((payload, i) =>
      instances[i % instances.length]!.app.inject({ method: 'PATCH', url: `/v1/stores/${storeId}/settings`, headers: bearer(apiKey), payload }),
    ),
  );
  for (const response of responses) assert.equal(response.statusCode, 200, response.body);
  const settings = (await instances[0]!.app.inject({ method: 'GET', url: `/v1/stores/${storeId}/settings`, headers: bearer(apiKey) })).json() as Record<
    string,
    unknown
  > & {
    brandVoice: { name: string; tone: string };
    escalation: { maxUnresolvedTurns: number; minConfidence: number };
  };
  return settings;
}

function assertAllLanded(settings: Awaited<ReturnType<typeof patchAtOnce>>, round: number) {
  const lost = [
    settings.returnWindowDays !== 45 && 'returnWindowDays',
    settings.refundWindowDays !== 60 && 'refundWindowDays',
    settings.maxRefundsPerOrder !== 3 && 'maxRefundsPerOrder',
    settings.refundAutoApproveLimit !== 123 && 'refundAutoApproveLimit',
    settings.brandVoice.name !== 'Aster' && 'brandVoice.name',
    settings.escalation.maxUnresolvedTurns !== 5 && 'escalation.maxUnresolvedTurns',
  ].filter(Boolean);
  assert.deepEqual(lost, [], `round ${round}: changes answered 200 but lost`);
  assert.equal(settings.brandVoice.tone, 'friendly', 'a nested field not patched keeps its value');
  assert.equal(settings.escalation.minConfidence, 0.55);
}

describe('simultaneous settings changes to different fields all land (issue 13 item 8)', () => {
  test('server mode, two instances, six PATCHes at once, five rounds', { skip: skipWithoutServer }, async () => {
    const first = await startTestSystem({ backend: 'postgres', redis: true });
    const second = await startTestSystem({ shareWith: first, redis: true });
    try {
      for (let round = 1; round <= 5; round += 1) {
        const s = await createStore(first, `Round ${round}`);
        assertAllLanded(await patchAtOnce([first, second], s.storeId, s.apiKey), round);
      }
    } finally {
      await second.app.close();
      await second.system.close();
      await first.close();
    }
  });
});
