import { z } from 'zod';
import { knowledgeFormats } from '../../../core/ports/knowledge';

export const kindSchema = z.enum(['upload', 'product', 'builtin']);

export const documentSchema = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  kind: kindSchema,
  format: z.enum(knowledgeFormats),
  chunkCount: z.number().int(),
  tokenCount: z.number().int(),
  contentHash: z.string().describe('empty until the first upload is indexed'),
  status: z.enum(['processing', 'ready', 'failed']).describe('processing: accepted, being indexed in the background; ready: searchable; failed: the last upload could not be indexed (statusReason says why; passages indexed before stay)'),
  statusReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ingestBody = z.strictObject({
  format: z.enum(knowledgeFormats).describe('markdown, html, text, or pdf (content then base64)'),
  content: z.string().min(1).max(15_000_000),
  title: z.string().trim().min(1).max(300).optional().describe('defaults to the first heading, then the source'),
  source: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe("the document's identity in the store (a file name, a URL): ingesting the same source again replaces it; defaults to the title"),
});

export const hitSchema = z.object({
  chunkId: z.string(),
  documentId: z.string(),
  title: z.string(),
  titlePath: z.array(z.string()),
  source: z.string(),
  kind: kindSchema,
  content: z.string(),
  score: z.number(),
  relevance: z.number(),
  ranks: z.object({ lexical: z.number().optional(), vector: z.number().optional() }),
});
