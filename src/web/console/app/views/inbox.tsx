import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { paths } from '../../../../../clients/typescript/index';
import { followStoreEvents } from '../events';
import { ago, humanize, statusLabel } from '../format';
import { go } from '../router';
import { api, ok } from '../session';

type Inbox = paths['/v1/inbox']['get']['responses']['200']['content']['application/json'];
type Query = NonNullable<paths['/v1/inbox']['get']['parameters']['query']>;

const tabs = [
  ['', 'All'],
  ['handed_off', 'Handed off'],
  ['pending', 'Waiting for approval'],
  ['open', 'Open'],
  ['resolved', 'Resolved'],
] as const;
const intents = [
  'order_status',
  'return_request',
  'refund_request',
  'refund_status',
  'cancel_order',
  'change_address',
  'delivery_problem',
  'product_question',
  'complaint',
  'human_agent',
  'policy_question',
  'other',
];

/** The conversations the team works from: filtered, searched, live, and driven from the keyboard (j/k, Enter, /). */
export function InboxView() {
  const [query, setQuery] = useState<Query>({ limit: 50 });
  const [inbox, setInbox] = useState<Inbox | undefined>();
  const [live, setLive] = useState(false);
  const [cursor, setCursor] = useState(0);
  const search = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => setInbox(await ok(api.GET('/v1/inbox', { params: { query } }))), [query]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Bursts of events (a turn emits several) reload the list once.
    const stop = followStoreEvents(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 150);
    }, setLive);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [load]);

  const rows = inbox?.data ?? [];
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        search.current?.focus();
      } else if (typing || event.metaKey || event.ctrlKey || event.altKey) return;
      else if (event.key === 'j') setCursor((c) => Math.min(c + 1, Math.max(rows.length - 1, 0)));
      else if (event.key === 'k') setCursor((c) => Math.max(c - 1, 0));
      else if (event.key === 'Enter' && rows[cursor]) go(`/conversations/${rows[cursor]!.id}`);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [rows, cursor]);

  const set = (patch: Partial<Query>) => {
    setCursor(0);
    setQuery((q) => Object.fromEntries(Object.entries({ ...q, ...patch }).filter(([, v]) => v !== '' && v !== undefined)) as Query);
  };

  return (
    <section aria-labelledby="inbox-title">
      <div class="toolbar">
        <h1 id="inbox-title">Inbox</h1>
        <span class={live ? 'live on' : 'live'} role="status">
          {live ? 'Live' : 'Connecting…'}
        </span>
        <span class="hint">j / k to move · Enter to open · / to search</span>
      </div>
      <div class="tabs" role="group" aria-label="Status">
        {tabs.map(([status, label]) => (
          <button
            type="button"
            key={status}
            aria-pressed={(query.status ?? '') === status}
            onClick={() => set({ status: (status || undefined) as Query['status'] })}
          >
            {label}
            {status && inbox ? <span class="count">{inbox.counts[status as keyof Inbox['counts']] ?? 0}</span> : null}
          </button>
        ))}
      </div>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search
          <input ref={search} type="search" placeholder="words, name or e-mail" onChange={(e) => set({ q: e.currentTarget.value || undefined })} />
        </label>
        <label>
          Channel
          <select onChange={(e) => set({ channel: (e.currentTarget.value || undefined) as Query['channel'] })}>
            <option value="">any</option>
            {['widget', 'email', 'api', 'zendesk', 'gorgias'].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Intent
          <select onChange={(e) => set({ intent: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            {intents.map((i) => (
              <option key={i} value={i}>
                {humanize(i)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sentiment
          <select onChange={(e) => set({ sentiment: (e.currentTarget.value || undefined) as Query['sentiment'] })}>
            <option value="">any</option>
            <option>negative</option>
            <option>neutral</option>
            <option>positive</option>
          </select>
        </label>
      </form>
      <ul class="inbox" aria-label="Conversations">
        {rows.map((row, index) => (
          <li key={row.id} class={index === cursor ? 'row selected' : 'row'} data-status={row.status}>
            <a href={`#/conversations/${row.id}`} aria-current={index === cursor ? 'true' : undefined}>
              <span class="who">{row.customer.name ?? row.customer.email ?? row.customer.id ?? 'Anonymous shopper'}</span>
              <span class={`badge ${row.status}`}>{statusLabel[row.status]}</span>
              {row.pendingActions > 0 && <span class="badge pending">{row.pendingActions} to approve</span>}
              <span class="meta">
                {row.channel} · {row.intent ? humanize(row.intent) : '—'} · <span class={`sentiment ${row.sentiment ?? ''}`}>{row.sentiment ?? '—'}</span> ·{' '}
                {ago(row.updatedAt)}
              </span>
              <span class="preview">
                {row.handoffReason && row.status === 'handed_off' ? `Handoff: ${humanize(row.handoffReason)} — ` : ''}
                {row.lastMessage?.content ?? ''}
              </span>
            </a>
          </li>
        ))}
        {inbox && rows.length === 0 && <li class="empty">No conversation matches.</li>}
      </ul>
    </section>
  );
}
