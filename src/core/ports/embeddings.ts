/** Vectors for retrieval. Adapters: local word vectors (default, no service), OpenAI-compatible. */
export interface Embeddings {
  /** Recorded per store with the vectors: a change of model means `concierge kb reembed`. */
  readonly model: string;
  readonly dims: number;
  /** The model reads whole sentences (a sentence encoder): it is given the question as written, not its content words. */
  readonly readsSentences?: boolean;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}
