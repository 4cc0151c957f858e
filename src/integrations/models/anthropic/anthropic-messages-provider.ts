import type Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import type { ClientBudget, ModelProvider, ProviderReply, ProviderRequest } from '../provider';
import { parseToolArguments } from '../tool-arguments';

export interface AnthropicOptions extends ClientBudget {
  apiKey: string;
  baseURL?: string | undefined;
}

/** The Messages API through the official `@anthropic-ai/sdk` client; the forced tool is a tool_use block. */
export function anthropicMessagesProvider(options: AnthropicOptions): ModelProvider {
  // The SDK loads when a provider is configured, not with every start (the default is offline).
  const loaded: Promise<Anthropic> = import('@anthropic-ai/sdk').then(({ default: AnthropicClient }) => new AnthropicClient({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs, maxRetries: options.maxRetries, logLevel: 'off' }));
  loaded.catch(() => undefined); // reported by the first call

  function body(request: ProviderRequest): MessageCreateParamsBase {
    const { prompt } = request;
    return {
      model: request.model,
      max_tokens: request.maxTokens,
      system: prompt.system,
      messages: prompt.messages.map((m) => ({ role: m.role, content: m.content })),
      ...(prompt.tool
        ? {
            tools: [{ name: prompt.tool.name, description: prompt.tool.description, input_schema: { type: 'object' as const, ...prompt.tool.parameters } }],
            tool_choice: { type: 'tool' as const, name: prompt.tool.name },
          }
        : {}),
    };
  }

  async function complete(request: ProviderRequest): Promise<ProviderReply> {
    const message = await (await loaded).messages.create({ ...body(request), stream: false }, { signal: request.signal });
    let text = '';
    let toolInput: unknown = null;
    for (const block of message.content) {
      if (block.type === 'text') text += block.text;
      else if (block.type === 'tool_use') toolInput = block.input;
    }
    return { text, toolInput, inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens };
  }

  async function stream(request: ProviderRequest, onChunk: (text: string) => void): Promise<ProviderReply> {
    const events = await (await loaded).messages.create({ ...body(request), stream: true }, { signal: request.signal });
    let text = '';
    let json = '';
    let inputTokens = 0;
    let outputTokens = 0;
    for await (const event of events) {
      if (event.type === 'message_start') inputTokens = event.message.usage.input_tokens;
      else if (event.type === 'message_delta') outputTokens = event.usage.output_tokens;
      else if (event.type === 'content_block_delta') {
        if (event.delta.type === 'text_delta') {
          text += event.delta.text;
          onChunk(event.delta.text);
        } else if (event.delta.type === 'input_json_delta') json += event.delta.partial_json;
      }
    }
    return { text, toolInput: json ? parseToolArguments(json) : null, inputTokens, outputTokens };
  }

  return {
    name: 'anthropic',
    send: (request) => (request.onChunk ? stream(request, request.onChunk) : complete(request)),
  };
}
