import { createHash } from 'node:crypto';
import type { ChannelChange } from '../../core/store-service';
import { HelpdeskCallError, helpdeskNames, type HelpdeskName, type HelpdeskWebhookSetup } from '../../core/ports/helpdesk';
import type { JobQueue, JobRecord, JobWorker } from '../../core/ports/jobs';
import type { SealedValue } from '../../core/sealed-value';
import { providerCall } from './provider-call';

export const HOOKS_JOB = 'helpdesk.hooks';

interface HooksJob {
  storeId: string;
  provider: HelpdeskName;
  action: 'ensure' | 'remove';
  /** `remove`: the credentials of the connection that was, sealed as the store's are (they are gone from the settings). */
  sealed?: SealedValue;
}

export interface WebhookSetupDeps {
  /** The instance's public URL (CONCIERGE_PUBLIC_URL): without it nothing is made, the manual steps of docs/helpdesks.md stand. */
  publicUrl: string | undefined;
  setups: Partial<Record<HelpdeskName, HelpdeskWebhookSetup>>;
  queue: JobQueue;
  /** The store's credentials for a helpdesk now (undefined when not connected). */
  credentials(storeId: string, provider: HelpdeskName): Promise<Record<string, unknown> | undefined>;
  /** Keeps the secret the provider's deliveries carry in the store's (sealed) credentials. */
  keepSecret(storeId: string, provider: HelpdeskName, credentials: Record<string, unknown>): Promise<void>;
  seal(storeId: string, provider: HelpdeskName, plaintext: string): SealedValue;
  open(storeId: string, provider: HelpdeskName, sealed: SealedValue): string;
  log: { info(fields: Record<string, unknown>, message: string): void; warn(fields: Record<string, unknown>, message: string): void };
}

/**
 * Connecting a helpdesk makes its webhook at the provider, through the job queue (docs/adr/0041): on connect (and on
 * every re-connect, which finds what is there) `ensure`, then the secret the provider reveals is kept in the store's
 * sealed credentials; on disconnect, or a move to another account, `remove` with the credentials that were.
 */
export function helpdeskWebhookSetup(deps: WebhookSetupDeps) {
  // The secrets this process is writing after `ensure`: that change of the credentials needs nothing more (the same
  // process writes and is told, so memory is enough); any other change, a secret the store sets included, is acted on.
  const ownWrites = new Set<string>();
  const ownWrite = (storeId: string, provider: HelpdeskName, secret: unknown) => `${storeId}:${provider}:${createHash('sha256').update(String(secret)).digest('hex')}`;
  const endpoint = (provider: HelpdeskName, storeId: string) => `${deps.publicUrl!.replace(/\/+$/, '')}/webhooks/${provider}/${storeId}`;

  async function run(job: JobRecord<HooksJob>, signal: AbortSignal): Promise<void> {
    const { storeId, provider, action } = job.payload;
    const setup = deps.setups[provider];
    if (!setup || !deps.publicUrl) return;
    try {
      if (action === 'remove') {
        const credentials = JSON.parse(deps.open(storeId, provider, job.payload.sealed!)) as Record<string, unknown>;
        const { removed } = await providerCall(() => setup.remove(credentials, endpoint(provider, storeId), signal));
        deps.log.info({ storeId, provider, removed }, 'helpdesk webhook removed');
        return;
      }
      const credentials = await deps.credentials(storeId, provider);
      if (!credentials) return; // disconnected since
      const { secret, created } = await providerCall(() => setup.ensure(credentials, endpoint(provider, storeId), signal));
      // Written only onto the same account's credentials as they are now (the store may have changed them meanwhile).
      const now = await deps.credentials(storeId, provider);
      if (now && setup.account(now) === setup.account(credentials) && now.webhookSecret !== secret) {
        const key = ownWrite(storeId, provider, secret);
        ownWrites.add(key);
        try {
          await deps.keepSecret(storeId, provider, { ...now, webhookSecret: secret });
        } finally {
          ownWrites.delete(key);
        }
      }
      deps.log.info({ storeId, provider, created }, created.length ? 'helpdesk webhook created' : 'helpdesk webhook found, nothing created');
    } catch (error) {
      // Credentials refused or a request the provider will never take: retrying cannot help; the connection test says why.
      if (error instanceof HelpdeskCallError && (error.permanent || error.status === 401 || error.status === 403)) {
        deps.log.warn({ storeId, provider, action, status: error.status }, 'the helpdesk refused to set up its webhook: see docs/helpdesks.md for the manual steps');
        return;
      }
      throw error;
    }
  }

  return {
    /** StoreService's `onChannelsChanged`: queues what each helpdesk change needs. */
    async onChannelsChanged(storeId: string, changes: ChannelChange[]): Promise<void> {
      for (const change of changes) {
        const provider = change.channel as HelpdeskName;
        const setup = deps.setups[provider];
        if (!helpdeskNames.includes(provider) || !setup) continue;
        const before = (change.before ?? undefined) as Record<string, unknown> | undefined;
        const after = (change.after ?? undefined) as Record<string, unknown> | undefined;
        if (!deps.publicUrl) {
          if (after) deps.log.info({ storeId, provider }, 'CONCIERGE_PUBLIC_URL is not set: the helpdesk webhook is not created (docs/helpdesks.md has the manual steps)');
          continue;
        }
        if (before && (!after || setup.account(before) !== setup.account(after))) {
          await deps.queue.enqueue<HooksJob>(HOOKS_JOB, { storeId, provider, action: 'remove', sealed: deps.seal(storeId, provider, JSON.stringify(before)) }, { storeId });
        }
        if (after && !ownWrites.has(ownWrite(storeId, provider, after.webhookSecret))) await deps.queue.enqueue<HooksJob>(HOOKS_JOB, { storeId, provider, action: 'ensure' }, { storeId });
      }
    },
    registerJobs(worker: JobWorker) {
      worker.register<HooksJob>(HOOKS_JOB, run, { concurrency: 1 });
    },
  };
}
