import { useEffect, useState } from 'preact/hooks';
import type { paths } from '../../../../../clients/typescript/index';
import { humanize, money, percent } from '../format';
import { api, ok } from '../session';

type Summary = paths['/v1/analytics/summary']['get']['responses']['200']['content']['application/json'];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Bars scaled to the largest value; every bar carries its number as text (no colour-only meaning). */
function Bars({ rows, label }: { rows: { key: string; value: number }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul class="bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key}>
          <span class="bar-label">{row.key}</span>
          <span class="bar" style={{ width: `${(row.value / max) * 100}%` }} />
          <span class="bar-value">{row.value}</span>
        </li>
      ))}
      {rows.length === 0 && <li class="muted">No data in this period.</li>}
    </ul>
  );
}

function csv(summary: Summary): string {
  const quote = (v: unknown) => `"${String(v).replaceAll('"', '""')}"`;
  const lines = [['conversation_id', 'automated', 'reason'].join(',')];
  for (const c of summary.automation.conversations) lines.push([c.id, c.automated, c.reason].map(quote).join(','));
  lines.push('', ['day', 'conversations', 'positive', 'neutral', 'negative'].join(','));
  for (const d of summary.conversations.perDay) {
    const s = summary.sentiment.find((x) => x.day === d.day);
    lines.push([d.day, d.count, s?.positive ?? 0, s?.neutral ?? 0, s?.negative ?? 0].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** What Concierge did and saved: automation (with its open definition, every conversation auditable), handoffs, intents, sentiment, latency, refunds. */
export function AnalyticsView() {
  const [from, setFrom] = useState(day(-29));
  const [to, setTo] = useState(day(0));
  const [summary, setSummary] = useState<Summary | undefined>();
  const [showAll, setShowAll] = useState(false);
  useEffect(() => void ok(api.GET('/v1/analytics/summary', { params: { query: { from, to } } })).then(setSummary), [from, to]);
  const download = () => {
    if (!summary) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv(summary)], { type: 'text/csv' }));
    link.download = `concierge-analytics-${from}-${to}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const refunds = summary?.refunds;
  const currency = refunds?.currency ?? 'USD';
  const verdicts = summary ? (showAll ? summary.automation.conversations : summary.automation.conversations.slice(0, 20)) : [];
  return (
    <section aria-labelledby="analytics-title" class="analytics">
      <div class="toolbar">
        <h1 id="analytics-title">Analytics</h1>
        <label>
          From <input type="date" value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          To <input type="date" value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={download} disabled={!summary}>
          Export CSV
        </button>
      </div>
      {!summary ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <>
          <div class="cards">
            <div class="card">
              <span class="figure">{summary.conversations.total}</span> conversations
            </div>
            <div class="card">
              <span class="figure">{percent(summary.automation.rate)}</span> automated ({summary.automation.automated} of {summary.automation.counted})
            </div>
            <div class="card">
              <span class="figure">{percent(summary.handoffs.rate)}</span> handed off ({summary.handoffs.count})
            </div>
            <div class="card">
              <span class="figure">{summary.latencyMs.p50 ?? '—'} ms</span> median reply time (p99 {summary.latencyMs.p99 ?? '—'} ms)
            </div>
            <div class="card">
              <span class="figure">{money(refunds!.automatic.amountCents, currency)}</span> refunded automatically ({refunds!.automatic.count});{' '}
              {money(refunds!.approved.amountCents, currency)} approved by people ({refunds!.approved.count})
            </div>
            <div class="card">
              <span class="figure">{summary.satisfaction.score ?? '—'}</span> satisfaction <span class="muted">{summary.satisfaction.note}</span>
            </div>
          </div>
          <div class="grid">
            <div>
              <h2>Conversations per day</h2>
              <Bars label="Conversations per day" rows={summary.conversations.perDay.map((d) => ({ key: d.day, value: d.count }))} />
            </div>
            <div>
              <h2>Intents</h2>
              <Bars label="Intents" rows={summary.intents.map((i) => ({ key: humanize(i.intent), value: i.count }))} />
            </div>
            <div>
              <h2>Handoff reasons</h2>
              <Bars label="Handoff reasons" rows={summary.handoffs.reasons.map((r) => ({ key: humanize(r.reason), value: r.count }))} />
            </div>
            <div>
              <h2>Negative messages per day</h2>
              <Bars label="Negative sentiment per day" rows={summary.sentiment.map((s) => ({ key: s.day, value: s.negative }))} />
            </div>
          </div>
          <h2>How the automation rate is counted</h2>
          <p class="definition">{summary.automation.definition}</p>
          <table class="audit">
            <caption>Every conversation of the period with its verdict</caption>
            <thead>
              <tr>
                <th scope="col">Conversation</th>
                <th scope="col">Automated</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {verdicts.map((v) => (
                <tr key={v.id}>
                  <td>
                    <a href={`#/conversations/${v.id}`}>{v.id.slice(0, 8)}</a>
                  </td>
                  <td>{v.automated ? 'yes' : 'no'}</td>
                  <td>{v.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!showAll && summary.automation.conversations.length > 20 && (
            <button type="button" onClick={() => setShowAll(true)}>
              Show all {summary.automation.conversations.length}
            </button>
          )}
        </>
      )}
    </section>
  );
}
