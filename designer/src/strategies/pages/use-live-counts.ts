import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { StrategyVersionSummary } from '@recoup/contracts';
import { useApi } from '../../api/api-context.ts';
import { getLiveCounts } from '../api/strategies.api.ts';

export const LIVE_REFRESH_MS = 10_000;

export interface LiveCounts {
  version: StrategyVersionSummary;
  /** Accounts sitting at each node now, by node id. */
  counts: ReadonlyMap<string, number>;
  running: number;
}

/**
 * How many accounts sit at each node of a published version, refreshed while `on`. A refresh due while the last
 * one is still on its way joins it rather than asking again, so a slow answer (many accounts, a worker away) never
 * piles requests up.
 */
export function useLiveCounts(version: StrategyVersionSummary | null, on: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['strategy-live', version?.id],
    queryFn:
      on && version
        ? async ({ signal }): Promise<LiveCounts> => {
            const result = await getLiveCounts(api, version.id, signal);
            return { version, counts: new Map(Object.entries(result.counts)), running: result.running };
          }
        : skipToken,
    refetchInterval: LIVE_REFRESH_MS,
    // The counts stay current in a hidden tab, ready when the manager looks back.
    refetchIntervalInBackground: true,
    // A newly published version's counts replace the last version's when they arrive, not before.
    placeholderData: keepPreviousData,
  });
}
