import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a fake model server should do with one request: answer text or a tool call, fail, or be slow. */
export type ModelAnswer =
  | { text: string; chunks?: string[] }
  | { tool: { name: string; input: unknown }; chunks?: string[] }
  | { status: 429 | 500 | 503; retryAfterSeconds?: number }
  | { hang: true };

/** The request as a fake model server received it: the raw body (what the PII assertions read) and its parsed form. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: Record<string, unknown>;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The text in pieces, a few characters each, as a model streams it (tokens split mid-word, and mid-placeholder). */
export function piecesOf(text: string, size = 5): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export const tokenCount = (text: string) => Math.max(1, Math.ceil(text.length / 4));
