import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packUnits, unpackUnits } from './knowledge-index';

test('sentence vectors are stored a byte a dimension and read back within rounding, their cosines kept', () => {
  const unit = (values: number[]) => {
    const norm = Math.hypot(...values);
    return Float32Array.from(values, (v) => v / norm);
  };
  const units = [unit([0.25, -1, 0.003, 0.5]), unit([1, 0, -0.125, 0.2])];
  const packed = packUnits(units)!;
  assert.equal(packed.byteLength, 2 * (4 + 4));
  const read = unpackUnits(packed, 4);
  assert.equal(read.length, 2);
  read.forEach((vector, u) => vector.forEach((value, d) => assert.ok(Math.abs(value - units[u]![d]!) < 0.005, `${u}/${d}`)));
  // A driver's buffer is often a view into a larger one.
  const offset = new Uint8Array(packed.byteLength + 8);
  offset.set(packed, 8);
  assert.deepEqual(unpackUnits(offset.subarray(8), 4), read);
  assert.deepEqual(unpackUnits(packUnits([new Float32Array(4)])!, 4), [new Float32Array(4)]);
  assert.equal(packUnits(undefined), null);
  assert.equal(packUnits([]), null);
  assert.throws(() => packUnits([new Float32Array(3), new Float32Array(2)]), /share a dimension/);
});
