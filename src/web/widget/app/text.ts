// Anything a message holds is text: shopper's, agent's or a person's. Only http(s) links become links.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** Appends `text` to `parent` as text nodes, with http(s) URLs as links that open in a new tab; never parses HTML. */
export function appendText(parent: HTMLElement, text: string): void {
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) parent.append(document.createTextNode(text.slice(last, start)));
    parent.append(link(match[0]));
    last = start + match[0].length;
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
}

/** A link to an http(s) URL (checked again after parsing), or the text itself. */
export function link(href: string, label = href): Node {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return document.createTextNode(label);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return document.createTextNode(label);
  const a = document.createElement('a');
  a.href = url.href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = label;
  return a;
}
