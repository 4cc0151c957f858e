import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshPostgresDatabase, skipWithoutPostgres } from '../../../test/support/databases';
import { defaultSettings } from '../../core/settings';
import { DbCheckpointSaver } from '../checkpoint/db-checkpoint-saver';
import { openDatabase, type Database } from '../database';
import { migrate } from '../migrate';
import { conversationStore } from './conversation-store';
import { storeRepository } from './store-repository';
import { CHECKPOINTS_KEPT_PER_THREAD as KEEP, COMMITTED_CHECKPOINT_KEY } from '../../core/ports/conversation-store';

for (const backend of ['pglite', 'postgres'] as const) {
  describe(`a turn commits as one statement on ${backend}`, { skip: backend === 'postgres' ? skipWithoutPostgres : false }, () => {
    let database: Database;
    let drop = async () => undefined as void;
    let saver: DbCheckpointSaver;
    let store: ReturnType<typeof conversationStore>;
    let storeA: string;
    let storeB: string;

    before(async () => {
      if (backend === 'postgres') {
        const fresh = await freshPostgresDatabase();
        drop = fresh.drop;
        database = await openDatabase({ databaseUrl: fresh.url, dataDir: 'memory://' });
      } else database = await openDatabase({ dataDir: 'memory://' });
      await migrate(database);
      saver = new DbCheckpointSaver(database.db);
      store = conversationStore(database.db, saver);
      const stores = storeRepository(database.db);
      storeA = (await stores.create({ name: 'A', platform: 'demo', settings: defaultSettings }, [])).id;
      storeB = (await stores.create({ name: 'B', platform: 'demo', settings: defaultSettings }, [])).id;
    });
    after(async () => {
      await database.close();
      await drop();
    });

    // What LangGraph's run buffers for the thread: a checkpoint and one pending write.
    async function bufferCheckpoint(threadId: string, id: string) {
      const config = { configurable: { thread_id: threadId, checkpoint_ns: '' } };
      const saved = await saver.put(config, { v: 4, id, ts: new Date().toISOString(), channel_values: {}, channel_versions: {}, versions_seen: {} }, { source: 'loop', step: 1, parents: {} }, {});
      await saver.putWrites(saved, [['c', 1]], 't');
    }

    test('messages in order, actions, status and checkpoints land together and come back as the domain sees them', async () => {
      const conversation = await store.create(storeA, { channel: 'api', customerId: null, metadata: {} });
      await bufferCheckpoint(conversation.id, '0001');
      const committed = await store.commitTurn({
        storeId: storeA,
        conversationId: conversation.id,
        messages: [{ role: 'customer', content: 'refund my mug' }, { role: 'assistant', content: 'Done.', metadata: { citations: [{ title: 'Refunds', source: 'builtin:refunds', extra: 1 }] } }],
        actions: [{ type: 'process_refund', status: 'completed', data: { amountCents: 1200 }, reasons: ['within the window'], actor: 'agent', idempotencyKey: 'k1' }],
        status: 'handed_off',
        checkpointThreads: [conversation.id],
        events: [{ storeId: storeA, conversationId: conversation.id, type: 'conversation.message_created', data: {} }],
      });
      assert.deepEqual(committed.messages.map((m) => [m.role, m.content]), [['customer', 'refund my mug'], ['assistant', 'Done.']]);
      assert.ok(committed.messages[0]!.createdAt < committed.messages[1]!.createdAt);
      assert.deepEqual(committed.messages[1]!.citations, [{ title: 'Refunds', source: 'builtin:refunds' }]);
      assert.equal(committed.actions[0]!.type, 'process_refund');
      assert.ok(committed.actions[0]!.completedAt instanceof Date);
      assert.equal(committed.conversation.status, 'handed_off');
      assert.ok(committed.conversation.updatedAt instanceof Date);
      assert.deepEqual((await store.messages(storeA, conversation.id)).map((m) => m.content), ['refund my mug', 'Done.']);
      assert.equal((await store.actions(storeA, { conversationId: conversation.id }))[0]!.reasons[0], 'within the window');
      const tuple = await saver.getTuple({ configurable: { thread_id: conversation.id } });
      assert.equal(tuple?.config.configurable?.checkpoint_id, '0001');
    });

    test('an approval decides the pending action it names, in the same statement', async () => {
      const conversation = await store.create(storeA, { channel: 'api', customerId: null, metadata: {} });
      const [pending] = (await store.commitTurn({ storeId: storeA, conversationId: conversation.id, messages: [], actions: [{ type: 'process_refund', status: 'pending', data: {}, reasons: ['over the limit'], actor: 'agent' }], checkpointThreads: [], events: [] })).actions;
      assert.equal(pending!.completedAt, null);
      await store.commitTurn({ storeId: storeA, conversationId: conversation.id, messages: [], actions: [], actionUpdates: [{ id: pending!.id, status: 'completed', reasons: ['approved by ops'] }], checkpointThreads: [], events: [] });
      const decided = await store.action(storeA, pending!.id);
      assert.equal(decided?.status, 'completed');
      assert.deepEqual(decided?.reasons, ['approved by ops']);
    });

    test("a turn named with another store's id changes nothing and says so", async () => {
      const conversation = await store.create(storeA, { channel: 'api', customerId: null, metadata: {} });
      await bufferCheckpoint(conversation.id, '0001');
      await assert.rejects(
        store.commitTurn({ storeId: storeB, conversationId: conversation.id, messages: [{ role: 'customer', content: 'x' }], actions: [{ type: 'process_refund', status: 'completed', data: {}, reasons: [], actor: 'agent' }], status: 'resolved', checkpointThreads: [conversation.id], events: [] }),
        /vanished/,
      );
      assert.deepEqual(await store.messages(storeA, conversation.id), []);
      assert.deepEqual(await store.actions(storeA, { conversationId: conversation.id }), []);
      assert.equal((await store.get(storeA, conversation.id))?.status, 'open');
      assert.equal(await saver.getTuple({ configurable: { thread_id: conversation.id } }), undefined);
    });

    test('old checkpoints of a thread are pruned on the turns that ask for it', async () => {
      const conversation = await store.create(storeA, { channel: 'api', customerId: null, metadata: {} });
      const id = (turn: number) => String(turn).padStart(4, '0');
      const stored = async () => (await database.query<{ n: number; oldest: string }>('SELECT count(*)::int AS n, min(checkpoint_id) AS oldest FROM agent_checkpoints WHERE thread_id = $1', [conversation.id]))[0]!;
      for (let turn = 1; turn <= 2 * KEEP + 5; turn += 1) {
        await bufferCheckpoint(conversation.id, id(turn));
        await store.commitTurn({ storeId: storeA, conversationId: conversation.id, messages: [], actions: [], checkpointThreads: [conversation.id], pruneCheckpoints: turn % KEEP === 0, events: [] });
        if (turn === KEEP - 1) assert.deepEqual(await stored(), { n: KEEP - 1, oldest: id(1) }, 'nothing pruned before a pruning turn');
      }
      // The last pruning turn (2 × KEEP) kept the newest KEEP stored before it and added its own; five turns followed.
      assert.deepEqual(await stored(), { n: KEEP + 1 + 5, oldest: id(KEEP) });
      const [writes] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM agent_checkpoint_writes WHERE thread_id = $1', [conversation.id]);
      assert.equal(writes!.n, KEEP + 1 + 5);
      assert.equal((await saver.getTuple({ configurable: { thread_id: conversation.id } }))?.config.configurable?.checkpoint_id, id(2 * KEEP + 5));
      const remembered = await store.get(storeA, conversation.id);
      assert.equal(remembered?.agentCheckpointId, id(2 * KEEP + 5));
      assert.equal(remembered?.agentTurns, 2 * KEEP + 5);
    });

    describe('a turn that names its committed checkpoint', () => {
      const turnConfig = (threadId: string, known: string | null) => ({ configurable: { thread_id: threadId, [COMMITTED_CHECKPOINT_KEY]: known } });
      const commit = (s: typeof store, conversationId: string) => s.commitTurn({ storeId: storeA, conversationId, messages: [], actions: [], checkpointThreads: [conversationId], events: [] });

      test('none yet: the thread starts empty without a lookup, even if a row were there', async () => {
        const conversation = await store.create(storeA, { channel: 'api', customerId: null, metadata: {} });
        assert.equal(conversation.agentCheckpointId, null);
        await database.query(`INSERT INTO agent_checkpoints (thread_id, checkpoint_ns, checkpoint_id, checkpoint_type, checkpoint, metadata_type, metadata) VALUES ($1, '', 'stray', 'json', '\\x7b7d', 'json', '\\x7b7d')`, [conversation.id]);
        assert.equal(await saver.getTuple(turnConfig(conversation.id, null)), undefined);
        assert.equal((await saver.getTuple({ configurable: { thread_id: conversation.id } }))?.config.configurable?.checkpoint_id, 'stray');
      });

      test('the one this process committed comes from memory, with its writes', async () => {
        const conversation = await store.create(storeA, { channel: 'api', customerId: null, metadata: {} });
        await bufferCheckpoint(conversation.id, '0001');
        const committed = (await commit(store, conversation.id)).conversation;
        assert.equal(committed.agentCheckpointId, '0001');
        await database.query('DELETE FROM agent_checkpoint_writes WHERE thread_id = $1', [conversation.id]);
        await database.query('DELETE FROM agent_checkpoints WHERE thread_id = $1', [conversation.id]);
        const tuple = await saver.getTuple(turnConfig(conversation.id, committed.agentCheckpointId));
        assert.equal(tuple?.config.configurable?.checkpoint_id, '0001');
        assert.deepEqual(tuple?.pendingWrites, [['t', 'c', 1]]);
      });

      test('one another instance committed since is read from the database', async () => {
        const conversation = await store.create(storeA, { channel: 'api', customerId: null, metadata: {} });
        await bufferCheckpoint(conversation.id, '0001');
        await commit(store, conversation.id);
        // A second instance (its own checkpointer and memory) takes the next turn.
        const otherSaver = new DbCheckpointSaver(database.db);
        const otherStore = conversationStore(database.db, otherSaver);
        const config = { configurable: { thread_id: conversation.id, checkpoint_ns: '' } };
        await otherSaver.put(config, { v: 4, id: '0002', ts: new Date().toISOString(), channel_values: { seen: 'there' }, channel_versions: {}, versions_seen: {} }, { source: 'loop', step: 2, parents: {} }, {});
        const latest = (await commit(otherStore, conversation.id)).conversation.agentCheckpointId;
        assert.equal(latest, '0002');
        const tuple = await saver.getTuple(turnConfig(conversation.id, latest));
        assert.equal(tuple?.config.configurable?.checkpoint_id, '0002');
        assert.deepEqual(tuple?.checkpoint.channel_values, { seen: 'there' });
      });
    });
  });
}
