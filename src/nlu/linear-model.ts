/**
 * A multinomial logistic regression over sparse features: deterministic training (seeded
 * shuffle, fixed epochs), softmax with a temperature for calibrated confidences.
 */
export interface SparseExample {
  ids: Int32Array;
  values: Float32Array;
  label: number;
  weight?: number;
}

export interface LinearModel {
  classes: number;
  features: number;
  /** Row-major [feature][class]; int8 when loaded from the model file, then scaled by `rowScale`. */
  weights: Float32Array | Int8Array;
  /** One scale per feature row for quantised weights. */
  rowScale?: Float32Array;
  bias: Float32Array;
  temperature: number;
}

/** A small deterministic PRNG (mulberry32): same seed, same shuffle, same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function scores(model: LinearModel, ids: Int32Array, values: Float32Array, out = new Float64Array(model.classes)): Float64Array {
  const { classes, weights, bias, rowScale } = model;
  for (let c = 0; c < classes; c += 1) out[c] = bias[c]!;
  for (let i = 0; i < ids.length; i += 1) {
    const row = ids[i]! * classes;
    const v = rowScale ? values[i]! * rowScale[ids[i]!]! : values[i]!;
    for (let c = 0; c < classes; c += 1) out[c]! += weights[row + c]! * v;
  }
  return out;
}

/** The index of the largest value (the first on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if (values[i]! > values[best]!) best = i;
  return best;
}

export function softmax(logits: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  let sum = 0;
  const out = new Float64Array(logits.length);
  for (let c = 0; c < logits.length; c += 1) {
    out[c] = Math.exp((logits[c]! - max) / temperature);
    sum += out[c]!;
  }
  for (let c = 0; c < out.length; c += 1) out[c]! /= sum;
  return out;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** Plain SGD with L2 (lazy, per touched feature) and a decaying step: small, exact, reproducible. */
export function trainLinear(examples: SparseExample[], classes: number, features: number, options: TrainOptions): LinearModel {
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);
  const logits = new Float64Array(classes);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const example = examples[index]!;
      const rate = options.learningRate / (1 + step * 1e-5);
      step += 1;
      scores({ classes, features, weights, bias, temperature: 1 }, example.ids, example.values, logits);
      const probs = softmax(logits);
      const weight = example.weight ?? 1;
      for (let c = 0; c < classes; c += 1) {
        const gradient = (probs[c]! - (c === example.label ? 1 : 0)) * weight;
        bias[c]! -= rate * gradient;
        for (let k = 0; k < example.ids.length; k += 1) {
          const at = example.ids[k]! * classes + c;
          weights[at]! -= rate * (gradient * example.values[k]! + options.l2 * weights[at]!);
        }
      }
    }
  }
  return { classes, features, weights, bias, temperature: 1 };
}

/** The temperature that minimises the negative log-likelihood on held-back examples (grid search). */
export function fitTemperature(model: LinearModel, validation: SparseExample[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.05; t <= 4; t += 0.05) {
    let loss = 0;
    for (const example of validation) {
      const p = softmax(scores(model, example.ids, example.values), t)[example.label]!;
      loss -= Math.log(Math.max(p, 1e-12));
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = Number(t.toFixed(2));
    }
  }
  return best;
}
