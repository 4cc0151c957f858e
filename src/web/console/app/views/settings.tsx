import { useCallback, useEffect, useState } from 'preact/hooks';
import type { paths } from '../../../../../clients/typescript/index';
import { api, canChangeSettings, ConciergeApiError, ok, session } from '../session';
import { Section } from './section';
import { WidgetAppearanceSection } from './widget-appearance';

type Settings = paths['/v1/stores/{storeId}/settings']['get']['responses']['200']['content']['application/json'];
type Patch = NonNullable<paths['/v1/stores/{storeId}/settings']['patch']['requestBody']>['content']['application/json'];
type Key = paths['/v1/stores/{storeId}/api-keys']['get']['responses']['200']['content']['application/json']['data'][number];
type Operator = paths['/v1/stores/{storeId}/operators']['get']['responses']['200']['content']['application/json']['data'][number];

const channelFields: Record<string, [string, string][]> = {
  shopify: [
    ['shopDomain', 'Shop domain'],
    ['accessToken', 'Admin API access token'],
    ['webhookSecret', 'Webhook secret'],
  ],
  stripe: [
    ['secretKey', 'Secret key'],
    ['webhookSecret', 'Webhook signing secret'],
  ],
  zendesk: [
    ['subdomain', 'Subdomain'],
    ['email', 'Agent e-mail'],
    ['apiToken', 'API token'],
    ['oauthToken', 'OAuth token (instead of the e-mail and API token)'],
    ['webhookSecret', 'Webhook signing secret'],
    ['handoffGroupId', 'Handoff group id'],
    ['mode', 'Mode: reply or review'],
  ],
  gorgias: [
    ['domain', 'Domain'],
    ['email', 'Agent e-mail'],
    ['apiKey', 'API key'],
    ['webhookSecret', 'Webhook secret (X-Concierge-Webhook-Secret)'],
    ['handoffTeamId', 'Handoff team id'],
    ['mode', 'Mode: reply or review'],
  ],
  email: [
    ['fromAddress', 'From address'],
    ['inboundSecret', 'Inbound secret'],
  ],
};

function NumberField({ label, value, onChange, step = 1 }: { label: string; value: number; onChange: (v: number) => void; step?: number }) {
  return (
    <label>
      {label}
      <input type="number" step={step} min={0} value={value} onInput={(e) => onChange(Number(e.currentTarget.value))} />
    </label>
  );
}

/** What the brand voice sounds like, rendered as the shopper would read a typical answer. */
function VoicePreview({ voice }: { voice: Settings['brandVoice'] }) {
  const openers = {
    friendly: 'Hi there! Good news:',
    formal: 'Good afternoon. Thank you for your patience:',
    playful: 'Hey hey! Guess what?',
    concise: 'Update:',
  } as const;
  return (
    <figure class="preview" aria-label="Preview of a reply">
      <figcaption>Preview</figcaption>
      <p>
        <strong>{voice.name}</strong>
      </p>
      <p>{openers[voice.tone]} your order #1001 is out for delivery and should arrive today.</p>
      {voice.signOff && <p>{voice.signOff}</p>}
    </figure>
  );
}

