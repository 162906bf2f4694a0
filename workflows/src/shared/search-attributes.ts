import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// The custom search attributes the admin console filters collection workflows by. Keywords only, and never PII:
// Temporal's visibility store is not encrypted by the payload codec, so only ids and labels go here.

export const strategyVersionKey = defineSearchAttributeKey('RecoupStrategyVersion', SearchAttributeType.KEYWORD);
/** The strategy node the account sits at (its id in the graph). */
export const nodeKey = defineSearchAttributeKey('RecoupNode', SearchAttributeType.KEYWORD);
export const segmentKey = defineSearchAttributeKey('RecoupSegment', SearchAttributeType.KEYWORD);
/** The collector the workflow assigned the account to (a user id). */
export const collectorKey = defineSearchAttributeKey('RecoupCollector', SearchAttributeType.KEYWORD);
/** 'true' while an admin holds the workflow paused, 'false' otherwise. */
export const pausedKey = defineSearchAttributeKey('RecoupPaused', SearchAttributeType.KEYWORD);

export const RECOUP_SEARCH_ATTRIBUTES = [strategyVersionKey, nodeKey, segmentKey, collectorKey, pausedKey] as const;
