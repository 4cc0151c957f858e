/**
 * The widget's own CSS, inside its shadow root. The host's rules are `!important` so a shop's CSS
 * (which wins over `:host` for normal declarations) cannot move, hide or restyle it; `all: initial`
 * stops the page's inherited fonts and colours at the border.
 */
export const widgetCss = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: auto 20px 20px auto !important;
  z-index: 2147483000 !important;
  width: auto !important; height: auto !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important;
  transform: none !important; filter: none !important; opacity: 1 !important; visibility: visible !important;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif !important;
  color: #1b1f24 !important;
  --accent: #1d4ed8; --accent-text: #ffffff; --surface: #ffffff; --muted: #4b5563; --line: #d1d5db; --bubble: #f1f3f6;
}
:host([data-position="left"]) { inset: auto auto 20px 20px !important; }
* { box-sizing: border-box; font: inherit; color: inherit; margin: 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
button, input, textarea { font: inherit; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.launcher {
  display: flex; align-items: center; justify-content: center; gap: 8px;
  min-width: 56px; height: 56px; padding: 0 20px; border: 0; border-radius: 28px; cursor: pointer;
  background: var(--accent); color: var(--accent-text); font-weight: 600;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); transition: transform .15s ease;
}
.launcher:hover { transform: translateY(-2px); }
.launcher svg { width: 22px; height: 22px; fill: currentColor; }
.panel {
  position: absolute; right: 0; bottom: 0; display: flex; flex-direction: column;
  width: 370px; height: min(600px, calc(100vh - 40px)); background: var(--surface);
  border: 1px solid var(--line); border-radius: 14px; overflow: hidden; box-shadow: 0 10px 40px rgba(0,0,0,.25);
  animation: rise .18s ease-out;
}
:host([data-position="left"]) .panel { right: auto; left: 0; }
.panel[hidden], .launcher[hidden], [hidden] { display: none !important; }
@keyframes rise { from { transform: translateY(12px); opacity: 0; } to { transform: none; opacity: 1; } }
header { display: flex; align-items: center; gap: 10px; padding: 12px 14px; background: var(--accent); color: var(--accent-text); }
header img { width: 28px; height: 28px; border-radius: 6px; object-fit: cover; }
header h2 { flex: 1; font-size: 16px; font-weight: 650; }
.close { border: 0; background: transparent; color: inherit; width: 36px; height: 36px; border-radius: 8px; cursor: pointer; font-size: 22px; line-height: 1; }
.status { padding: 6px 14px; font-size: 13px; background: #fff7e0; color: #5c4400; }
.status:empty { display: none; }
.log { flex: 1; overflow-y: auto; list-style: none; padding: 14px; display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; background: var(--bubble); white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .who { display: block; font-size: 12px; color: var(--muted); margin-bottom: 2px; }
.msg.customer { align-self: flex-end; background: var(--accent); color: var(--accent-text); }
.msg.customer .who { color: inherit; opacity: .9; }
.msg.agent { border: 2px solid var(--accent); background: var(--surface); }
.msg.system { align-self: center; background: transparent; color: var(--muted); font-size: 13px; text-align: center; }
.msg.pending { opacity: .85; }
.msg .note { display: block; font-size: 12px; margin-top: 4px; }
.msg a { color: inherit; text-decoration: underline; }
.typing { padding: 0 14px 8px; color: var(--muted); font-size: 13px; display: flex; align-items: center; gap: 6px; }
.dots span { display: inline-block; width: 6px; height: 6px; margin: 0 1px; border-radius: 50%; background: var(--muted); animation: blink 1s infinite; }
.dots span:nth-child(2) { animation-delay: .2s; } .dots span:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
.handoff { margin: 0 14px 10px; padding: 10px; border: 1px solid var(--line); border-radius: 10px; font-size: 14px; }
.handoff form { display: flex; gap: 6px; margin-top: 8px; }
.handoff input { flex: 1; min-width: 0; padding: 8px; border: 1px solid #6b7280; border-radius: 8px; background: #fff; color: #1b1f24; }
.handoff .error { color: #b91c1c; font-size: 13px; margin-top: 4px; }
.composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid var(--line); }
.composer textarea { flex: 1; resize: none; height: 44px; max-height: 120px; padding: 10px; border: 1px solid #6b7280; border-radius: 10px; background: #fff; color: #1b1f24; }
.attach { border: 1px solid #6b7280; border-radius: 10px; min-width: 44px; min-height: 44px; background: #fff; color: #1b1f24; cursor: pointer; font-size: 18px; }
.primary { border: 0; border-radius: 10px; padding: 0 16px; min-height: 44px; background: var(--accent); color: var(--accent-text); font-weight: 600; cursor: pointer; }
.card { display: flex; flex-direction: column; gap: 2px; margin-top: 8px; padding: 8px 10px; border: 1px solid var(--line); border-radius: 10px; background: var(--surface); color: #1b1f24; font-size: 14px; white-space: normal; }
.card .track { margin-top: 4px; color: var(--accent); font-weight: 600; }
.thumbs { display: flex; gap: 4px; margin-top: 4px; }
.thumbs button { border: 1px solid var(--line); background: var(--surface); border-radius: 8px; min-width: 32px; min-height: 28px; cursor: pointer; font-size: 13px; }
.thumbs button[aria-pressed="true"] { border-color: var(--accent); background: #e6edfb; }
.quick { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; white-space: normal; }
.quick button { border: 1px solid var(--accent); color: var(--accent); background: var(--surface); border-radius: 16px; padding: 6px 12px; cursor: pointer; }
.rating { margin: 0 14px 10px; padding: 10px; border: 1px solid var(--line); border-radius: 10px; }
.stars { display: flex; gap: 6px; margin-top: 6px; }
.stars button { flex: 1; min-height: 36px; border: 1px solid var(--accent); color: var(--accent); background: var(--surface); border-radius: 8px; cursor: pointer; font-weight: 600; }
@media (max-width: 480px) {
  :host(.open) { inset: 0 !important; }
  .panel { position: fixed; inset: 0; width: 100vw; height: 100dvh; border-radius: 0; border: 0; }
}
/* The console's live preview: in the page's flow, launcher under the open panel. */
:host([data-preview]) { position: relative !important; inset: auto !important; z-index: auto !important; display: flex !important; flex-direction: column !important; align-items: flex-end !important; gap: 12px !important; }
:host([data-preview][data-position="left"]) { align-items: flex-start !important; }
:host([data-preview]) .panel { position: relative !important; inset: auto !important; width: min(370px, 100%) !important; height: 440px !important; border-radius: 14px !important; border: 1px solid var(--line) !important; animation: none; }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
  .launcher:hover { transform: none; }
}
`;
