// The short-cached script a shop puts on its pages:
//   <script src="https://support.example/widget/v1/concierge.js" data-key="pk_…" async></script>
// It adds <concierge-widget> and the content-hashed bundle (cached for a year); a new release changes only this file.
declare const WIDGET_PATH: string;

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script || document.querySelector('concierge-widget')) return;
  const base = new URL(script.src).origin;
  const widget = document.createElement('concierge-widget');
  widget.dataset.key = script.dataset.key ?? '';
  widget.dataset.api = script.dataset.api ?? base;
  if (script.dataset.position) widget.dataset.position = script.dataset.position;
  // The store's appearance is fetched while the bundle downloads (the element takes this answer; see element.ts).
  (widget as HTMLElement & { appearanceRequest?: Promise<unknown> }).appearanceRequest = fetch(`${widget.dataset.api.replace(/\/+$/, '')}/v1/widget/appearance`, {
    headers: { authorization: `Bearer ${widget.dataset.key}` },
  })
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined);
  const bundle = document.createElement('script');
  bundle.src = `${base}${WIDGET_PATH}`;
  bundle.async = true;
  const add = () => {
    document.body.append(widget);
    document.head.append(bundle);
  };
  if (document.body) add();
  else document.addEventListener('DOMContentLoaded', add, { once: true });
})();
