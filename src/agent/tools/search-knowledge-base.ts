import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { StoreSettings } from '../../core/settings';
import type { KnowledgeAnswer, KnowledgeAnswerer } from '../deps';
import { storeIdOf } from './tool-context';

/** search_knowledge_base: a grounded answer with its sources from the store's documents and catalog. */
export const searchKnowledgeBaseTool = (knowledge: KnowledgeAnswerer | undefined, settingsOf: (storeId: string) => Promise<StoreSettings>) =>
  tool(
    async ({ query, prefer }, config): Promise<KnowledgeAnswer> => {
      const storeId = storeIdOf(config);
      if (!knowledge) return { found: false, answer: '', citations: [] };
      return knowledge(storeId, query, await settingsOf(storeId), prefer ? { prefer } : {});
    },
    {
      name: 'search_knowledge_base',
      description: "Search the store's policies, FAQs and product information; returns an answer with citations.",
      schema: z.object({ query: z.string().min(1).max(500), prefer: z.enum(['product', 'builtin', 'upload']).optional() }),
    },
  );
