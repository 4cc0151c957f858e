import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { emptyShopperRecords, type ModelCall } from '../../core/ports/language-model';
import { startAnthropicServer } from '../../../test/support/anthropic-messages-server';
import type { ModelAnswer, ReceivedRequest } from '../../../test/support/model-wire';
import { startOpenAiChatServer } from '../../../test/support/openai-chat-server';
import { remoteModel, type RemoteModelConfig } from './index';
import { ModelUnavailable } from './model-unavailable';

const KEY = 'sk-test-providers';
const records = { ...emptyShopperRecords(), names: ['Rosalind Featherstonehaugh'], emails: ['ros.f@example.org'], orderNumbers: ['#2077'] };
const call = (over: Partial<ModelCall> = {}): ModelCall => ({
  scope: { storeId: 'store-a', conversationId: 'conv-a' },
  task: 'phrasing',
  records,
  system: 'Rewrite the draft.',
  messages: [{ role: 'user', content: 'Rosalind Featherstonehaugh here (ros.f@example.org): where is order #2077?' }],
  maxTokens: 200,
  ...over,
});
const tool = { name: 'understand', description: 'intent', parameters: { type: 'object', properties: { intent: { type: 'string' } }, required: ['intent'] } };

// The scripted model answers with the first placeholder it was sent, so restoring is observable.
const echoOrder = (request: ReceivedRequest): string => (request.raw.match(/\{\{order\.\d+\}\}/) ?? ['none'])[0];

type Start = (answer: (r: ReceivedRequest) => ModelAnswer) => Promise<{ baseURL: string; received: ReceivedRequest[]; close(): Promise<void> }>;
const providers: [RemoteModelConfig['provider'], Start][] = [
  ['openai', (answer) => startOpenAiChatServer({ apiKey: KEY, answer })],
  ['anthropic', (answer) => startAnthropicServer({ apiKey: KEY, answer })],
];

for (const [provider, start] of providers) {
  describe(`${provider} through its official client`, () => {
    const servers: { close(): Promise<void> }[] = [];
    after(async () => Promise.all(servers.map((s) => s.close())));
    const model = async (answer: (r: ReceivedRequest) => ModelAnswer, over: Partial<RemoteModelConfig> = {}) => {
      const server = await start(answer);
      servers.push(server);
      const config: RemoteModelConfig = {
        provider,
        apiKey: KEY,
        baseURL: server.baseURL,
        models: { understanding: 'u-model', phrasing: 'p-model', answer: 'a-model' },
        prices: { 'p-model': { input: 1, output: 2 } },
        timeoutMs: 2_000,
        deadlineMs: 3_000,
        maxRetries: 2,
        breaker: { threshold: 3, cooldownMs: 60_000 },
        ...over,
      };
      return { server, model: remoteModel(config) };
    };

    test('a JSON answer comes back restored, with its usage and cost; the request held no personal data', async () => {
      const { server, model } = await model_((r) => ({ text: `It is ${echoOrder(r)}, {{customer.name}}.` }));
      const result = await model.call(call());
      assert.equal(result.text, 'It is #2077, Rosalind Featherstonehaugh.');
      assert.ok(result.usage.inputTokens > 0 && result.usage.outputTokens > 0);
      assert.equal(result.usage.costUsd, (result.usage.inputTokens * 1 + result.usage.outputTokens * 2) / 1e6);
      const sent = server.received[0]!;
      assert.equal(sent.body.model, 'p-model');
      for (const secret of ['Rosalind', 'Featherstonehaugh', 'ros.f@', '2077']) assert.ok(!sent.raw.includes(secret), `${secret} reached the provider`);
    });

    test('a forced tool call returns its arguments, restored', async () => {
      const { server, model } = await model_((r) => ({ tool: { name: 'understand', input: { intent: 'order_status', order: echoOrder(r) } } }));
      const result = await model.call(call({ task: 'understanding', tool }));
      assert.deepEqual(result.toolInput, { intent: 'order_status', order: '#2077' });
      const body = server.received[0]!.body;
      assert.equal(body.model, 'u-model');
      assert.ok(JSON.stringify(body.tools).includes('understand') && body.tool_choice, 'the tool is offered and forced');
    });

    test('a streamed answer arrives in pieces, placeholders split across chunks restored on the fly', async () => {
      const { model } = await model_((r) => ({ text: `Order ${echoOrder(r)} left today.`, chunks: ['Order {', '{ord', 'er.1', '}} left', ' today.'] }));
      const pieces: string[] = [];
      const result = await model.call(call({ onText: (t) => pieces.push(t) }));
      assert.equal(pieces.join(''), 'Order #2077 left today.');
      assert.ok(pieces.length >= 2 && pieces.every((p) => !p.includes('{')));
      assert.equal(result.text, 'Order #2077 left today.');
      assert.ok(result.usage.outputTokens > 0, 'usage read from the stream');
    });

    test('a streamed tool call is assembled from its pieces', async () => {
      const { model } = await model_(() => ({ tool: { name: 'understand', input: { intent: 'refund_request' } } }));
      const result = await model.call(call({ task: 'understanding', tool, onText: () => undefined }));
      assert.deepEqual(result.toolInput, { intent: 'refund_request' });
    });

    test('429 with Retry-After and 500 are retried by the client, then answered', async () => {
      let n = 0;
      const { server, model } = await model_(() => (++n === 1 ? { status: 429, retryAfterSeconds: 0.2 } : n === 2 ? { status: 500 } : { text: 'ok' }));
      const started = Date.now();
      assert.equal((await model.call(call())).text, 'ok');
      assert.equal(server.received.length, 3);
      assert.ok(Date.now() - started >= 180, 'Retry-After was honoured');
    });

    test('a slow provider is abandoned at the deadline; failures in a row open the circuit and no call goes out', async () => {
      const { server, model } = await model_(() => ({ hang: true }), { timeoutMs: 150, deadlineMs: 250, maxRetries: 0 });
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        await assert.rejects(model.call(call()), (e: unknown) => e instanceof ModelUnavailable && e.reason === 'timeout');
        assert.ok(Date.now() - started < 1_000);
      }
      const before = server.received.length;
      await assert.rejects(model.call(call()), (e: unknown) => e instanceof ModelUnavailable && e.reason === 'circuit_open');
      assert.equal(server.received.length, before, 'the open circuit sent nothing');
    });

    test('a provider that keeps failing gives up within the deadline, whatever Retry-After asks', async () => {
      const { model } = await model_(() => ({ status: 429, retryAfterSeconds: 30 }), { deadlineMs: 400 });
      const started = Date.now();
      await assert.rejects(model.call(call()), ModelUnavailable);
      assert.ok(Date.now() - started < 1_500);
    });

    const model_ = model;
  });
}
