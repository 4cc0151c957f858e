import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';
import type { IngestInput } from '../../core/ports/knowledge';
import type { StoreSettings } from '../../core/settings';

const here = dirname(fileURLToPath(import.meta.url));
const liquid = new Liquid({ strictVariables: true });
const templates = readdirSync(here)
  .filter((name) => name.endsWith('.md.liquid'))
  .sort()
  .map((name) => ({ name: name.replace('.md.liquid', ''), template: liquid.parse(readFileSync(join(here, name), 'utf8')) }));

const reasonWords: Record<string, string> = {
  damaged: 'damaged',
  defective: 'defective',
  not_received: 'never arrived',
  wrong_item: 'wrong',
  not_as_described: 'not as described',
  late: 'late',
  changed_mind: 'unwanted',
  other: 'with another problem',
};

/**
 * The default articles of a store (returns, refunds, shipping, warranty, FAQ, care), rendered from
 * its settings so that what the articles say and what the policy engine decides are the same figures.
 */
export function builtinDocuments(settings: StoreSettings): IngestInput[] {
  const variables = {
    returnWindowDays: settings.returnWindowDays,
    refundWindowDays: settings.refundWindowDays,
    excluded: settings.excludedReturnCategories.map((category) => category.replace(/-/g, ' ')),
    returnless: settings.returnlessRefundReasons.map((reason) => reasonWords[reason] ?? reason),
    // The auto-approve limit and refunds per order are not printed: a figure tells a fraudster what to ask for (issue 21).
    currency: settings.currency,
  };
  return templates.map(({ name, template }) => ({
    source: `builtin:${name}`,
    format: 'markdown' as const,
    content: liquid.renderSync(template, variables) as string,
  }));
}
