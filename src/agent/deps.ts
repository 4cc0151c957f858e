import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { CommercePort, PaymentsPort, ShippingPort } from '../core/ports/commerce';
import type { KnowledgeAnswer, KnowledgeKind } from '../core/ports/knowledge';
import type { LanguageModel, ModelTask } from '../core/ports/language-model';
import type { Nlu } from '../core/ports/nlu';
import type { OrderLock } from '../core/ports/order-lock';
import type { OrderRequestLedger } from '../core/ports/order-requests';
import type { ShopperHistory } from '../core/ports/shopper-history';
import type { StoreSettings } from '../core/settings';
import type { VerificationFailures } from '../core/ports/verification-failures';

export type { KnowledgeAnswer };

/** `prefer`: the kind of passage the asking specialist expects (product questions prefer product pages). */
export type KnowledgeAnswerer = (storeId: string, question: string, settings: StoreSettings, options?: { prefer?: KnowledgeKind }) => Promise<KnowledgeAnswer>;

/** A remote model the agent may ask (CONCIERGE_MODEL=openai|anthropic); absent, the offline path does everything. */
export interface ModelAssist {
  model: LanguageModel;
  /** What it is asked for. */
  uses: ReadonlySet<ModelTask>;
  /** Offline confidence under which understanding asks the model. */
  confidence: number;
}

/** Everything the agent graph needs, passed in by the composition root. */
export interface AgentDeps {
  nlu: Nlu;
  commerce: CommercePort;
  payments: PaymentsPort;
  shipping: ShippingPort;
  /** Serialises money-moving and order-changing actions per order (docs/adr/0011). */
  orderLock: OrderLock;
  /** The ledger of those actions: what was asked of each order, and where it stands. */
  orderRequests: OrderRequestLedger;
  /** What a shopper asked before, for the abuse limits. */
  shopperHistory: ShopperHistory;
  /** Failed ownership checks across conversations and channels: the verification lockout. */
  verificationFailures: VerificationFailures;
  /** Absent until a knowledge base is configured: product and general questions then go to a human. */
  knowledge?: KnowledgeAnswerer;
  /** The remote model behind the PII shield; the offline NLU and the templates stay the floor. */
  assist?: ModelAssist;
  settings(storeId: string): Promise<StoreSettings>;
  now(): Date;
  checkpointer: BaseCheckpointSaver;
}
