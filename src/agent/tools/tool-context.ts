import type { RunnableConfig } from '@langchain/core/runnables';

/** Tools act for one store, named by the run, never by the model's arguments. */
export function storeIdOf(config: RunnableConfig | undefined): string {
  const storeId = config?.configurable?.store_id as string | undefined;
  if (!storeId) throw new Error('tool called without configurable.store_id');
  return storeId;
}

export const toolConfig = (storeId: string): RunnableConfig => ({ configurable: { store_id: storeId } });
