import assert from 'node:assert/strict';
import type { TestSystem } from './system';
import { bearer } from './system';

export interface DocumentView {
  id: string;
  title: string;
  source: string;
  status: 'processing' | 'ready' | 'failed';
  statusReason: string | null;
  chunkCount: number;
  tokenCount: number;
}

/** GET /v1/knowledge/documents/{id} until the document is no longer processing (what a client of the API does). */
export async function documentSettled(t: TestSystem, key: string, id: string, timeoutMs = 60_000): Promise<DocumentView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.app.inject({ method: 'GET', url: `/v1/knowledge/documents/${id}`, headers: bearer(key) });
    assert.equal(response.statusCode, 200, response.body);
    const document = response.json() as DocumentView;
    if (document.status !== 'processing') return document;
    if (Date.now() > deadline) throw new Error(`document ${id} still processing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Uploads a document and waits for its ingestion job: the answer to the POST and the document as it ended. */
export async function uploadAndWait(t: TestSystem, key: string, payload: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'POST', url: '/v1/knowledge/documents', headers: bearer(key), payload });
  if (response.statusCode !== 202 && response.statusCode !== 200) return { response, document: undefined };
  const id = (response.json() as { document: { id: string } }).document.id;
  return { response, document: await documentSettled(t, key, id) };
}
