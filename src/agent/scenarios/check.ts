import type { TurnExpectation } from './scenario';

/** What one turn showed, as the scenario runner sees it (from the conversation service's outcome). */
export interface ObservedTurn {
  reply: string;
  intent: string | null;
  order: string | null;
  awaiting: string | null;
  handoff: boolean;
  actions: { type: string; status: string; order: string | null; data: Record<string, unknown> }[];
}

const asPattern = (word: string) => {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(word);
  return regex ? new RegExp(regex[1]!, regex[2]!.includes('i') ? regex[2] : `${regex[2]}i`) : new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
};

const sameOrder = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').replace(/^#/, '') === (b ?? '').replace(/^#/, '');

/** Every way the turn differs from what was expected, in words; empty when it matches. */
export function checkTurn(expect: TurnExpectation | undefined, seen: ObservedTurn, previousReply: string | null = null): string[] {
  if (!expect) return [];
  const failures: string[] = [];
  if (expect.intent !== undefined) {
    const allowed = Array.isArray(expect.intent) ? expect.intent : [expect.intent];
    if (!allowed.includes(seen.intent ?? '')) failures.push(`intent ${seen.intent}, expected ${allowed.join(' or ')}`);
  }
  if (expect.order !== undefined) {
    if (expect.order === null ? seen.order !== null : !sameOrder(seen.order, expect.order)) failures.push(`order in focus ${seen.order ?? 'none'}, expected ${expect.order ?? 'none'}`);
  }
  if (expect.awaiting !== undefined && (expect.awaiting ?? null) !== seen.awaiting) failures.push(`waiting for ${seen.awaiting ?? 'nothing'}, expected ${expect.awaiting ?? 'nothing'}`);
  if (expect.handoff !== undefined && expect.handoff !== seen.handoff) failures.push(expect.handoff ? 'not handed off, expected a handoff' : 'handed off, expected no handoff');
  for (const word of expect.reply_has ?? []) if (!asPattern(word).test(seen.reply)) failures.push(`reply lacks ${JSON.stringify(word)}`);
  for (const word of expect.reply_lacks ?? []) if (asPattern(word).test(seen.reply)) failures.push(`reply contains ${JSON.stringify(word)}`);
  if (expect.repeated === false && previousReply !== null && seen.reply.trim() === previousReply.trim()) failures.push('the same reply as the turn before, word for word');
  if (expect.actions !== undefined) {
    const describe = (a: { type: string; status?: string; order?: string | null }) => `${a.type}${a.status ? ` ${a.status}` : ''}${a.order ? ` on ${a.order}` : ''}`;
    const unmatched = [...seen.actions];
    for (const wanted of expect.actions) {
      const index = unmatched.findIndex(
        (a) =>
          a.type === wanted.type &&
          (wanted.status === undefined || a.status === wanted.status) &&
          (wanted.order === undefined || sameOrder(a.order, wanted.order)) &&
          (wanted.data_has ?? []).every((word) => asPattern(word).test(JSON.stringify(a.data))) &&
          (wanted.data_lacks ?? []).every((word) => !asPattern(word).test(JSON.stringify(a.data))),
      );
      if (index < 0) failures.push(`missing action ${describe(wanted)}${wanted.data_has ? ` with ${wanted.data_has.join(', ')}` : ''}${wanted.data_lacks ? ` without ${wanted.data_lacks.join(', ')}` : ''}`);
      else unmatched.splice(index, 1);
    }
    for (const extra of unmatched) failures.push(`unexpected action ${describe(extra)}`);
  }
  return failures;
}
