import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catchUp, nearest, vectorTable } from './exact-vector-scan';

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return values.map((v) => v / norm);
};

test('nearest: the best rows by cosine, best first, at most the limit', () => {
  const table = vectorTable({ revision: 1, epoch: 0 }, 2, [
    { id: '1', embedding: unit(1, 0) },
    { id: '2', embedding: unit(0, 1) },
    { id: '3', embedding: unit(1, 1) },
    { id: '4', embedding: unit(-1, 0) },
  ]);
  assert.deepEqual(
    nearest(table, Float32Array.from(unit(1, 0.1)), 2).map((hit) => hit.id),
    ['1', '3'],
  );
  assert.deepEqual(
    nearest(table, Float32Array.from(unit(0, 1)), 10).map((hit) => hit.id),
    ['2', '3', '1', '4'],
  );
  assert.deepEqual(nearest(vectorTable({ revision: 0, epoch: 0 }, 2, []), Float32Array.from([1, 0]), 5), []);
});

test('catchUp: removed rows leave, added rows join, kept rows keep their vectors', () => {
  const before = vectorTable({ revision: 1, epoch: 0 }, 2, [
    { id: '1', embedding: unit(1, 0) },
    { id: '2', embedding: unit(0, 1) },
  ]);
  const after = catchUp(before, { revision: 2, epoch: 0 }, new Set(['2', '5']), [{ id: '5', embedding: unit(1, 0) }]);
  assert.deepEqual(after.ids, ['2', '5']);
  assert.equal(after.revision, 2);
  assert.deepEqual(
    nearest(after, Float32Array.from(unit(1, 0)), 1).map((hit) => hit.id),
    ['5'],
  );
  assert.deepEqual(
    nearest(after, Float32Array.from(unit(0, 1)), 1).map((hit) => hit.id),
    ['2'],
  );
});
