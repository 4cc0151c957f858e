import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { canChangeSettings, ConciergeApiError } from '../session';

/** One settings form: its fields (read-only to agents), a Save button and what saving said. */
export function Section({ title, onSave, children, note }: { title: string; onSave?: () => Promise<void>; children: ComponentChildren; note?: string }) {
  const [status, setStatus] = useState('');
  const editable = canChangeSettings();
  const id = `section-${title.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <form
      class="section"
      aria-labelledby={id}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!onSave) return;
        try {
          await onSave();
          setStatus('Saved.');
        } catch (caught) {
          setStatus(caught instanceof ConciergeApiError ? caught.message : 'Not saved; try again.');
        }
      }}
    >
      <h2 id={id}>{title}</h2>
      {note && <p class="muted">{note}</p>}
      <fieldset disabled={!editable}>{children}</fieldset>
      {onSave && (
        <div class="buttons">
          <button type="submit" disabled={!editable}>
            Save {title.toLowerCase()}
          </button>
          <span role="status">{status}</span>
        </div>
      )}
    </form>
  );
}
