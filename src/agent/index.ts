import type { ConversationLock, ConversationStore } from '../core/ports/conversation-store';
import type { PubSub } from '../core/ports/pubsub';
import type { EvidenceService } from '../core/evidence-service';
import type { AgentDeps } from './deps';
import { buildConversationGraph } from './graph';
import { createReplyRenderer } from './prompts/render';
import { actionService } from './runtime/action-service';
import { conversationService } from './runtime/conversation-service';
import { installLightRunContext } from './runtime/light-run-context';
import { orderActions } from './order-actions/index';

export type { AgentDeps, KnowledgeAnswer, KnowledgeAnswerer, ModelAssist } from './deps';
export type { TurnStream } from './run-context';

export interface AgentRuntimeDeps extends AgentDeps {
  store: ConversationStore;
  lock: ConversationLock;
  pubsub: PubSub;
  discardCheckpoints(threadId: string): void;
  /** Shoppers' photos a message may name (docs/adr/0034). */
  evidence?: EvidenceService;
}

/** The agent: its compiled graphs and the services the gateway and the CLI call. */
export function createAgent(deps: AgentRuntimeDeps) {
  installLightRunContext();
  const renderer = createReplyRenderer();
  const graphs = buildConversationGraph(deps, renderer);
  const shared = { store: deps.store, lock: deps.lock, graphs, pubsub: deps.pubsub, settings: deps.settings, now: deps.now, discardCheckpoints: deps.discardCheckpoints };
  const voidRequests = orderActions(deps).voidOpened;
  return {
    graphs,
    renderer,
    conversations: conversationService({ ...shared, voidRequests, ...(deps.evidence ? { evidence: deps.evidence } : {}) }),
    actions: actionService({ ...shared, renderer }),
  };
}

export type Agent = ReturnType<typeof createAgent>;
