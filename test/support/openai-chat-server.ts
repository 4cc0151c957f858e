import { createServer, type Server } from 'node:http';
import { piecesOf, readBody, sendJson, tokenCount, type ModelAnswer, type ReceivedRequest } from './model-wire';

/**
 * A local server speaking OpenAI's documented Chat Completions protocol: POST /v1/chat/completions
 * with bearer auth, JSON answers and `stream: true` Server-Sent Events (`data: {chunk}` … `data: [DONE]`,
 * the usage chunk with `stream_options.include_usage`), function tool calls, error bodies, 429 with
 * Retry-After, 500s and answers that never come. `answer` decides each reply from the request.
 */
export async function startOpenAiChatServer(options: { apiKey: string; answer: (request: ReceivedRequest) => ModelAnswer }) {
  const received: ReceivedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
      return sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method} ${req.url}`, type: 'invalid_request_error', code: 'unknown_url' } });
    if (req.headers.authorization !== `Bearer ${options.apiKey}`)
      return sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    const raw = await readBody(req);
    const body = JSON.parse(raw) as Record<string, unknown>;
    const request: ReceivedRequest = { path: req.url, headers: req.headers, raw, body };
    received.push(request);
    if (typeof body.model !== 'string' || !Array.isArray(body.messages))
      return sendJson(res, 400, { error: { message: "'model' and 'messages' are required", type: 'invalid_request_error', code: null } });
    const answer = options.answer(request);
    if ('hang' in answer) return;
    if ('status' in answer)
      return sendJson(
        res,
        answer.status,
        { error: { message: answer.status === 429 ? 'Rate limit reached for requests' : 'The server had an error while processing your request.', type: answer.status === 429 ? 'requests' : 'server_error', code: null } },
        answer.retryAfterSeconds !== undefined ? { 'retry-after': String(answer.retryAfterSeconds) } : {},
      );
    const id = `chatcmpl-${received.length}`;
    const created = Math.floor(Date.now() / 1000);
    const promptTokens = tokenCount(JSON.stringify(body.messages));
    const toolCall = 'tool' in answer ? { id: `call_${received.length}`, type: 'function', function: { name: answer.tool.name, arguments: JSON.stringify(answer.tool.input) } } : null;
    const text = 'text' in answer ? answer.text : '';
    const completionTokens = tokenCount(text || JSON.stringify(toolCall));
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    if (body.stream !== true) {
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: toolCall ? null : text, ...(toolCall ? { tool_calls: [toolCall] } : {}), refusal: null }, logprobs: null, finish_reason: toolCall ? 'tool_calls' : 'stop' }],
        usage,
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`);
    chunk({ role: 'assistant', content: '' });
    if (toolCall) {
      const args = toolCall.function.arguments;
      chunk({ tool_calls: [{ index: 0, id: toolCall.id, type: 'function', function: { name: toolCall.function.name, arguments: '' } }] });
      for (const piece of answer.chunks ?? piecesOf(args, 12)) chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] });
    } else for (const piece of answer.chunks ?? piecesOf(text)) chunk({ content: piece });
    chunk({}, toolCall ? 'tool_calls' : 'stop');
    if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage)
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage })}\n\n`);
    res.end('data: [DONE]\n\n');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
