/**
 * The NLU port: the vocabulary of ../shared/design/nlu-contract.md. The offline model implements
 * it; an LLM provider may stand behind the same interface.
 */
export const intents = [
  'order_status',
  'delivery_problem',
  'return_request',
  'exchange_request',
  'return_status',
  'refund_request',
  'refund_status',
  'cancel_order',
  'change_address',
  'modify_order',
  'product_question',
  'purchase_help',
  'policy_question',
  'shipping_info',
  'payment',
  'billing_invoice',
  'account_help',
  'discount_question',
  'feedback',
  'complaint',
  'human_agent',
  'contact_info',
  'greeting',
  'other',
] as const;
export type Intent = (typeof intents)[number];

export const routes = ['wismo', 'returns', 'refunds', 'order_changes', 'product', 'general'] as const;
export type Route = (typeof routes)[number];

export const routeOfIntent: Record<Intent, Route> = {
  order_status: 'wismo',
  delivery_problem: 'wismo',
  return_request: 'returns',
  exchange_request: 'returns',
  return_status: 'returns',
  refund_request: 'refunds',
  refund_status: 'refunds',
  cancel_order: 'order_changes',
  change_address: 'order_changes',
  modify_order: 'order_changes',
  product_question: 'product',
  purchase_help: 'product',
  policy_question: 'general',
  shipping_info: 'general',
  payment: 'general',
  billing_invoice: 'general',
  account_help: 'general',
  discount_question: 'general',
  feedback: 'general',
  complaint: 'general',
  human_agent: 'general',
  contact_info: 'general',
  greeting: 'general',
  other: 'general',
};

export type Sentiment = 'positive' | 'neutral' | 'negative';

export interface Entities {
  orderNumbers?: string[];
  /** Bare numbers whose context points at an order ("its 1023"): the store's orders decide. */
  orderCandidates?: string[];
  emails?: string[];
  phones?: string[];
  trackingNumbers?: string[];
  amounts?: string[];
  dates?: string[];
  products?: string[];
  quantities?: string[];
  sizes?: string[];
  colors?: string[];
}

/** A product the entity pass may resolve mentions against. */
export interface CatalogEntry {
  id: string;
  title: string;
  aliases?: string[];
}

export interface NluContext {
  /** Reference date for relative dates ("last Tuesday"); defaults to now. */
  referenceDate?: Date;
  /** The store's catalog, when one is loaded. */
  catalog?: readonly CatalogEntry[];
  /** The agent has just asked for an order number: a number standing alone in the reply is one ("it's 1003"). */
  expectingOrderNumber?: boolean;
}

export interface NluResult {
  intent: Intent;
  route: Route;
  confidence: number;
  subIntents: Intent[];
  sentiment: Sentiment;
  sentimentScore: number;
  frustration: boolean;
  entities: Entities;
  language: string;
}

/** What the agent graph calls for classify, analyze_sentiment and the entity pass. */
export interface Nlu {
  analyze(text: string, context?: NluContext): NluResult;
}
