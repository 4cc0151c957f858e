import type { Intent, Sentiment } from '../core/ports/nlu';
import type { LinearModel } from './linear-model';

/** A linear model stored compactly: int8 weights with one scale per feature row. */
export interface QuantizedLinear {
  classes: number;
  rowScale: string;
  weights: string;
  bias: number[];
  temperature: number;
}

export interface NluModelFile {
  version: 1;
  corpusHash: string;
  examples: number;
  featureKeys: string[];
  intent: QuantizedLinear & { labels: Intent[]; otherThreshold: number };
  sentiment: QuantizedLinear & { labels: Sentiment[] };
}

export function quantize(model: LinearModel): QuantizedLinear {
  const { classes, features, weights } = model;
  const scales = new Float32Array(features);
  const q = new Int8Array(weights.length);
  for (let f = 0; f < features; f += 1) {
    let max = 0;
    for (let c = 0; c < classes; c += 1) max = Math.max(max, Math.abs(weights[f * classes + c]!));
    const scale = max / 127 || 1;
    scales[f] = scale;
    for (let c = 0; c < classes; c += 1) q[f * classes + c] = Math.round(weights[f * classes + c]! / scale);
  }
  return {
    classes,
    rowScale: Buffer.from(scales.buffer).toString('base64'),
    weights: Buffer.from(q.buffer).toString('base64'),
    bias: [...model.bias].map((b) => Number(b.toFixed(6))),
    temperature: model.temperature,
  };
}

export function dequantize(stored: QuantizedLinear, features: number): LinearModel {
  const scales = new Float32Array(new Uint8Array(Buffer.from(stored.rowScale, 'base64')).buffer);
  const q = new Int8Array(new Uint8Array(Buffer.from(stored.weights, 'base64')).buffer);
  const weights = new Float32Array(q.length);
  for (let f = 0; f < features; f += 1) for (let c = 0; c < stored.classes; c += 1) weights[f * stored.classes + c] = q[f * stored.classes + c]! * scales[f]!;
  return { classes: stored.classes, features, weights, bias: Float32Array.from(stored.bias), temperature: stored.temperature };
}
