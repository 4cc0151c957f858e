import { useCallback, useEffect, useState } from 'preact/hooks';
import type { paths } from '../../../../../clients/typescript/index';
import { followStoreEvents } from '../events';
import { ago, humanize, money } from '../format';
import { api, ConciergeApiError, ok } from '../session';
import { EvidencePhotos } from './evidence-photos';

type Action = paths['/v1/actions']['get']['responses']['200']['content']['application/json']['data'][number];

function Approval({ action, onDecided }: { action: Action; onDecided: () => void }) {
  const [note, setNote] = useState('');
  const [words, setWords] = useState<string[]>([]);
  const [error, setError] = useState('');
  const data = action.data as { orderName?: string; amountCents?: number; currency?: string; reason?: string; evidence?: string[] };
  useEffect(() => {
    if (!action.conversationId) return;
    void ok(api.GET('/v1/conversations/{id}', { params: { path: { id: action.conversationId } } })).then((detail) =>
      setWords(detail.messages.filter((m) => m.role === 'customer').map((m) => m.content)),
    );
  }, [action.conversationId]);
  const decide = async (verb: 'approve' | 'reject') => {
    setError('');
    try {
      await ok(
        api.POST(verb === 'approve' ? '/v1/actions/{id}/approve' : '/v1/actions/{id}/reject', {
          params: { path: { id: action.id } },
          body: note ? { note } : {},
        }),
      );
      onDecided();
    } catch (caught) {
      setError(caught instanceof ConciergeApiError ? caught.message : 'That did not work; try again.');
    }
  };
  const noteId = `note-${action.id}`;
  return (
    <article class="approval" aria-label={`${humanize(action.type)} for order ${data.orderName ?? ''}`}>
      <header>
        <h2>
          {humanize(action.type)} · order {data.orderName ?? '—'}
        </h2>
        {data.amountCents !== undefined && <span class="amount">{money(data.amountCents, data.currency)}</span>}
        <span class="muted">{ago(action.createdAt)}</span>
      </header>
      <h3>Why it waits for you</h3>
      <ul>
        {action.reasons.map((reason, i) => (
          <li key={i}>{reason}</li>
        ))}
        {data.reason && <li>Shopper's reason: {humanize(data.reason)}</li>}
      </ul>
      <h3>The shopper's words</h3>
      <blockquote>
        {words.map((w, i) => (
          <p key={i}>“{w}”</p>
        ))}
      </blockquote>
      {action.conversationId && data.evidence?.length ? <EvidencePhotos conversationId={action.conversationId} only={data.evidence} heading="The shopper's photos" /> : null}
      {action.conversationId && <a href={`#/conversations/${action.conversationId}`}>Open the conversation</a>}
      <label for={noteId}>Note (optional, kept with the decision)</label>
      <input id={noteId} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <p class="error" role="alert">
        {error}
      </p>
      <div class="buttons">
        <button type="button" class="primary" onClick={() => void decide('approve')}>
          Approve
        </button>
        <button type="button" onClick={() => void decide('reject')}>
          Reject
        </button>
      </div>
    </article>
  );
}

/** Actions the agent may not decide alone: approve or reject, and the paused conversation resumes with the shopper told. */
export function ApprovalsView() {
  const [pending, setPending] = useState<Action[] | undefined>();
  const load = useCallback(async () => setPending((await ok(api.GET('/v1/actions', { params: { query: { status: 'pending', limit: 100 } } }))).data), []);
  useEffect(() => void load(), [load]);
  useEffect(() => followStoreEvents((event) => event.type.startsWith('action.') && void load()), [load]);
  return (
    <section aria-labelledby="approvals-title">
      <div class="toolbar">
        <h1 id="approvals-title">Approvals</h1>
        <span class="muted">{pending ? `${pending.length} waiting` : ''}</span>
      </div>
      {pending?.length === 0 && <p class="empty">Nothing waits for a decision.</p>}
      {pending?.map((action) => (
        <Approval key={action.id} action={action} onDecided={() => void load()} />
      ))}
    </section>
  );
}
