import { type Claimed, unclaimed, unique } from './spans';

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;

/** E-mail addresses, lower-cased. */
export const extractEmails = (text: string, claimed: Claimed) => unique([...unclaimed(text, EMAIL, claimed)].map((m) => m[0].toLowerCase()));
