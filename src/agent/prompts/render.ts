import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid, type Template } from 'liquidjs';
import { formatMoney } from '../../core/money';
import type { StoreSettings } from '../../core/settings';
import type { AgentReply } from '../state-types';

const here = dirname(fileURLToPath(import.meta.url));
const voices = JSON.parse(readFileSync(join(here, 'voice.json'), 'utf8')) as Record<StoreSettings['brandVoice']['tone'], Record<string, string>>;

const DAY_MS = 86_400_000;
// Built once: toLocaleDateString with options builds a formatter on every call.
const dayLabel = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** "today", "tomorrow", "yesterday", or "on Tuesday, March 3", relative to the turn's clock. */
export function formatDay(iso: unknown, nowIso: unknown): string {
  const date = new Date(String(iso));
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  const now = new Date(String(nowIso ?? new Date().toISOString()));
  const days = Math.round((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / DAY_MS);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return `on ${dayLabel.format(date)}`;
}

function loadTemplates(engine: Liquid, dir: string): Map<string, Template[]> {
  const templates = new Map<string, Template[]>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.liquid')) templates.set(relative(dir, path).replace(/\.liquid$/, ''), engine.parse(readFileSync(path, 'utf8').trimEnd()));
    }
  };
  walk(dir);
  return templates;
}

/** Renders reply templates (files under replies/, parsed once) in the store's brand voice. */
export function createReplyRenderer(dir = join(here, 'replies')) {
  const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true });
  engine.registerFilter('money', (cents: unknown, currency: unknown) => formatMoney(Number(cents), String(currency ?? 'USD')));
  engine.registerFilter('day', function (this: { context: { getSync(paths: string[]): unknown } }, iso: unknown) {
    return formatDay(iso, this.context.getSync(['now']));
  });
  const templates = loadTemplates(engine, dir);

  return {
    has: (key: string) => templates.has(key),
    keys: () => [...templates.keys()],
    /** The reply text: the template's body, then the store's sign-off. Unknown keys are a bug, not a silent gap. */
    render(reply: AgentReply, settings: StoreSettings, now: Date): string {
      const template = templates.get(reply.template);
      if (!template) throw new Error(`no reply template "${reply.template}"`);
      const context = { ...reply.vars, brand: settings.brandVoice, voice: voices[settings.brandVoice.tone], now: now.toISOString() };
      const body = engine.renderSync(template, context).trim();
      const signOff = settings.brandVoice.signOff.trim();
      return signOff ? `${body}\n\n${signOff}` : body;
    },
  };
}

export type ReplyRenderer = ReturnType<typeof createReplyRenderer>;
