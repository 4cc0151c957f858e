import { Annotation } from '@langchain/langgraph';
import type { Channel } from '../core/conversation';
import type { Entities, Intent, Route, Sentiment } from '../core/ports/nlu';
import type { ActionLog, AgentReply, Awaiting, OrderView, PendingActionRef, PolicyDecisionRecord, Slots } from './state-types';

export type { ActionLog, AgentReply, Awaiting, OrderView, PendingActionRef, PolicyDecisionRecord, Slots } from './state-types';

/** One line of the conversation as the agent remembers it. */
export interface TurnMessage {
  role: 'customer' | 'assistant' | 'agent';
  content: string;
}

/** What a turn does to the photos attached for a claim: adds the turn's, clears them once a claim used them, or (a specialist's whole state handed back) sets them. */
export type EvidenceUpdate = string[] | { add: string[] } | { clear: true };
const evidenceReducer = (current: string[], next: EvidenceUpdate): string[] =>
  Array.isArray(next) ? next : 'clear' in next ? [] : [...new Set([...current, ...next.add])];

const last = <T>(fallback: () => T) => Annotation<T>({ reducer: (_current: T, next: T) => next, default: fallback });

/**
 * ConversationState: the source design's fields (snake_case, as there) plus what multi-turn
 * needs. Every channel is "last value wins" except `messages`, which keeps the recent turns.
 * Values are plain JSON (dates as ISO strings): they are checkpointed between turns.
 */
export const ConversationState = Annotation.Root({
  // Input
  conversation_id: last<string>(() => ''),
  store_id: last<string>(() => ''),
  customer_id: last<string | null>(() => null),
  channel: last<Channel>(() => 'api'),
  messages: Annotation<TurnMessage[]>({ reducer: (current, next) => current.concat(next).slice(-30), default: () => [] }),
  input: last<string>(() => ''),
  // Analysis
  intent: last<Intent>(() => 'other'),
  sub_intents: last<Intent[]>(() => []),
  sentiment: last<Sentiment>(() => 'neutral'),
  sentiment_score: last<number>(() => 0),
  frustration: last<boolean>(() => false),
  priority: last<'low' | 'normal' | 'high' | 'urgent'>(() => 'normal'),
  language: last<string>(() => 'en'),
  entities: last<Entities>(() => ({})),
  nlu_intent: last<Intent>(() => 'other'),
  // Context
  /** The shopper's own orders, listed by number when they did not name one (logged-in channel). */
  order_choices: last<{ name: string; title: string; createdAt: string }[]>(() => []),
  /** The orders listed were picked by when the shopper said they placed it ("yesterday"): none fit, or several did (docs/adr/0039). */
  order_choices_when: last<{ said: string; found: boolean } | null>(() => null),
  /** Products the shopper named this turn that are not on the order in focus. */
  unmatched_items: last<string[]>(() => []),
  order_data: last<OrderView | null>(() => null),
  customer_data: last<{ email: string | null; name: string | null; verified: boolean } | null>(() => null),
  policy_context: last<string[]>(() => []),
  policy_decision: last<PolicyDecisionRecord | null>(() => null),
  // Processing
  selected_route: last<Route>(() => 'general'),
  current_agent: last<string>(() => ''),
  agent_outputs: last<{ reply?: AgentReply; citations?: { title: string; source: string }[]; resolved?: boolean; /** Written by the remote model from passages: not phrased again. */ written?: boolean }>(() => ({})),
  actions_taken: last<ActionLog[]>(() => []),
  // Output
  response: last<string>(() => ''),
  requires_escalation: last<boolean>(() => false),
  escalation_reason: last<string | null>(() => null),
  handoff_summary: last<string | null>(() => null),
  confidence_score: last<number>(() => 0),
  // Metadata
  started_at: last<string>(() => new Date(0).toISOString()),
  tokens_used: last<number>(() => 0),
  // Multi-turn
  active_intent: last<Intent | null>(() => null),
  awaiting: last<Awaiting | null>(() => null),
  slots: last<Slots>(() => ({})),
  verified_orders: last<string[]>(() => []),
  identity: last<{ email?: string; customerId?: string; verified: boolean }>(() => ({ verified: false })),
  unresolved_turns: last<number>(() => 0),
  pending_actions: last<PendingActionRef[]>(() => []),
  /** Photos the shopper attached this turn (ids of stored, checked attachments). */
  attached: last<string[]>(() => []),
  /** Photos attached since the last claim used them: the evidence the next claim goes with. */
  evidence: Annotation<string[], EvidenceUpdate>({ reducer: evidenceReducer, default: () => [] }),
  /** The topics of the conversation, the current last: a side question returns to the task below it. */
  topics: last<Intent[]>(() => []),
  /** A task set aside for a side question this turn: it picks up again after the answer. */
  suspended: last<{ intent: Intent; awaiting: Awaiting; /** Set aside for a general question of the same message: its question was just asked. */ sameTurn?: boolean } | null>(() => null),
  /** The shopper took back the task that waited on their answer this turn ("never mind, forget it"; docs/adr/0039). */
  withdrawn: last<boolean>(() => false),
  /** Requests of the shopper's message still to handle, in the order written (docs/adr/0035). */
  queued: last<string[]>(() => []),
  /** The replies already composed this turn, for the requests handled before the current one. */
  turn_replies: last<string[]>(() => []),
});

/**
 * What a specialist subgraph hands back to the parent: every channel but `messages`. LangGraph
 * returns a subgraph's whole state, and the parent's `messages` reducer would append the lines it
 * already holds (every shopper line was remembered twice more each turn).
 */
const { messages: _lines, ...specialistChannels } = ConversationState.spec;
export const SpecialistOutput = Annotation.Root(specialistChannels);

export type ConversationStateType = typeof ConversationState.State;
export type ConversationUpdate = typeof ConversationState.Update;
