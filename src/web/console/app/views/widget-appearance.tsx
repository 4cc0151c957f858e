import { useEffect, useRef, useState } from 'preact/hooks';
import type { paths } from '../../../../../clients/typescript/index';
import en from '../../../../../locales/widget/en.json';
import fr from '../../../../../locales/widget/fr.json';
import { api, ok } from '../session';
import { Section } from './section';

type Settings = paths['/v1/stores/{storeId}/settings']['get']['responses']['200']['content']['application/json'];
type Appearance = Settings['widget'];

type WidgetStringKey = keyof typeof en;
const builtIn: Record<string, Partial<typeof en>> = { en, fr };
const stringKeys = Object.keys(en) as WidgetStringKey[];
const HEX = /^#[0-9a-f]{6}$/i;

const languagesOf = (draft: Appearance) => [...new Set([...Object.keys(builtIn), ...Object.keys(draft.strings)])];

/** The unsaved draft as the widget would receive it from GET /v1/widget/appearance (built-in strings, then the greeting, then the store's own). */
function asServed(draft: Appearance) {
  const strings = Object.fromEntries(
    languagesOf(draft).map((code) => [code, { ...en, ...builtIn[code], ...(draft.greeting ? { greeting: draft.greeting } : {}), ...draft.strings[code] }]),
  );
  // A colour the API would refuse is still drawn, so the operator sees why; one that is not a colour yet is not.
  return { ...draft, primaryColor: HEX.test(draft.primaryColor) ? draft.primaryColor : '#1d4ed8', accentText: '#ffffff', strings };
}

/** The real widget (its bundle is on the console's page) in preview mode, redrawn on every change: nothing is saved until Save. */
function LivePreview({ appearance }: { appearance: Appearance }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = document.createElement('concierge-widget') as HTMLElement & { appearance?: unknown };
    element.dataset.preview = '';
    box.current!.replaceChildren(element);
    return () => element.remove();
  }, []);
  useEffect(() => {
    const element = box.current!.firstElementChild as (HTMLElement & { appearance?: unknown }) | null;
    if (!element) return;
    element.appearance = asServed(appearance);
  }, [appearance]);
  return (
    <figure class="preview widget-preview" aria-label="Live preview of the widget">
      <figcaption>Live preview (the real widget; not saved yet)</figcaption>
      <div ref={box} data-testid="widget-preview" />
    </figure>
  );
}

/** Settings → Widget appearance: colour, logo, greeting, position, language and every string, with the real widget previewing the unsaved draft. */
export function WidgetAppearanceSection({ storeId, settings, onSaved }: { storeId: string; settings: Settings; onSaved: (settings: Settings) => void }) {
  const [draft, setDraft] = useState<Appearance>(settings.widget);
  const [language, setLanguage] = useState<string>(settings.widget.defaultLanguage);
  const [uploadNote, setUploadNote] = useState('');
  useEffect(() => setDraft(settings.widget), [settings.widget]);
  const edit = (patch: Partial<Appearance>) => setDraft({ ...draft, ...patch });
  const languages = languagesOf(draft);
  const overrides = draft.strings[language] ?? {};
  const defaults = { ...en, ...builtIn[language] };
  const setString = (key: WidgetStringKey, value: string) => {
    const next: Record<string, string> = { ...overrides, [key]: value };
    if (!value.trim()) delete next[key];
    edit({ strings: { ...draft.strings, [language]: next } });
  };
  const path = { params: { path: { storeId } } };

  return (
    <Section
      title="Widget appearance"
      note="How the website widget looks and speaks on the store's pages. The preview is the real widget, drawn from what is typed here. The colour carries white text, so one under WCAG AA's 4.5:1 contrast is refused (with the nearest darker shade suggested)."
      onSave={async () =>
        onSaved(
          await ok(
            api.PATCH('/v1/stores/{storeId}/settings', {
              ...path,
              body: { widget: { ...draft, logoUrl: draft.logoUrl || null, greeting: draft.greeting || null } },
            }),
          ),
        )
      }
    >
      <label>
        Primary colour
        <input type="color" value={HEX.test(draft.primaryColor) ? draft.primaryColor : '#1d4ed8'} onInput={(e) => edit({ primaryColor: e.currentTarget.value })} />
      </label>
      <label>
        Primary colour (hex)
        <input value={draft.primaryColor} onInput={(e) => edit({ primaryColor: e.currentTarget.value.trim() })} />
      </label>
      <label>
        Greeting
        <input value={draft.greeting ?? ''} placeholder={defaults.greeting} onInput={(e) => edit({ greeting: e.currentTarget.value || null })} />
      </label>
      <label>
        Launcher position
        <select value={draft.position} onChange={(e) => edit({ position: e.currentTarget.value as Appearance['position'] })}>
          <option value="bottom-right">bottom right</option>
          <option value="bottom-left">bottom left</option>
        </select>
      </label>
      <label>
        Shopper's language
        <select value={draft.language} onChange={(e) => edit({ language: e.currentTarget.value })}>
          <option value="auto">the shopper's browser language</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              always {code}
            </option>
          ))}
        </select>
      </label>
      <label>
        Default language
        <select value={draft.defaultLanguage} onChange={(e) => edit({ defaultLanguage: e.currentTarget.value })}>
          {languages.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </select>
      </label>
      <label>
        Logo URL (on one of the allowed origins)
        <input type="url" value={draft.logoUrl ?? ''} placeholder="https://shop.example.com/logo.png" onInput={(e) => edit({ logoUrl: e.currentTarget.value || null })} />
      </label>
      <label>
        Or upload a logo (PNG, JPEG, WebP or GIF, at most 64 KB)
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (!file) return;
            const bytes = new Uint8Array(await file.arrayBuffer());
            let binary = '';
            for (const byte of bytes) binary += String.fromCharCode(byte);
            try {
              const saved = await ok(api.PUT('/v1/stores/{storeId}/widget/logo', { ...path, body: { image: btoa(binary) } }));
              onSaved(saved);
              setUploadNote('Logo uploaded and shown in the widget.');
            } catch (caught) {
              setUploadNote(caught instanceof Error ? caught.message : 'Not uploaded.');
            }
          }}
        />
        <span role="status">{uploadNote}</span>
      </label>
      <details class="wide strings">
        <summary>Every string the shopper sees ({language})</summary>
        <label>
          Language to edit
          <select value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {languages.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
        <label>
          Add a language (code such as de)
          <input
            pattern="[a-z]{2,3}"
            onChange={(e) => {
              const code = e.currentTarget.value.trim().toLowerCase();
              if (!/^[a-z]{2,3}$/.test(code)) return;
              edit({ strings: { ...draft.strings, [code]: draft.strings[code] ?? {} } });
              setLanguage(code);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {stringKeys.map((key) => (
          <label key={key}>
            {key}
            <input value={overrides[key] ?? ''} placeholder={defaults[key]} onInput={(e) => setString(key, e.currentTarget.value)} />
          </label>
        ))}
      </details>
      <LivePreview appearance={draft} />
    </Section>
  );
}
