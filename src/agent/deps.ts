import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { CommercePort, PaymentsPort, ShippingPort } from '../core/ports/commerce';
import type { KnowledgeAnswer, KnowledgeKind } from '../core/ports/knowledge';
import type { Nlu } from '../core/ports/nlu';
import type { StoreSettings } from '../core/settings';

export type { KnowledgeAnswer };

/** `prefer`: the kind of passage the asking specialist expects (product questions prefer product pages). */
export type KnowledgeAnswerer = (storeId: string, question: string, settings: StoreSettings, options?: { prefer?: KnowledgeKind }) => Promise<KnowledgeAnswer>;

/** Everything the agent graph needs, passed in by the composition root. */
export interface AgentDeps {
  nlu: Nlu;
  commerce: CommercePort;
  payments: PaymentsPort;
  shipping: ShippingPort;
  /** Absent until a knowledge base is configured: product and general questions then go to a human. */
  knowledge?: KnowledgeAnswerer;
  settings(storeId: string): Promise<StoreSettings>;
  now(): Date;
  checkpointer: BaseCheckpointSaver;
}
