// LIKE patterns from what a user typed: their %, _ and \ match only themselves.

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches text that contains `text` anywhere. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;

/** Matches text that starts with `text`. */
export const prefixPattern = (text: string): string => `${escapeLike(text)}%`;
