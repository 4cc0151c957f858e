import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';

// The keys @langchain/core stores a runnable's config and context variables under (Symbol.for: shared).
const CHILD_CONFIG = Symbol.for('lc:child_config');
const CONTEXT_VARIABLES = Symbol.for('lc:context_variables');

type RunWithConfig = typeof AsyncLocalStorageProviderSingleton.runWithConfig;
let installed = false;

/**
 * @langchain/core wraps every node call in a LangSmith `RunTree` just to carry the config in
 * AsyncLocalStorage, tracing or not: a UUIDv7 from crypto random bytes and a timestamp string per
 * node, 1.8 ms of a 21 ms turn (bench:agent profile, docs/adr/0005). Without callback handlers
 * (no tracing) a plain object carries the same config (what `interrupt()` and `getConfig()` read);
 * with handlers the original path runs unchanged, so LangSmith tracing still works.
 */
export function installLightRunContext(): void {
  if (installed) return;
  installed = true;
  const provider = AsyncLocalStorageProviderSingleton;
  const tracing = ['LANGSMITH_TRACING', 'LANGSMITH_TRACING_V2', 'LANGCHAIN_TRACING_V2', 'LANGCHAIN_TRACING'].some((name) => process.env[name] === 'true');
  const original: RunWithConfig = provider.runWithConfig.bind(provider);
  provider.runWithConfig = ((config, callback, avoidCreatingRootRunTree) => {
    if (tracing || hasCallbackHandlers(config?.callbacks)) return original(config, callback, avoidCreatingRootRunTree);
    const storage = provider.getInstance();
    const previous = storage.getStore() as Record<symbol, unknown> | undefined;
    const store: Record<string | symbol, unknown> = { extra: { [CHILD_CONFIG]: config } };
    if (previous?.[CONTEXT_VARIABLES] !== undefined) store[CONTEXT_VARIABLES] = previous[CONTEXT_VARIABLES];
    return storage.run(store, callback);
  }) as RunWithConfig;
}

function hasCallbackHandlers(callbacks: unknown): boolean {
  if (!callbacks) return false;
  if (Array.isArray(callbacks)) return callbacks.length > 0;
  return ((callbacks as { handlers?: unknown[] }).handlers ?? []).length > 0;
}
