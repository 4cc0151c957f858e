import { renderNote } from './render-note';

/** Review mode: the agent's answer as an internal note with the suggested reply (templates/suggested-reply.liquid). */
export const suggestedReplyNote = (reply: string): Promise<string> => renderNote('suggested-reply', { reply });
