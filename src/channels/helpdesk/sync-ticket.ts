import { HANDBACK_TAG, HelpdeskCallError, type HelpdeskComment, type HelpdeskName, type HelpdeskTicket } from '../../core/ports/helpdesk';
import { RetryLater, type JobRecord } from '../../core/ports/jobs';
import { unsafeText } from '../../core/safe-text';
import { HANDOFF_JOB, POST_JOB, handoffJobKey, postJobKey, type HelpdeskChannelDeps, type SyncJob } from './helpdesk-channel-deps';
import { providerCall } from './provider-call';
import { keyedSerial } from './ticket-queue';

const MAX_CONTENT = 8000;
const LINK_WAIT_MS = 500;

/** The requester's name as the helpdesk has it, when it is plain text. */
const claimedName = (name: string | null) => {
  const trimmed = (name ?? '').trim().slice(0, 100);
  return trimmed && !unsafeText(trimmed, 'name') ? trimmed : undefined;
};
const plausibleEmail = (email: string | null) => (email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email.toLowerCase() : undefined);

/**
 * The conversation of a ticket: found, or created by the one worker that claims the ticket. The
 * requester's e-mail is a claim, like an e-mail's From: the conversation is not verified.
 */
async function conversationFor(deps: HelpdeskChannelDeps, storeId: string, provider: HelpdeskName, ticket: HelpdeskTicket): Promise<string> {
  const known = await deps.records.conversationOf(storeId, provider, ticket.id);
  if (known) return known;
  if (known === null || !(await deps.records.claimTicket(storeId, provider, ticket.id))) {
    const linked = await deps.records.conversationOf(storeId, provider, ticket.id);
    if (linked) return linked;
    throw new RetryLater(LINK_WAIT_MS, 'another worker is linking this ticket');
  }
  try {
    const email = plausibleEmail(ticket.requester.email);
    const name = claimedName(ticket.requester.name);
    const customer = email || name ? { ...(email ? { email } : {}), ...(name ? { name } : {}) } : undefined;
    const { conversation } = await deps.conversations.create(storeId, { channel: provider, ...(customer ? { customer } : {}) }, false);
    await deps.records.linkTicket(storeId, provider, ticket.id, conversation.id);
    return conversation.id;
  } catch (error) {
    await deps.records.releaseTicket(storeId, provider, ticket.id);
    throw error;
  }
}

/** What the agent reads: the comment; the first one also with the ticket's subject when it adds something. */
function contentOf(ticket: HelpdeskTicket, comment: HelpdeskComment): string {
  const body = comment.body.trim();
  const first = ticket.comments[0]?.id === comment.id;
  const subject = ticket.subject.trim();
  const content = first && subject && !body.toLowerCase().includes(subject.toLowerCase()) ? `${subject}\n\n${body}` : body;
  return content.slice(0, MAX_CONTENT);
}

/**
 * The requester wrote, once or several times in a row before the agent read the ticket (a burst, or
 * an older ticket seen for the first time): one turn with their words in order, keyed by the last
 * comment (a retried job finds the committed turn); its reply and any handoff queued.
 */
async function requesterTurn(deps: HelpdeskChannelDeps, job: SyncJob, conversationId: string, ticket: HelpdeskTicket, burst: HelpdeskComment[]) {
  const { storeId, provider } = job;
  const last = burst.at(-1);
  if (!last) return;
  const content = burst
    .map((comment) => contentOf(ticket, comment))
    .filter(Boolean)
    .join('\n\n')
    .slice(0, MAX_CONTENT);
  if (content) {
    const turn = await deps.conversations.postMessage(storeId, conversationId, content, undefined, `${provider}:${ticket.id}:${last.id}`);
    if (turn.reply) {
      await deps.queue.enqueue(POST_JOB, { storeId, messageId: turn.reply.id }, { storeId, dedupeKey: postJobKey(storeId, turn.reply.id) });
      // This turn handed over (a turn in an already handed-off conversation has no reply).
      if (turn.conversation.status === 'handed_off')
        await deps.queue.enqueue(
          HANDOFF_JOB,
          { storeId, conversationId, turnMessageId: turn.message.id },
          { storeId, dedupeKey: handoffJobKey(storeId, turn.message.id) },
        );
    }
  }
  for (const comment of burst) await deps.records.markComment(storeId, provider, ticket.id, comment.id, content ? 'answered' : 'empty');
}

/**
 * A person of the team replied publicly at the helpdesk: their words go into the transcript and the
 * agent stays quiet. Recorded as handled only after the takeover is committed, so a crash in
 * between repeats the takeover rather than missing it.
 */
