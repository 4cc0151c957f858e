import { widgetApi } from './api';
import { widgetConversation } from './conversation';
import { widgetHistory } from './history';
import { defaultStrings } from './strings';
import { widgetView } from './view';

/**
 * `<concierge-widget data-key="pk_…" data-api="https://support.example">`: the launcher and chat
 * panel. The loader script adds it; nothing else of the page is touched.
 */
class ConciergeWidget extends HTMLElement {
  private started = false;

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    const key = this.dataset.key ?? '';
    const base = (this.dataset.api ?? location.origin).replace(/\/+$/, '');
    const strings = { ...defaultStrings };
    const history = widgetHistory(key);
    const state = history.load();
    const api = widgetApi(base, key, () => state.token);
    let conversation: ReturnType<typeof widgetConversation> | undefined = undefined;
    const view = widgetView(this, strings, {
      opened: () => undefined,
      send: (text) => conversation?.send(text),
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
