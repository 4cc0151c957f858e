import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packUnits, unpackUnits } from './knowledge-index';

test('sentence vectors are stored as little-endian float32 and read back unchanged', () => {
  const units = [new Float32Array([0.25, -1, 3.5e-8]), new Float32Array([1, 0, -0.125])];
  const packed = packUnits(units)!;
  assert.equal(packed.byteLength, 2 * 3 * 4);
  assert.deepEqual(unpackUnits(packed, 3), units);
  // A driver's buffer is often a view into a larger one.
  const offset = new Uint8Array(packed.byteLength + 8);
  offset.set(packed, 8);
  assert.deepEqual(unpackUnits(offset.subarray(8), 3), units);
  assert.equal(packUnits(undefined), null);
  assert.equal(packUnits([]), null);
  assert.throws(() => packUnits([new Float32Array(3), new Float32Array(2)]), /share a dimension/);
});