/** Policies, brand voice, escalation, channels, API keys and operators: read by everyone, changed by admins and owners. */
export function SettingsView() {
  const storeId = session()!.store.id;
  const path = { params: { path: { storeId } } };
  const [settings, setSettings] = useState<Settings | undefined>();
  const [keys, setKeys] = useState<Key[]>([]);
  const [operators, setOperators] = useState<Operator[]>([]);
  const [secret, setSecret] = useState('');
  const [invite, setInvite] = useState('');
  const [credentials, setCredentials] = useState<Record<string, Record<string, string>>>({});
  const admin = canChangeSettings();

  const load = useCallback(async () => {
    setSettings(await ok(api.GET('/v1/stores/{storeId}/settings', path)));
    if (admin) {
      setKeys((await ok(api.GET('/v1/stores/{storeId}/api-keys', path))).data);
      setOperators((await ok(api.GET('/v1/stores/{storeId}/operators', path))).data);
    }
  }, [storeId]);
  useEffect(() => void load(), [load]);
  if (!settings) return <p aria-busy="true">Loading settings…</p>;

  const save = async (patch: Patch) => setSettings(await ok(api.PATCH('/v1/stores/{storeId}/settings', { ...path, body: patch })));
  const edit = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  const voice = settings.brandVoice;
  const escalation = settings.escalation;

  return (
    <section aria-labelledby="settings-title" class="settings">
      <div class="toolbar">
        <h1 id="settings-title">Settings</h1>
        {!admin && <span class="muted">Your role ({session()!.operator.role}) can read the settings but not change them.</span>}
      </div>
      <Section
        title="Policies"
        onSave={() =>
          save({
            returnWindowDays: settings.returnWindowDays,
            refundWindowDays: settings.refundWindowDays,
            refundAutoApproveLimit: settings.refundAutoApproveLimit,
            maxRefundsPerOrder: settings.maxRefundsPerOrder,
            excludedReturnCategories: settings.excludedReturnCategories,
            evidence: settings.evidence,
          })
        }
      >
        <NumberField label="Return window (days)" value={settings.returnWindowDays} onChange={(v) => edit({ returnWindowDays: v })} />
        <NumberField label="Refund window (days)" value={settings.refundWindowDays} onChange={(v) => edit({ refundWindowDays: v })} />
        <NumberField
          label={`Refunds approved automatically up to (${settings.currency})`}
          value={settings.refundAutoApproveLimit}
          step={0.01}
          onChange={(v) => edit({ refundAutoApproveLimit: v })}
        />
        <NumberField label="Refunds per order at most" value={settings.maxRefundsPerOrder} onChange={(v) => edit({ maxRefundsPerOrder: v })} />
        <label>
          Categories never returnable (comma-separated)
          <input
            value={settings.excludedReturnCategories.join(', ')}
            onChange={(e) =>
              edit({
                excludedReturnCategories: e.currentTarget.value
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              })
            }
          />
        </label>
        <label>
          Photo of the damage before a refund without a return
          <select value={settings.evidence.photo} onChange={(e) => edit({ evidence: { ...settings.evidence, photo: e.currentTarget.value as Settings['evidence']['photo'] } })}>
            <option value="always">Always (a person reviews it with the photo)</option>
            <option value="over_amount">Only over an amount</option>
            <option value="never">Never</option>
          </select>
        </label>
        {settings.evidence.photo === 'over_amount' && (
          <NumberField
            label={`Photo asked over (${settings.currency})`}
            value={settings.evidence.photoOverAmount}
            step={0.01}
            onChange={(v) => edit({ evidence: { ...settings.evidence, photoOverAmount: v } })}
          />
        )}
      </Section>
      <Section title="Brand voice" onSave={() => save({ brandVoice: voice })}>
        <label>
          Name
          <input value={voice.name} onInput={(e) => edit({ brandVoice: { ...voice, name: e.currentTarget.value } })} />
        </label>
        <label>
          Tone
          <select value={voice.tone} onChange={(e) => edit({ brandVoice: { ...voice, tone: e.currentTarget.value as typeof voice.tone } })}>
            {['friendly', 'formal', 'playful', 'concise'].map((tone) => (
              <option key={tone}>{tone}</option>
            ))}
          </select>
        </label>
        <label>
          Sign-off
          <input value={voice.signOff} onInput={(e) => edit({ brandVoice: { ...voice, signOff: e.currentTarget.value } })} />
        </label>
        <VoicePreview voice={voice} />
      </Section>
      <Section title="Escalation" onSave={() => save({ escalation })}>
        <NumberField
          label="Hand off below this confidence (0–1)"
          value={escalation.minConfidence}
          step={0.05}
          onChange={(v) => edit({ escalation: { ...escalation, minConfidence: v } })}
        />
        <NumberField
          label="Hand off orders worth more than"
          value={escalation.highValueOrderAmount}
          onChange={(v) => edit({ escalation: { ...escalation, highValueOrderAmount: v } })}
        />
        <NumberField
          label="Hand off after this many unresolved turns"
          value={escalation.maxUnresolvedTurns}
          onChange={(v) => edit({ escalation: { ...escalation, maxUnresolvedTurns: v } })}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={escalation.onNegativeSentiment}
            onChange={(e) => edit({ escalation: { ...escalation, onNegativeSentiment: e.currentTarget.checked } })}
          />
          Hand off when the shopper is upset
        </label>
      </Section>
      <Section
        title="Proactive"
        note="Concierge writes first, by e-mail, when a parcel is stuck, was never scanned, is held up or is coming back to us, and puts the conversation on your queue."
        onSave={() => save({ proactive: settings.proactive })}
      >
        <label class="check">
          <input
            type="checkbox"
            checked={settings.proactive.shipmentExceptions}
            onChange={(e) => edit({ proactive: { shipmentExceptions: e.currentTarget.checked } })}
          />
          Tell shoppers about delivery problems before they ask
        </label>
      </Section>
      <Section
        title="Channels"
        note="Credentials are write-only: once saved they are sealed and never shown again. Fill a channel's fields to replace them."
        onSave={async () => {
          const channels = Object.fromEntries(Object.entries(credentials).filter(([, fields]) => Object.values(fields).some(Boolean)));
          await save({ channels } as Patch);
          setCredentials({});
        }}
      >
        {Object.entries(channelFields).map(([channel, fields]) => (
          <fieldset key={channel} class="channel">
            <legend>
              {channel} {settings.channels[channel] ? <span class="badge resolved">configured</span> : <span class="badge">not configured</span>}
            </legend>
            {fields.map(([field, label]) => (
              <label key={field}>
                {label}
                {/secret|token|key/i.test(field) ? (
                  <input
                    type="password"
                    autoComplete="off"
                    value={credentials[channel]?.[field] ?? ''}
                    onInput={(e) => setCredentials({ ...credentials, [channel]: { ...credentials[channel], [field]: e.currentTarget.value } })}
                  />
                ) : (
                  <input
                    type="text"
                    autoComplete="off"
                    value={credentials[channel]?.[field] ?? ''}
                    onInput={(e) => setCredentials({ ...credentials, [channel]: { ...credentials[channel], [field]: e.currentTarget.value } })}
                  />
                )}
              </label>
            ))}
          </fieldset>
        ))}
      </Section>
      <WidgetAppearanceSection storeId={storeId} settings={settings} onSaved={setSettings} />
      <Section
        title="Allowed origins"
        note="The sites the website widget may run on (its key answers to no other page)."
        onSave={() => save({ allowedOrigins: settings.allowedOrigins })}
      >
        <label>
          Allowed origins (one per line)
          <textarea
            rows={3}
            value={settings.allowedOrigins.join('\n')}
            onChange={(e) =>
              edit({
                allowedOrigins: e.currentTarget.value
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
              })
            }
          />
        </label>
      </Section>
      {admin && (
        <Section title="API keys">
          <table>
            <caption class="sr-only">API keys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Starts with</th>
                <th scope="col">Scopes</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>{key.kind}</td>
                  <td>
                    <code>{key.prefix}</code>
                  </td>
                  <td>{key.scopes.join(', ')}</td>
                  <td>
                    {key.revokedAt ? (
                      'revoked'
                    ) : (
                      <button
                        type="button"
                        class="link"
                        onClick={async () => (
                          await ok(api.DELETE('/v1/stores/{storeId}/api-keys/{keyId}', { params: { path: { storeId, keyId: key.id } } })),
                          void load()
                        )}
                      >
                        Revoke<span class="sr-only"> {key.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={async () => (
              setSecret(
                (
                  await ok(
                    api.POST('/v1/stores/{storeId}/api-keys', { ...path, body: { name: `console ${new Date().toISOString().slice(0, 10)}`, kind: 'secret' } }),
                  )
                ).secret,
              ),
              void load()
            )}
          >
            Issue a secret key
          </button>
          {secret && (
            <p role="status">
              Copy it now, it is shown once: <code>{secret}</code>
            </p>
          )}
        </Section>
      )}
      {admin && (
        <Section title="Operators">
          <ul>
            {operators.map((o) => (
              <li key={o.id}>
                {o.name} · {o.email} · {o.role}
                {o.active ? '' : ' · invited'}
              </li>
            ))}
          </ul>
          <InviteForm
            onInvited={(url) => {
              setInvite(url);
              void load();
            }}
          />
          {invite && (
            <p role="status">
              Send this link (valid 7 days, shown once): <code>{invite}</code>
            </p>
          )}
        </Section>
      )}
    </section>
  );
}

function InviteForm({ onInvited }: { onInvited: (url: string) => void }) {
  const storeId = session()!.store.id;
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<'agent' | 'admin' | 'owner'>('agent');
  const [error, setError] = useState('');
  return (
    <div class="invite">
      <label>
        E-mail
        <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      <label>
        Name
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as typeof role)}>
          <option>agent</option>
          <option>admin</option>
          <option>owner</option>
        </select>
      </label>
      <button
        type="button"
        onClick={async () => {
          setError('');
          try {
            const created = await ok(api.POST('/v1/stores/{storeId}/operators', { params: { path: { storeId } }, body: { email, name, role } }));
            onInvited(created.inviteUrl ?? '');
          } catch (caught) {
            setError(caught instanceof ConciergeApiError ? caught.message : 'Not invited; try again.');
          }
        }}
      >
        Invite
      </button>
      <span class="error" role="alert">
        {error}
      </span>
    </div>
  );
}
