/**
 * Words that say an item arrived damaged. One list for every place a situation or a refund reason
 * is read, so "it arrived chipped" is damage wherever it is said, never a parcel that did not come.
 */
export const DAMAGE =
  /\b(damaged|damage|broken|broke|crushed|cracked|cracks?|chipped|chips?|smashed|shattered|torn|tore|ripped|rips?|dented|dents?|leak(ed|ing|s|y)?|stained|stains?|scratched|scratch(es)?|scuffed|bent|snapped|busted|holes? in|in (pieces|bits))\b/i;
