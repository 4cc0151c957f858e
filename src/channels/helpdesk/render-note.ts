import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';

const engine = new Liquid({ root: join(dirname(fileURLToPath(import.meta.url)), 'templates'), extname: '.liquid', cache: true, strictFilters: true });

/** Renders one of the channel's note templates (plain text: helpdesk comments are not HTML here). */
export async function renderNote(template: string, scope: Record<string, unknown>): Promise<string> {
  return `${(await engine.renderFile(template, scope)).trim()}\n`;
}
