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
