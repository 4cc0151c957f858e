import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { paths } from '../../../../../clients/typescript/index';
import { followStoreEvents } from '../events';
import { humanize, statusLabel } from '../format';
import { api, ConciergeApiError, ok } from '../session';
import { EmailAttachments } from './email-attachments';
import { EvidencePhotos } from './evidence-photos';

type Detail = paths['/v1/conversations/{id}']['get']['responses']['200']['content']['application/json'];
type Message = Detail['messages'][number];
type Action = Detail['actions'][number];
type Feedback = paths['/v1/conversations/{id}/feedback']['get']['responses']['200']['content']['application/json']['data'][number];

function Understanding({ analysis }: { analysis: Record<string, unknown> }) {
  const entities = Object.entries((analysis.entities ?? {}) as Record<string, string[]>).filter(([, values]) => values.length > 0);
  return (
    <dl class="trace">
      <dt>Intent</dt>
      <dd>
        {humanize(String(analysis.intent))} <span class="muted">({Math.round(Number(analysis.confidence) * 100)}% sure)</span>
      </dd>
      <dt>Sentiment</dt>
      <dd class={`sentiment ${String(analysis.sentiment)}`}>
        {String(analysis.sentiment)}
        {analysis.frustration ? ' · frustrated' : ''}
      </dd>
      <dt>Route</dt>
      <dd>{humanize(String(analysis.route))}</dd>
      {entities.length > 0 && (
        <>
          <dt>Entities</dt>
          <dd>{entities.map(([kind, values]) => `${humanize(kind)}: ${values.join(', ')}`).join(' · ')}</dd>
        </>
      )}
    </dl>
  );
}

