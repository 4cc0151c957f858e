import type { StoreSettings } from '../core/settings';
import { builtinDocuments } from './builtin/builtin-documents';
import type { KnowledgeService } from './knowledge-base';

/**
 * The default articles of a store that uses them (the demo store): installed once, and re-rendered
 * whenever the settings they quote change, so the articles never state an old return window.
 */
export function defaultArticles(knowledge: KnowledgeService) {
  const rendered = new Map<string, string>(); // storeId → settings fingerprint last rendered (or found without articles)

  async function install(storeId: string, settings: StoreSettings): Promise<number> {
    let changed = 0;
    for (const document of builtinDocuments(settings)) {
      const { outcome } = await knowledge.ingest(storeId, document, 'builtin');
      if (outcome !== 'unchanged') changed += 1;
    }
    rendered.set(storeId, fingerprint(settings));
    return changed;
  }

  return {
    install,
    /** Re-renders the articles if the store has them and the figures they quote changed. Cheap when nothing did. */
    async refresh(storeId: string, settings: StoreSettings): Promise<void> {
      const print = fingerprint(settings);
      if (rendered.get(storeId) === print) return;
      const existing = await knowledge.list(storeId, { kind: 'builtin', limit: 1 });
      if (existing.length === 0) rendered.set(storeId, print);
      else await install(storeId, settings);
    },
  };
}

const fingerprint = (s: StoreSettings) =>
  JSON.stringify([
    s.returnWindowDays,
    s.refundWindowDays,
    s.excludedReturnCategories,
    s.returnlessRefundReasons,
    s.refundAutoApproveLimit,
    s.maxRefundsPerOrder,
    s.currency,
  ]);
