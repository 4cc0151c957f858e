import { createServer, type Server } from 'node:http';
import { piecesOf, readBody, sendJson, tokenCount, type ModelAnswer, type ReceivedRequest } from './model-wire';

/**
 * A local server speaking Anthropic's documented Messages protocol: POST /v1/messages with
 * the key (`x-api-key` or bearer) and `anthropic-version`, JSON answers and `stream: true` event streams
 * (message_start, content_block_start/delta/stop with text_delta or input_json_delta, message_delta,
 * message_stop), tool_use blocks, typed error bodies, 429 with Retry-After, 500s and silence.
 */
export async function startAnthropicServer(options: { apiKey: string; answer: (request: ReceivedRequest) => ModelAnswer }) {
  const received: ReceivedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const error = (type: string, message: string) => ({ type: 'error', error: { type, message } });
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/messages') return sendJson(res, 404, error('not_found_error', 'Not found'));
    // The key travels as `x-api-key` or, from the 1.x clients, as a bearer token: both are accepted.
    if (req.headers['x-api-key'] !== options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) return sendJson(res, 401, error('authentication_error', 'invalid x-api-key'));
    if (typeof req.headers['anthropic-version'] !== 'string') return sendJson(res, 400, error('invalid_request_error', 'anthropic-version header is required'));
    const raw = await readBody(req);
    const body = JSON.parse(raw) as Record<string, unknown>;
    const request: ReceivedRequest = { path: req.url, headers: req.headers, raw, body };
    received.push(request);
    if (typeof body.model !== 'string' || typeof body.max_tokens !== 'number' || !Array.isArray(body.messages))
      return sendJson(res, 400, error('invalid_request_error', 'model, max_tokens and messages are required'));
    const answer = options.answer(request);
    if ('hang' in answer) return;
    if ('status' in answer)
      return sendJson(
        res,
        answer.status,
        answer.status === 429 ? error('rate_limit_error', 'Number of requests has exceeded your rate limit') : error('api_error', 'Internal server error'),
        answer.retryAfterSeconds !== undefined ? { 'retry-after': String(answer.retryAfterSeconds) } : {},
      );
    const id = `msg_${received.length}`;
    const inputTokens = tokenCount(JSON.stringify(body.messages) + String(body.system ?? ''));
    const text = 'text' in answer ? answer.text : '';
    const tool = 'tool' in answer ? { type: 'tool_use', id: `toolu_${received.length}`, name: answer.tool.name, input: answer.tool.input } : null;
    const outputTokens = tokenCount(text || JSON.stringify(tool));
    const stopReason = tool ? 'tool_use' : 'end_turn';
    if (body.stream !== true) {
      return sendJson(res, 200, {
        id,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: tool ? [tool] : [{ type: 'text', text }],
        stop_reason: stopReason,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: outputTokens },
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (type: string, data: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    event('message_start', { message: { id, type: 'message', role: 'assistant', model: body.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: inputTokens, output_tokens: 1 } } });
    if (tool) {
      event('content_block_start', { index: 0, content_block: { type: 'tool_use', id: tool.id, name: tool.name, input: {} } });
      for (const piece of answer.chunks ?? piecesOf(JSON.stringify(tool.input), 12)) event('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: piece } });
    } else {
      event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
      for (const piece of answer.chunks ?? piecesOf(text)) event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: piece } });
    }
    event('content_block_stop', { index: 0 });
    event('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } });
    event('message_stop', {});
    res.end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