function ToolCalls({ tools }: { tools: NonNullable<NonNullable<Message['trace']>['tools']> }) {
  return (
    <div class="tools">
      <strong>Tools called</strong>
      <ol>
        {tools.map((call, i) => (
          <li key={i} class={call.ok ? '' : 'failed'}>
            <code>{call.tool}</code> → {call.result} <span class="muted">({call.ms} ms)</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function PolicyDecision({ decision }: { decision: NonNullable<NonNullable<Message['trace']>['decision']> }) {
  return (
    <div class={`decision ${decision.outcome === 'allow' ? 'completed' : decision.outcome === 'deny' ? 'rejected' : 'pending'}`}>
      <strong>
        Policy: {humanize(decision.kind)} — {decision.outcome}
      </strong>
      <ul>
        {decision.reasons.map((reason, i) => (
          <li key={i}>{reason}</li>
        ))}
        {decision.questions.map((question, i) => (
          <li key={`q${i}`}>asked: {question}</li>
        ))}
      </ul>
    </div>
  );
}

function Thumb({ feedback }: { feedback: Feedback | undefined }) {
  if (!feedback) return null;
  return <p class={`thumb ${feedback.score > 0 ? 'up' : 'down'}`}>{feedback.score > 0 ? '👍 The shopper found this helpful' : '👎 The shopper found this not helpful'}</p>;
}

function Turn({ message, actions, feedback }: { message: Message; actions: Action[]; feedback: Feedback | undefined }) {
  const trace = message.trace;
  const label = { customer: 'Shopper', assistant: 'Concierge', agent: `Team${trace?.author ? ` (${trace.author})` : ''}`, system: 'System' }[message.role];
  return (
    <li class={`turn ${message.role}`}>
      <div class="bubble">
        <span class="author">{label}</span>
        <p>{message.content}</p>
        {message.citations && message.citations.length > 0 && <p class="muted">Sources: {message.citations.map((c) => c.title).join(', ')}</p>}
        <Thumb feedback={feedback} />
      </div>
      <aside class="side" aria-label={`Details of this ${message.role === 'customer' ? 'message' : 'reply'}`}>
        {trace?.analysis && <Understanding analysis={trace.analysis} />}
        {message.role === 'assistant' && trace && (
          <dl class="trace">
            {trace.specialist && (
              <>
                <dt>Specialist</dt>
                <dd>{humanize(trace.specialist)}</dd>
              </>
            )}
            {trace.template && (
              <>
                <dt>Reply</dt>
                <dd>{trace.template}</dd>
              </>
            )}
            {trace.latencyMs !== undefined && (
              <>
                <dt>Time</dt>
                <dd>{trace.latencyMs} ms</dd>
              </>
            )}
          </dl>
        )}
        {trace?.tools && trace.tools.length > 0 && <ToolCalls tools={trace.tools} />}
        {trace?.decision && <PolicyDecision decision={trace.decision} />}
        {actions.map((action) => (
          <div class={`decision ${action.status}`} key={action.id}>
            <strong>
              {humanize(action.type)} — {action.status}
            </strong>
            <ul>
              {action.reasons.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          </div>
        ))}
      </aside>
    </li>
  );
}

/** The transcript with, beside each turn, what the agent understood, which specialist answered and every decision with its reasons. */
export function ConversationView({ id }: { id: string }) {
  const [detail, setDetail] = useState<Detail | undefined>();
  const [feedback, setFeedback] = useState<Feedback[]>([]);
  const [reply, setReply] = useState('');
  const [error, setError] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const load = useCallback(async () => {
    const path = { params: { path: { id } } };
    const [loaded, given] = await Promise.all([ok(api.GET('/v1/conversations/{id}', path)), ok(api.GET('/v1/conversations/{id}/feedback', path))]);
    setDetail(loaded);
    setFeedback(given.data);
  }, [id]);
  useEffect(() => void load(), [load]);
  useEffect(
    () =>
      followStoreEvents((event) => {
        if (event.conversationId === id) void load();
      }),
    [id, load],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'r' && !(event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement)) {
        event.preventDefault();
        box.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const act = async (call: () => Promise<unknown>) => {
    setError('');
    try {
      await call();
      await load();
    } catch (caught) {
      setError(caught instanceof ConciergeApiError ? caught.message : 'That did not work; try again.');
    }
  };
  if (!detail) return <p aria-busy="true">Loading the conversation…</p>;

  const path = { params: { path: { id } } };
  // Each action sits beside the answer that followed it (the same turn).
  const byAnswer = new Map<string, Action[]>();
  const answers = detail.messages.filter((m) => m.role !== 'customer');
  for (const action of detail.actions) {
    const at = new Date(action.createdAt).getTime();
    const answer = answers.filter((m) => new Date(m.createdAt).getTime() <= at + 1000).at(-1) ?? answers[0];
    if (answer) byAnswer.set(answer.id, [...(byAnswer.get(answer.id) ?? []), action]);
  }
  const handedOff = detail.status === 'handed_off';
  const thumbOf = new Map(feedback.filter((f) => f.kind === 'thumb').map((f) => [f.messageId, f]));
  const rating = feedback.find((f) => f.kind === 'rating');
  return (
    <section aria-labelledby="conversation-title" class="conversation">
      <div class="toolbar">
        <h1 id="conversation-title">Conversation</h1>
        <span class={`badge ${detail.status}`}>{statusLabel[detail.status]}</span>
        <span class="muted">
          {detail.channel} · started {new Date(detail.createdAt).toLocaleString()}
          {rating && ` · rated ${rating.score}/5 by the shopper`}
        </span>
        <span class="actions">
          {!handedOff && detail.status !== 'resolved' && (
            <button type="button" onClick={() => act(() => ok(api.POST('/v1/conversations/{id}/takeover', path)))}>
              Take over
            </button>
          )}
          {handedOff && (
            <button type="button" onClick={() => act(() => ok(api.POST('/v1/conversations/{id}/handback', path)))}>
              Hand back to Concierge
            </button>
          )}
          {detail.status !== 'resolved' && (
            <button type="button" onClick={() => act(() => ok(api.POST('/v1/conversations/{id}/resolve', path)))}>
              Resolve
            </button>
          )}
        </span>
      </div>
      {detail.handoff && (
        <div class="handoff" role="note">
          <strong>Handed off: {humanize(detail.handoff.reason)}</strong>
          <p>{detail.handoff.summary}</p>
        </div>
      )}
      <EvidencePhotos conversationId={id} heading="Photos the shopper sent" />
      {detail.channel === 'email' && <EmailAttachments conversationId={id} />}
      <ol class="transcript" aria-label="Transcript">
        {detail.messages.map((message) => (
          <Turn key={message.id} message={message} actions={byAnswer.get(message.id) ?? []} feedback={thumbOf.get(message.id)} />
        ))}
      </ol>
      <form
        class="reply"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reply.trim()) return;
          void act(async () => {
            await ok(api.POST('/v1/conversations/{id}/handoff/reply', { ...path, body: { content: reply } }));
            setReply('');
          });
        }}
      >
        <label for="reply-box">Reply to the shopper{handedOff ? '' : ' (take over first to keep Concierge quiet)'}</label>
        <textarea id="reply-box" ref={box} rows={3} value={reply} onInput={(e) => setReply(e.currentTarget.value)} />
        <p class="error" role="alert">
          {error}
        </p>
        <button type="submit">Send reply</button>
      </form>
    </section>
  );
}
