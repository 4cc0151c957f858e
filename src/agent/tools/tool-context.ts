import type { RunnableConfig } from '@langchain/core/runnables';
import type { RequestContext } from '../order-actions/index';

/** Tools act for one store, named by the run, never by the model's arguments. */
export function storeIdOf(config: RunnableConfig | undefined): string {
  const storeId = config?.configurable?.store_id as string | undefined;
  if (!storeId) throw new Error('tool called without configurable.store_id');
  return storeId;
}

/** Who asks and under which settings: tools that move money or change an order act with it (never the model's arguments). */
export function requestContextOf(config: RunnableConfig | undefined): RequestContext {
  const context = config?.configurable?.request as RequestContext | undefined;
  if (!context || context.storeId !== storeIdOf(config)) throw new Error('tool called without configurable.request for its store');
  return context;
}

export const toolConfig = (storeId: string, request?: RequestContext): RunnableConfig => ({ configurable: { store_id: storeId, ...(request ? { request } : {}) } });
