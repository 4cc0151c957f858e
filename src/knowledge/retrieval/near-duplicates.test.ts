import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutNearDuplicates } from './near-duplicates';

const FOOTER = 'Questions? Our team answers every e-mail within one business day, Monday to Friday, from 9 am to 6 pm Eastern.';

test('a paragraph pasted into several pages takes one of the five places, not all', () => {
  const ranked = [
    { page: 'shipping', content: FOOTER },
    { page: 'returns', content: `${FOOTER}` },
    { page: 'warranty', content: `${FOOTER.replace('6 pm', '6pm')}` },
    { page: 'contact', content: 'Call us on weekdays; the phone line closes at 5 pm.' },
    { page: 'hours', content: 'The shop in Leeds opens Monday to Saturday, 10 am to 6 pm.' },
  ];
  const kept = withoutNearDuplicates(ranked, (hit) => hit.content, 5);
  assert.deepEqual(
    kept.map((hit) => hit.page),
    ['shipping', 'contact', 'hours'],
  );
});

test('passages that only share a topic are all kept, in order, up to k', () => {
  const ranked = ['We ship to Canada in 5 days.', 'We ship to Mexico in 8 days.', 'Returns are free within 30 days.'].map((content) => ({ content }));
  assert.equal(withoutNearDuplicates(ranked, (hit) => hit.content, 5).length, 3);
  assert.equal(withoutNearDuplicates(ranked, (hit) => hit.content, 2).length, 2);
});
