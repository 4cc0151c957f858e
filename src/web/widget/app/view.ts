import type { OrderCard, StoredMessage } from './history';
import type { WidgetStrings } from './strings';
import { widgetCss } from './styles';
import { appendText, link } from './text';

const CHAT_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface ViewEvents {
  opened(): void;
  send(text: string): void;
  /** A photo chosen with the attach button. */
  attach(file: File): void;
  leaveEmail(email: string): void;
  thumb(messageId: string, thumb: 'up' | 'down'): void;
  rate(score: number): void;
}

export interface ViewLook {
  /** The store's accent colour (see appearance.ts). */
  accent: CSSStyleSheet;
  /** The language of `strings`, for screen readers' pronunciation. */
  lang: string;
  logo?: string | undefined;
}

let baseSheet: CSSStyleSheet | undefined;

/** The launcher and the panel in the element's shadow root (drawn afresh when the preview changes); every message is drawn as text (see text.ts). */
export function widgetView(host: HTMLElement, root: ShadowRoot, strings: WidgetStrings, look: ViewLook, on: ViewEvents) {
  if (!baseSheet) {
    baseSheet = new CSSStyleSheet();
    baseSheet.replaceSync(widgetCss);
  }
  root.adoptedStyleSheets = [baseSheet, look.accent];
  root.replaceChildren();

  const launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'concierge-panel', lang: look.lang });
  // Parsed as SVG, never as HTML: the icon is a constant, and no text in the widget goes through an HTML parser.
  launcher.append(document.importNode(new DOMParser().parseFromString(CHAT_ICON, 'image/svg+xml').documentElement, true));
  launcher.append(el('span', {}, strings.title));
  const panel = el('section', { id: 'concierge-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'concierge-title', lang: look.lang });
  panel.hidden = true;
  const header = el('header');
  const title = el('h2', { id: 'concierge-title' }, strings.title);
  const close = el('button', { type: 'button', class: 'close', 'aria-label': strings.close }, '×');
  // Decorative: the title beside it names the panel. Only http(s) (appearance.ts), on the store's origins or this gateway.
  if (look.logo) header.append(el('img', { src: look.logo, alt: '', width: '28', height: '28', referrerpolicy: 'no-referrer' }));
  header.append(title, close);
  const status = el('p', { class: 'status', role: 'status' });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': strings.conversationLog, tabindex: '0' });
  const typing = el('div', { class: 'typing' });
  typing.append(el('span', { class: 'dots', 'aria-hidden': 'true' }), el('span', {}, strings.typing));
  typing.firstElementChild!.append(el('span'), el('span'), el('span'));
  typing.hidden = true;

  const handoff = el('div', { class: 'handoff' });
  const handoffText = el('p', { role: 'status' }, strings.handoff);
  const emailForm = el('form', { novalidate: '' });
  const emailLabel = el('label', { for: 'concierge-email', class: 'sr' }, strings.emailLabel);
  const emailInput = el('input', { id: 'concierge-email', type: 'email', autocomplete: 'email', placeholder: strings.emailLabel });
  const emailError = el('p', { class: 'error', role: 'alert' });
  emailForm.append(emailLabel, emailInput, el('button', { type: 'submit', class: 'primary' }, strings.emailSend));
  handoff.append(handoffText, emailForm, emailError);
  handoff.hidden = true;

  const rating = el('div', { class: 'rating', role: 'group', 'aria-labelledby': 'concierge-rating' });
  const ratingQuestion = el('p', { id: 'concierge-rating' }, strings.ratingQuestion);
  const ratingButtons = el('div', { class: 'stars' });
  for (let n = 1; n <= 5; n++) {
    const star = el('button', { type: 'button', 'aria-label': strings.ratingLabel.replace('{n}', String(n)) }, String(n));
    star.addEventListener('click', () => on.rate(n));
    ratingButtons.append(star);
  }
  rating.append(ratingQuestion, ratingButtons);
  rating.hidden = true;

  const composer = el('form', { class: 'composer' });
  const inputLabel = el('label', { for: 'concierge-input', class: 'sr' }, strings.inputLabel);
  const input = el('textarea', { id: 'concierge-input', rows: '1', placeholder: strings.placeholder, maxlength: '8000' });
  // A photo for a claim (damaged, wrong item…): the button opens the phone's camera or files.
  const photoInput = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,image/heic,image/heif', class: 'sr', tabindex: '-1', 'aria-hidden': 'true' });
  const attach = el('button', { type: 'button', class: 'attach', 'aria-label': strings.attach, title: strings.attach }, '📎');
  attach.addEventListener('click', () => photoInput.click());
  photoInput.addEventListener('change', () => {
    const file = photoInput.files?.[0];
    photoInput.value = '';
    if (file) on.attach(file);
  });
  composer.append(photoInput, attach, inputLabel, input, el('button', { type: 'submit', class: 'primary' }, strings.send));
  panel.append(header, status, log, typing, handoff, rating, composer);
  root.append(launcher, panel);

  const greeting = el('div', { class: 'msg assistant greeting' });
  appendText(greeting, strings.greeting);
  log.append(greeting);

  function setOpen(open: boolean) {
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute('aria-expanded', String(open));
    host.classList.toggle('open', open);
    if (open) {
      input.focus();
      log.scrollTop = log.scrollHeight;
      on.opened();
    } else launcher.focus();
  }
  launcher.addEventListener('click', () => setOpen(true));
  close.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    on.send(text);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  emailForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const email = emailInput.value.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      emailError.textContent = strings.emailInvalid;
      emailInput.setAttribute('aria-invalid', 'true');
      return;
    }
    emailError.textContent = '';
    emailInput.removeAttribute('aria-invalid');
    on.leaveEmail(email);
  });

  const who = (role: StoredMessage['role']) =>
    role === 'customer' ? strings.you : role === 'agent' ? strings.person : role === 'assistant' ? strings.assistant : '';
  function bubble(message: Pick<StoredMessage, 'role' | 'content'>, id: string): HTMLDivElement {
    const li = el('div', { class: `msg ${message.role}`, 'data-id': id });
    if (message.role !== 'system') li.append(el('span', { class: 'who' }, who(message.role)));
    const body = el('span', { class: 'body' });
    appendText(body, message.content);
    li.append(body);
    return li;
  }

  function orderCard(card: OrderCard): HTMLElement {
    const label = strings.order.replace('{order}', card.order);
    const box = el('div', { class: 'card', role: 'group', 'aria-label': label });
    box.append(el('strong', {}, label), el('span', {}, strings.orderStatus.replace('{status}', card.status.replace(/_/g, ' '))));
    if (card.carrier) box.append(el('span', {}, strings.carrier.replace('{carrier}', card.carrier)));
    if (card.trackingNumber) box.append(el('span', {}, strings.trackingNumber.replace('{number}', card.trackingNumber)));
    const eta = card.eta ? new Date(card.eta) : null;
    if (eta && !Number.isNaN(eta.getTime()))
      box.append(el('span', {}, strings.eta.replace('{date}', eta.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' }))));
    if (card.trackingUrl) {
      const track = link(card.trackingUrl, strings.track);
      if (track instanceof HTMLElement) track.classList.add('track');
      box.append(track);
    }
    return box;
  }

  function thumbs(messageId: string): HTMLElement {
    const box = el('div', { class: 'thumbs' });
    for (const [value, label, glyph] of [
      ['up', strings.helpful, '👍'],
      ['down', strings.notHelpful, '👎'],
    ] as const) {
      const button = el('button', { type: 'button', 'aria-label': label, 'aria-pressed': 'false', 'data-thumb': value }, glyph);
      button.addEventListener('click', () => on.thumb(messageId, value));
      box.append(button);
    }
    return box;
  }

  /** Buttons answering the newest answer's question, shown while it is the last message. */
  function refreshQuickReplies(messages: Map<string, StoredMessage>) {
    for (const old of log.querySelectorAll('.quick')) old.remove();
    const last = [...log.querySelectorAll<HTMLElement>('.msg[data-at]')].at(-1);
    const message = last ? messages.get(last.dataset.id ?? '') : undefined;
    if (!last || !message?.quickReplies?.length || message.role !== 'assistant' || log.querySelector('.pending, .streaming')) return;
    const box = el('div', { class: 'quick', role: 'group', 'aria-label': strings.suggestions });
    for (const text of message.quickReplies) {
      const button = el('button', { type: 'button' }, text);
      button.addEventListener('click', () => on.send(text));
      box.append(button);
    }
    last.append(box);
  }
  const byId = new Map<string, StoredMessage>();
  const scroll = () => {
    log.scrollTop = log.scrollHeight;
  };
  /** Rendered stored messages, in order; pending ones and the streaming answer always come after them. */
  const firstTransient = () => log.querySelector<HTMLElement>('.pending, .streaming');
  let streaming: { li: HTMLDivElement; body: HTMLElement } | undefined;

  return {
    root,
    setOpen,
    /** The console's preview: launcher and panel both shown, nothing focused (the operator is typing in the settings). */
    showPreview() {
      panel.hidden = false;
      launcher.hidden = false;
    },
    isOpen: () => !panel.hidden,
    /** Adds a stored message at its place by time (a replayed one may be older than one shown). */
    addMessage(message: StoredMessage) {
      const li = bubble(message, message.id);
      li.dataset.at = message.createdAt;
      byId.set(message.id, message);
      if (message.card) li.append(orderCard(message.card));
      if (message.role === 'assistant' || message.role === 'agent') li.append(thumbs(message.id));
      const later = [...log.querySelectorAll<HTMLElement>('.msg[data-at]')].find((other) => (other.dataset.at ?? '') > message.createdAt);
      log.insertBefore(li, later ?? firstTransient());
      refreshQuickReplies(byId);
      scroll();
    },
    refreshQuickReplies: () => refreshQuickReplies(byId),
    setThumb(messageId: string, value: 'up' | 'down' | undefined) {
      for (const button of log.querySelectorAll<HTMLElement>(`.msg[data-id="${CSS.escape(messageId)}"] .thumbs button`)) {
        button.setAttribute('aria-pressed', String(button.dataset.thumb === value));
      }
    },
    rating(show: boolean, given?: number) {
      rating.hidden = !show;
      ratingButtons.hidden = given !== undefined;
      ratingQuestion.textContent = given !== undefined ? strings.ratingThanks : strings.ratingQuestion;
    },
    addPending(localId: string, content: string, queued: boolean) {
      const li = bubble({ role: 'customer', content }, localId);
      li.classList.add('pending');
      li.append(el('span', { class: 'note' }, queued ? strings.queued : strings.sending));
      log.insertBefore(li, streaming?.li ?? null);
      refreshQuickReplies(byId);
      scroll();
    },
    markQueued(localId: string, queued: boolean) {
      const note = log.querySelector(`.pending[data-id="${CSS.escape(localId)}"] .note`);
      if (note) note.textContent = queued ? strings.queued : strings.sending;
    },
    removePending(localId: string) {
      log.querySelector(`.pending[data-id="${CSS.escape(localId)}"]`)?.remove();
    },
    failPending(localId: string, reason: string, template = strings.failed) {
      const note = log.querySelector(`.pending[data-id="${CSS.escape(localId)}"] .note`);
      if (note) note.textContent = template.replace('{reason}', reason);
    },
    typing(on: boolean) {
      typing.hidden = !on;
    },
    /** The answer as it streams: one text node per token, in a bubble screen readers hear once it is complete. */
    streamToken(text: string) {
      if (!streaming) {
        const li = el('div', { class: 'msg assistant streaming', 'aria-busy': 'true' });
        li.append(el('span', { class: 'who' }, strings.assistant));
        const body = el('span', { class: 'body' });
        li.append(body);
        log.append(li);
        streaming = { li, body };
        typing.hidden = true;
      }
      streaming.body.append(document.createTextNode(text));
      scroll();
    },
    endStream() {
      streaming?.li.remove();
      streaming = undefined;
    },
    status(text: string) {
      status.textContent = text;
    },
    handoff(show: boolean, email?: string) {
      handoff.hidden = !show;
      emailForm.hidden = Boolean(email);
      if (email) handoffText.textContent = strings.emailThanks.replace('{email}', email);
    },
    emailError(text: string) {
      emailError.textContent = text;
    },
  };
}

export type WidgetView = ReturnType<typeof widgetView>;
