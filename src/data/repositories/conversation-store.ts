import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Action, ActionStatus, ActionType, Channel, Conversation, ConversationMetadata, ConversationStatus, Message, MessageRole } from '../../core/conversation';
import type { ConversationStore } from '../../core/ports/conversation-store';
import type { DbCheckpointSaver } from '../checkpoint/db-checkpoint-saver';
import type { Db } from '../database';
import { actions, conversations, messages } from '../schema/index';
import { camelRow } from './json-row';
import { turnStatement, type TurnStatementRow } from './turn-statement';

type ConversationRow = typeof conversations.$inferSelect;
type MessageRow = typeof messages.$inferSelect;
type ActionRow = typeof actions.$inferSelect;

const toConversation = (row: ConversationRow): Conversation => ({
  ...row,
  channel: row.channel as Channel,
  status: row.status as ConversationStatus,
  metadata: row.metadata as ConversationMetadata,
});

const toMessage =
  (channel: Channel) =>
  (row: MessageRow): Message => ({
    id: row.id,
    conversationId: row.conversationId,
    role: row.role as MessageRole,
    content: row.content,
    createdAt: row.createdAt,
    channel,
    metadata: row.metadata as Record<string, unknown>,
    ...citationsOf(row.metadata),
    ...extrasOf(row.metadata),
  });

/** The buttons and card an answer was stored with (see agent/runtime/reply-extras.ts). */
function extrasOf(metadata: unknown): Pick<Message, 'quickReplies' | 'card'> {
  const m = (metadata ?? {}) as { quickReplies?: unknown; card?: unknown };
  return {
    ...(Array.isArray(m.quickReplies) && m.quickReplies.length > 0 ? { quickReplies: m.quickReplies.map(String) } : {}),
    ...(m.card && typeof m.card === 'object' ? { card: m.card as Message['card'] } : {}),
  };
}

function citationsOf(metadata: unknown): { citations?: { title: string; source: string }[] } {
  const citations = (metadata as { citations?: { title: string; source: string }[] } | null)?.citations;
  return citations && citations.length > 0 ? { citations: citations.map(({ title, source }) => ({ title, source })) } : {};
}

const toAction = (row: ActionRow): Action => ({
  id: row.id,
  conversationId: row.conversationId,
  type: row.actionType as ActionType,
  status: row.status as ActionStatus,
  data: row.actionData as Record<string, unknown>,
  reasons: row.reasons as string[],
  actor: row.actor,
  createdAt: row.createdAt,
  completedAt: row.completedAt,
});

const encodeCursor = (row: ConversationRow) => Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
function decodeCursor(cursor: string): [Date, string] | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    return Number.isNaN(date.getTime()) || typeof id !== 'string' ? undefined : [date, id];
  } catch {
    return undefined;
  }
}

/** Conversations, messages and actions; a turn and its agent checkpoints commit in one transaction. */
export function conversationStore(db: Db, saver: DbCheckpointSaver): ConversationStore {
  const byStore = (storeId: string, id: string) => and(eq(conversations.storeId, storeId), eq(conversations.id, id));
  // Every turn starts here: built once, and a named statement on PostgreSQL (planned once per connection).
  const getConversation = db
    .select()
    .from(conversations)
    .where(and(eq(conversations.storeId, sql.placeholder('storeId')), eq(conversations.id, sql.placeholder('id'))))
    .limit(1)
    .prepare('conversation_by_id');
  return {
    async create(storeId, input) {
      const [row] = await db.insert(conversations).values({ storeId, channel: input.channel, customerId: input.customerId, status: 'open', metadata: input.metadata }).returning();
      return toConversation(row!);
    },
    async get(storeId, conversationId) {
      const [row] = await getConversation.execute({ storeId, id: conversationId });
      return row ? toConversation(row) : undefined;
    },
    async list(storeId, query) {
      const conditions = [eq(conversations.storeId, storeId)];
      if (query.status) conditions.push(eq(conversations.status, query.status));
      const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
      if (cursor) {
        conditions.push(or(lt(conversations.createdAt, cursor[0]), and(eq(conversations.createdAt, cursor[0]), lt(conversations.id, cursor[1])))!);
      }
      const rows = await db
        .select()
        .from(conversations)
        .where(and(...conditions))
        .orderBy(desc(conversations.createdAt), desc(conversations.id))
        .limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      return { data: page.map(toConversation), nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null };
    },
    async messages(storeId, conversationId) {
      const [conversation] = await db.select({ channel: conversations.channel }).from(conversations).where(byStore(storeId, conversationId));
      if (!conversation) return [];
      const rows = await db
        .select()
        .from(messages)
        .where(and(eq(messages.storeId, storeId), eq(messages.conversationId, conversationId)))
        .orderBy(asc(messages.createdAt));
      return rows.map(toMessage(conversation.channel as Channel));
    },
    async actions(storeId, query) {
      const conditions = [eq(actions.storeId, storeId)];
      if (query.conversationId) conditions.push(eq(actions.conversationId, query.conversationId));
      if (query.status) conditions.push(eq(actions.status, query.status));
      const rows = await db.select().from(actions).where(and(...conditions)).orderBy(desc(actions.createdAt)).limit(query.limit ?? 100);
      return rows.map(toAction);
    },
    async action(storeId, actionId) {
      const [row] = await db.select().from(actions).where(and(eq(actions.storeId, storeId), eq(actions.id, actionId))).limit(1);
      return row ? toAction(row) : undefined;
    },
    async turnByRequest(storeId, conversationId, requestKey) {
      const [conversation] = await db.select({ channel: conversations.channel }).from(conversations).where(byStore(storeId, conversationId));
      if (!conversation) return undefined;
      const rows = await db
        .select()
        .from(messages)
        .where(and(eq(messages.storeId, storeId), eq(messages.conversationId, conversationId), sql`${messages.metadata}->>'requestKey' = ${requestKey}`))
        .orderBy(asc(messages.createdAt));
      if (rows.length === 0) return undefined;
      const actionIds = ((rows[0]!.metadata as { actionIds?: unknown }).actionIds ?? []) as string[];
      const actionRows = actionIds.length > 0 ? await db.select().from(actions).where(and(eq(actions.storeId, storeId), inArray(actions.id, actionIds))) : [];
      const byId = new Map(actionRows.map((row) => [row.id, toAction(row)]));
      return { messages: rows.map(toMessage(conversation.channel as Channel)), actions: actionIds.flatMap((id) => byId.get(id) ?? []) };
    },
    async commitTurn(write) {
      const batches = write.checkpointThreads.map((thread) => saver.drain(thread));
      const now = new Date();
      const result = (await db.execute(turnStatement(write, batches, now))) as unknown as { rows: TurnStatementRow[] };
      const row = result.rows[0]!;
      if (!row.conversation) throw new Error(`conversation ${write.conversationId} vanished during its turn`);
      saver.remember(batches);
      const conversation = toConversation(camelRow<ConversationRow>(row.conversation, ['createdAt', 'updatedAt']));
      const asMessage = toMessage(conversation.channel);
      return {
        messages: row.messages.map((m) => asMessage(camelRow<MessageRow>(m, ['createdAt']))),
        actions: row.actions.map((a) => toAction(camelRow<ActionRow>(a, ['createdAt', 'completedAt']))),
        conversation,
        events: write.events.map((event) => ({ ...event, at: now.toISOString() })),
      };
    },
  };
}

