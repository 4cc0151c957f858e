import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A local server speaking OpenAI's documented embeddings protocol (POST /v1/embeddings, bearer
 * auth, `dimensions`, `encoding_format`, error bodies, 429 with Retry-After). Its vectors hash the
 * words of each input, so texts sharing words are similar.
 */
export async function startEmbeddingsServer(options: { apiKey: string; rateLimitFirst?: number }) {
  const requests: { model: string; inputs: number; dimensions: number }[] = [];
  let toLimit = options.rateLimitFirst ?? 0;
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v1/embeddings')
      return send(404, { error: { message: `Unknown request URL: ${req.method} ${req.url}`, type: 'invalid_request_error', code: 'unknown_url' } });
    if (req.headers.authorization !== `Bearer ${options.apiKey}`)
      return send(401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    if (toLimit > 0) {
      toLimit -= 1;
      return send(429, { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after': '0' });
    }
    const body = JSON.parse(await read(req)) as { model: string; input: string | string[]; dimensions?: number; encoding_format?: string };
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    const dimensions = body.dimensions ?? 1536;
    if (inputs.length > 2048 || inputs.some((text) => typeof text !== 'string' || text.length === 0))
      return send(400, { error: { message: "'$.input' is invalid.", type: 'invalid_request_error', code: null } });
    if (body.encoding_format !== 'float')
      return send(400, { error: { message: 'this test server only answers encoding_format=float', type: 'invalid_request_error', code: null } });
    requests.push({ model: body.model, inputs: inputs.length, dimensions });
    send(200, {
      object: 'list',
      data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: hashedVector(text, dimensions) })),
      model: body.model,
      usage: { prompt_tokens: inputs.length * 8, total_tokens: inputs.length * 8 },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { baseURL: `http://127.0.0.1:${port}/v1`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function hashedVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    const digest = createHash('sha256').update(word.replace(/s$/, '')).digest();
    vector[digest.readUInt32LE(0) % dimensions]! += 1;
    vector[digest.readUInt32LE(4) % dimensions]! += 0.5;
  }
  return vector;
}

async function read(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
