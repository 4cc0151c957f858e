import { widgetApi } from './api';
import { accentSheet, fallbackAppearance, logoAddress, pickLanguage, stringsFor, type Appearance } from './appearance';
import { widgetConversation } from './conversation';
import { widgetHistory } from './history';
import { widgetView } from './view';

/** How long a page waits for the store's appearance before drawing the built-in one. */
const APPEARANCE_WAIT_MS = 4000;

/**
 * `<concierge-widget data-key="pk_…" data-api="https://support.example">`: the launcher and chat
 * panel, in the store's colour, logo, position and language (GET /v1/widget/appearance). The loader
 * script adds it; nothing else of the page is touched.
 *
 * `<concierge-widget data-preview>` (the console's live preview) talks to no API: it draws what its
 * `appearance` property is given, each time it is given.
 */
class ConciergeWidget extends HTMLElement {
  private started = false;
  /** Started by the loader while this bundle downloads; undefined when the element was added by hand. */
  declare appearanceRequest?: Promise<Appearance | undefined>;
  private previewAppearance: Appearance = fallbackAppearance;

  set appearance(appearance: Appearance) {
    this.previewAppearance = appearance;
    if (this.started && this.dataset.preview !== undefined) this.drawPreview();
  }
  get appearance(): Appearance {
    return this.previewAppearance;
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.attachShadow({ mode: 'open' });
    if (this.dataset.preview !== undefined) {
      this.drawPreview();
      return;
    }
    void this.start();
  }

  private place(appearance: Appearance) {
    // A position the shop's script tag gives (data-position="left") wins over the settings.
    if (!this.dataset.shopPosition) this.dataset.position = appearance.position === 'bottom-left' ? 'left' : 'right';
  }

  private drawPreview() {
    const appearance = this.previewAppearance;
    const lang = pickLanguage(appearance, navigator.languages ?? [navigator.language]);
    const strings = stringsFor(appearance, lang);
    this.place(appearance);
    const nothing = () => undefined;
    const view = widgetView(this, this.shadowRoot!, strings, { accent: accentSheet(appearance), lang, logo: logoAddress(appearance, location.origin) }, {
      opened: nothing,
      send: nothing,
      attach: nothing,
      leaveEmail: nothing,
      thumb: nothing,
      rate: nothing,
    });
    const now = Date.now();
    view.addMessage({ id: 'preview-question', role: 'customer', content: 'Where is my order #1001?', createdAt: new Date(now).toISOString() });
    view.addMessage({ id: 'preview-answer', role: 'assistant', content: 'It is on its way and should arrive on Friday.', createdAt: new Date(now + 1000).toISOString() });
    view.showPreview();
  }

  private async start() {
    if (this.dataset.position) this.dataset.shopPosition = this.dataset.position;
    const key = this.dataset.key ?? '';
    const base = (this.dataset.api ?? location.origin).replace(/\/+$/, '');
    const history = widgetHistory(key);
    const state = history.load();
    const api = widgetApi(base, key, () => state.token);
    const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, APPEARANCE_WAIT_MS));
    const appearance = (await Promise.race([this.appearanceRequest ?? api.appearance(AbortSignal.timeout(APPEARANCE_WAIT_MS)).catch(() => undefined), timeout])) ?? fallbackAppearance;
    const lang = pickLanguage(appearance, navigator.languages ?? [navigator.language]);
    const strings = stringsFor(appearance, lang);
    this.place(appearance);
    let conversation: ReturnType<typeof widgetConversation> | undefined = undefined;
    const view = widgetView(this, this.shadowRoot!, strings, { accent: accentSheet(appearance), lang, logo: logoAddress(appearance, base) }, {
      opened: () => undefined,
      send: (text) => conversation?.send(text),
      attach: (file) => void conversation?.attach(file),
      leaveEmail: (email) => void conversation?.leaveEmail(email),
      thumb: (id, value) => void conversation?.thumb(id, value),
      rate: (score) => void conversation?.rate(score),
    });
    conversation = widgetConversation(api, history, view, strings, state);
    conversation.start();
    this.dataset.ready = 'true';
    // For a shop's own timing (and npm run bench:widget): the launcher is usable from here.
    performance.mark('concierge-widget-ready');
  }
}

if (!customElements.get('concierge-widget')) customElements.define('concierge-widget', ConciergeWidget);
