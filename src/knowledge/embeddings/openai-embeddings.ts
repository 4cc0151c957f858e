import OpenAI from 'openai';
import type { Embeddings } from '../../core/ports/embeddings';
import { toUnitLength } from '../../text/unit-vector';

export interface OpenAiEmbeddingsOptions {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  dims: number;
  /** Inputs per request (OpenAI accepts up to 2048). */
  batchSize?: number;
}

/** Embeddings from any OpenAI-compatible endpoint through the official SDK (retries 429 and 5xx itself). */
export function openAiEmbeddings(options: OpenAiEmbeddingsOptions): Embeddings {
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 3, timeout: 30_000 });
  const batchSize = options.batchSize ?? 256;
  return {
    model: `openai:${options.model}@${options.dims}`,
    dims: options.dims,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        const batch = texts.slice(start, start + batchSize).map((text) => text || ' ');
        const response = await client.embeddings.create({ model: options.model, input: batch, dimensions: options.dims, encoding_format: 'float' });
        const ordered = [...response.data].sort((a, b) => a.index - b.index);
        if (ordered.length !== batch.length) throw new Error(`the embeddings endpoint returned ${ordered.length} vectors for ${batch.length} inputs`);
        for (const item of ordered) {
          if (item.embedding.length !== options.dims)
            throw new Error(`the embeddings endpoint returned ${item.embedding.length} dimensions, ${options.dims} were asked`);
          out.push(toUnitLength(Float32Array.from(item.embedding)));
        }
      }
      return out;
    },
  };
}
