import type { Embeddings } from '../../core/ports/embeddings';
import type { SentenceEncoder } from '../../text/sentence-encoder';

/**
 * Embeddings from the pretrained sentence encoder (Universal Sentence Encoder lite, 512 dimensions,
 * offline): a retriever that matches a question to a passage by meaning when they share few words.
 * Chunks are embedded at ingestion, in batches; a question at search time (~10-25 ms).
 */
export function sentenceEncoderEmbeddings(encoder: SentenceEncoder): Embeddings {
  return {
    model: encoder.model,
    dims: encoder.dims,
    readsSentences: true,
    embed: (texts) => encoder.embed(texts),
  };
}
