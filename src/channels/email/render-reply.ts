import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';

const engine = new Liquid({ root: join(dirname(fileURLToPath(import.meta.url)), 'templates'), extname: '.liquid', cache: true, strictFilters: true });

export interface ReplyContent {
  subject: string;
  body: string;
  signOff: string;
  senderName: string;
}

/** The text/plain and text/html parts of a reply, from the one template file (templates/reply.liquid). */
export async function renderReply(content: ReplyContent): Promise<{ text: string; html: string }> {
  const paragraphs = content.body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  const scope = { paragraphs, subject: content.subject, signOff: content.signOff, senderName: content.senderName };
  const [text, html] = await Promise.all([engine.renderFile('reply', { ...scope, html: false }), engine.renderFile('reply', { ...scope, html: true })]);
  return { text: `${text.trim()}\n`, html };
}

/** `Re: ` once before the thread's subject. */
export const replySubject = (subject: string) => (/^\s*re\s*:/i.test(subject) ? subject.trim() : `Re: ${subject.trim() || 'your message'}`);
