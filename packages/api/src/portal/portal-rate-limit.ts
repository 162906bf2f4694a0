import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddressKey } from '../auth/client-address.ts';

/** Created by the migrations in the store's shape (see the sign_in_throttle migration), never by the library. */
const TABLE = 'portal_rate_limit';

export interface PortalLimits {
  /** Requests one client address may make to the portal per minute. */
  requestsPerMinute: number;
  /** Codes one contact may be sent per quarter hour. */
  codesPerQuarterHour: number;
  /** Wrong codes one contact may enter per quarter hour. */
  codeTriesPerQuarterHour: number;
}

export const DEFAULT_PORTAL_LIMITS: PortalLimits = { requestsPerMinute: 120, codesPerQuarterHour: 3, codeTriesPerQuarterHour: 10 };

/** What a limited action answers: allowed, or the seconds to wait. */
export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The portal's rate limits, counted in PostgreSQL so that every API process shares them. Links and codes are the
 * only credentials here, so the counts are what keep them from being guessed.
 */
export class PortalRateLimits {
  readonly #requests: RateLimiterPostgres;
  readonly #codes: RateLimiterPostgres;
  readonly #tries: RateLimiterPostgres;

  constructor(pool: Pool, limits: PortalLimits = DEFAULT_PORTAL_LIMITS) {
    // One limiter sweeps expired rows for all three; they share the table.
    const store = (keyPrefix: string, points: number, duration: number, clearExpiredByTimeout: boolean) =>
      new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: TABLE, tableCreated: true, keyPrefix, points, duration, clearExpiredByTimeout });
    this.#requests = store('portal-request', limits.requestsPerMinute, 60, true);
    this.#codes = store('portal-code', limits.codesPerQuarterHour, 15 * 60, false);
    this.#tries = store('portal-code-try', limits.codeTriesPerQuarterHour, 15 * 60, false);
  }

  request(ip: string | undefined): Promise<LimitOutcome> {
    return consume(this.#requests, clientAddressKey(ip));
  }

  codeSent(contactId: string): Promise<LimitOutcome> {
    return consume(this.#codes, contactId);
  }

  codeTried(contactId: string): Promise<LimitOutcome> {
    return consume(this.#tries, contactId);
  }
}

const consume = async (limiter: RateLimiterPostgres, key: string): Promise<LimitOutcome> => {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    throw error;
  }
};
