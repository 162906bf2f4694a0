import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// The custom search attributes the admin console filters collection workflows by. Keywords only, and never PII:
// Temporal's visibility store is not encrypted by the payload codec (the server must read them to filter), so only
// ids and labels go here: a strategy version id, a node id of the strategy graph, a segment label, a user id and a
// flag. Never a name, an e-mail address, a phone number, an amount or free text.

export const strategyVersionKey = defineSearchAttributeKey('RecoupStrategyVersion', SearchAttributeType.KEYWORD);
/** The strategy node the account sits at (its id in the graph). */
export const nodeKey = defineSearchAttributeKey('RecoupNode', SearchAttributeType.KEYWORD);
/** The account's segment, only when it is a label (see searchableSegment). */
export const segmentKey = defineSearchAttributeKey('RecoupSegment', SearchAttributeType.KEYWORD);
/** The collector the workflow assigned the account to (a user id). */
export const collectorKey = defineSearchAttributeKey('RecoupCollector', SearchAttributeType.KEYWORD);
/** 'true' while an admin holds the workflow paused, 'false' otherwise. */
export const pausedKey = defineSearchAttributeKey('RecoupPaused', SearchAttributeType.KEYWORD);

export const RECOUP_SEARCH_ATTRIBUTES = [strategyVersionKey, nodeKey, segmentKey, collectorKey, pausedKey] as const;

/**
 * A segment as the RecoupSegment attribute may carry it, or null. Strategies set segments from a fixed vocabulary
 * of labels (`hardship`, `consumer`); an imported segment column is free text that could hold anything, a name or
 * an address included. So only a label goes to Temporal: a letter first, then letters, digits, dots, dashes or
 * underscores, no spaces and no `@` or `+`, at most 64 characters. Anything else is left out of the index: the
 * account still has it, the console just cannot filter by it.
 */
export const searchableSegment = (segment: string | null | undefined): string | null =>
  typeof segment === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(segment) ? segment : null;
