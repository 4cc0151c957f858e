import type OpenAI from 'openai';
import { toUnitLength } from '../../../text/unit-vector';
import type { ShieldedTexts } from '../shield/shielded-prompt';

export interface OpenAiEmbeddingsOptions {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  dims: number;
  /** Inputs per request (OpenAI accepts up to 2048). */
  batchSize?: number;
}

/** Vectors from any OpenAI-compatible embeddings endpoint through the official SDK (retries 429 and 5xx itself); it takes shielded text only. */
export function openAiEmbeddingsEndpoint(options: OpenAiEmbeddingsOptions) {
  // The SDK loads when embeddings are configured, not with every start.
  const loaded: Promise<OpenAI> = import('openai').then(({ default: OpenAIClient }) => new OpenAIClient({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 3, timeout: 30_000, logLevel: 'off' }));
  loaded.catch(() => undefined); // reported by the first call
  const batchSize = options.batchSize ?? 256;
  return async (shielded: ShieldedTexts): Promise<Float32Array[]> => {
    const texts = shielded.texts;
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      const batch = texts.slice(start, start + batchSize).map((text) => text || ' ');
      const response = await (await loaded).embeddings.create({ model: options.model, input: batch, dimensions: options.dims, encoding_format: 'float' });
      const ordered = [...response.data].sort((a, b) => a.index - b.index);
      if (ordered.length !== batch.length) throw new Error(`the embeddings endpoint returned ${ordered.length} vectors for ${batch.length} inputs`);
      for (const item of ordered) {
        if (item.embedding.length !== options.dims)
          throw new Error(`the embeddings endpoint returned ${item.embedding.length} dimensions, ${options.dims} were asked`);
        out.push(toUnitLength(Float32Array.from(item.embedding)));
      }
    }
    return out;
  };
}