async function humanTakeover(deps: HelpdeskChannelDeps, job: SyncJob, conversationId: string, ticketId: string, comment: HelpdeskComment) {
  const { storeId, provider } = job;
  // The author `helpdesk:…` marks it as already at the helpdesk: never posted back.
  await deps.conversations.humanReply(
    storeId,
    conversationId,
    comment.body.trim().slice(0, MAX_CONTENT) || '(empty comment)',
    `helpdesk:${provider}:${comment.authorId ?? 'unknown'}`,
  );
  const conversation = await deps.conversations.find(storeId, conversationId);
  if (conversation.status !== 'handed_off') await deps.conversations.changeStatus(storeId, conversationId, 'handed_off', `helpdesk:${provider}`);
  await deps.records.markComment(storeId, provider, ticketId, comment.id, 'human');
  deps.log.info({ storeId, provider, conversationId }, 'a person replied at the helpdesk: the agent stays quiet until handed back');
}

/** The team tagged the ticket to hand it back: the tag is removed at the helpdesk, then the agent answers again. */
async function handBackIfAsked(deps: HelpdeskChannelDeps, job: SyncJob, conversationId: string, ticket: HelpdeskTicket, signal: AbortSignal) {
  if (!ticket.tags.includes(HANDBACK_TAG)) return;
  await providerCall(() => deps.providers[job.provider].handBack(job.storeId, ticket.id, signal));
  const conversation = await deps.conversations.find(job.storeId, conversationId);
  if (conversation.status === 'handed_off') {
    await deps.conversations.changeStatus(job.storeId, conversationId, 'open', `helpdesk:${job.provider}`);
    deps.log.info({ storeId: job.storeId, provider: job.provider, conversationId }, 'handed back at the helpdesk: the agent answers again');
  }
}

/**
 * Job `helpdesk.sync`: reads the ticket from the helpdesk (the webhook only says which one changed)
 * and takes in each comment once, in order: the requester's become turns; the agent's own
 * comments (loop safety), internal notes and other people's are recorded as seen and ignored; a
 * team member's public reply is a human takeover. Then a hand-back tag, if the team set one.
 */
export function syncTicketHandler(deps: HelpdeskChannelDeps) {
  const serial = keyedSerial();
  return (job: JobRecord<SyncJob>, signal: AbortSignal): Promise<void> =>
    serial(`${job.payload.storeId}:${job.payload.provider}:${job.payload.ticketId}`, () => syncTicket(deps, job, signal));
}

async function syncTicket(deps: HelpdeskChannelDeps, job: JobRecord<SyncJob>, signal: AbortSignal): Promise<void> {
  const { storeId, provider, ticketId } = job.payload;
  const helpdesk = deps.providers[provider];
  if (!(await helpdesk.connection(storeId))) return; // disconnected since: nothing to read with
  let ticket: HelpdeskTicket;
  try {
    ticket = await providerCall(() => helpdesk.ticket(storeId, ticketId, signal));
  } catch (error) {
    // Not this account's ticket (or gone): reading again cannot help.
    if (!(error instanceof HelpdeskCallError) || !error.permanent) throw error;
    deps.log.warn({ storeId, provider, status: error.status }, 'a webhook named a ticket the helpdesk does not have for this store: ignored');
    return;
  }
  const conversationId = await conversationFor(deps, storeId, provider, ticket);
  let burst: HelpdeskComment[] = [];
  const answer = async () => {
    await requesterTurn(deps, job.payload, conversationId, ticket, burst);
    burst = [];
  };
  for (const comment of ticket.comments) {
    if (await deps.records.commentHandled(storeId, provider, ticket.id, comment.id)) continue;
    if (comment.public && comment.author === 'requester') {
      burst.push(comment);
      continue;
    }
    // An internal note (ours or the team's) is not part of the conversation with the requester.
    if (!comment.public) {
      await deps.records.markComment(storeId, provider, ticket.id, comment.id, comment.author === 'self' ? 'own' : 'internal');
      continue;
    }
    await answer(); // what the requester wrote before this public comment is answered before it counts
    if (comment.author === 'self') await deps.records.markComment(storeId, provider, ticket.id, comment.id, 'own');
    else if (comment.author === 'human') await humanTakeover(deps, job.payload, conversationId, ticket.id, comment);
    else await deps.records.markComment(storeId, provider, ticket.id, comment.id, 'other');
  }
  await answer();
  await handBackIfAsked(deps, job.payload, conversationId, ticket, signal);
}
