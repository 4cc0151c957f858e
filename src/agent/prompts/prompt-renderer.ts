import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid, type Template } from 'liquidjs';

const here = dirname(fileURLToPath(import.meta.url));

// The markers that fence untrusted text in a prompt: written inside it they are defused, so the text cannot close its fence.
const FENCE = /<<<|>>>/g;

/** Untrusted text (a shopper's message, a store's instructions, a passage) made unable to close or open a fence. */
export const fenceSafe = (text: unknown) => String(text ?? '').replace(FENCE, (m) => (m === '<<<' ? '‹‹‹' : '›››'));

/** The one renderer of the model's prompts: Liquid files under prompts/model, parsed once. */
export function createPromptRenderer(dir = join(here, 'model')) {
  const engine = new Liquid({ root: dir, partials: dir, extname: '.liquid', strictFilters: true, ownPropertyOnly: true, cache: true });
  engine.registerFilter('fence_safe', fenceSafe);
  const templates = new Map<string, Template[]>();
  for (const name of readdirSync(dir)) if (name.endsWith('.liquid')) templates.set(name.replace(/\.liquid$/, ''), engine.parse(readFileSync(join(dir, name), 'utf8')));
  return {
    render(name: string, vars: Record<string, unknown>): string {
      const template = templates.get(name);
      if (!template) throw new Error(`no prompt "${name}"`);
      return engine
        .renderSync(template, vars)
        .replace(/\n{3,}/g, '\n\n')
        .trim();
    },
  };
}

export type PromptRenderer = ReturnType<typeof createPromptRenderer>;
