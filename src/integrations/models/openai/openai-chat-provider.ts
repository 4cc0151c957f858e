import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsBase, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ClientBudget, ModelProvider, ProviderReply, ProviderRequest } from '../provider';
import { parseToolArguments } from '../tool-arguments';

export interface OpenAiChatOptions extends ClientBudget {
  apiKey: string;
  /** Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio, llama.cpp server. */
  baseURL?: string | undefined;
}

/** Chat Completions through the official `openai` client; the forced tool is a function call. */
export function openAiChatProvider(options: OpenAiChatOptions): ModelProvider {
  // The SDK loads when a provider is configured, not with every start (the default is offline).
  const loaded: Promise<OpenAI> = import('openai').then(({ default: OpenAIClient }) => new OpenAIClient({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs, maxRetries: options.maxRetries, logLevel: 'off' }));
  loaded.catch(() => undefined); // a failed load is reported by the first call, not as an unhandled rejection

  function body(request: ProviderRequest): ChatCompletionCreateParamsBase {
    const { prompt } = request;
    const messages: ChatCompletionMessageParam[] = [{ role: 'system', content: prompt.system }, ...prompt.messages.map((m) => ({ role: m.role, content: m.content }))];
    return {
      model: request.model,
      max_tokens: request.maxTokens,
      messages,
      ...(prompt.tool
        ? {
            tools: [{ type: 'function' as const, function: { name: prompt.tool.name, description: prompt.tool.description, parameters: prompt.tool.parameters } }],
            tool_choice: { type: 'function' as const, function: { name: prompt.tool.name } },
          }
        : {}),
    };
  }

  async function complete(request: ProviderRequest): Promise<ProviderReply> {
    const response = await (await loaded).chat.completions.create({ ...body(request), stream: false }, { signal: request.signal });
    const message = response.choices[0]?.message;
    const call = message?.tool_calls?.find((c) => c.type === 'function');
    return {
      text: message?.content ?? '',
      toolInput: call && call.type === 'function' ? parseToolArguments(call.function.arguments) : null,
      inputTokens: response.usage?.prompt_tokens ?? 0,
      outputTokens: response.usage?.completion_tokens ?? 0,
    };
  }

  async function stream(request: ProviderRequest, onChunk: (text: string) => void): Promise<ProviderReply> {
    const chunks = await (await loaded).chat.completions.create({ ...body(request), stream: true, stream_options: { include_usage: true } }, { signal: request.signal });
    let text = '';
    let args = '';
    let inputTokens = 0;
    let outputTokens = 0;
    for await (const chunk of chunks) {
      const delta = chunk.choices[0]?.delta;
      if (delta?.content) {
        text += delta.content;
        onChunk(delta.content);
      }
      for (const call of delta?.tool_calls ?? []) args += call.function?.arguments ?? '';
      if (chunk.usage) {
        inputTokens = chunk.usage.prompt_tokens;
        outputTokens = chunk.usage.completion_tokens;
      }
    }
    return { text, toolInput: args ? parseToolArguments(args) : null, inputTokens, outputTokens };
  }

  return {
    name: 'openai',
    send: (request) => (request.onChunk ? stream(request, request.onChunk) : complete(request)),
  };
}
