import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { SignInThrottleConfig } from '@recoup/config';
import { RateLimitedError } from '../errors.ts';
import { clientAddressKey } from './client-address.ts';

/** Created by the migrations in the shape the library's Postgres store expects; the library never creates it. */
export const SIGN_IN_THROTTLE_TABLE = 'sign_in_throttle';

/** A lock is remembered for a day after it ends, so that the next lock within that day lasts twice as long. */
const LOCK_MEMORY_SECONDS = 24 * 60 * 60;

export type ThrottleScope = 'account' | 'address';

/** A lock that a failed sign-in has just caused. */
export interface SignInLock {
  scope: ThrottleScope;
  failures: number;
  /** 1 for the first lock, 2 for the next within a day of it, and so on. */
  lockNumber: number;
  lockSeconds: number;
  lockedUntil: Date;
}

/** One sign-in attempt, holding a place in both counts until it is known whether the password was right. */
export interface SignInAttempt {
  succeeded(): Promise<void>;
  /** Counts the failure for good, and returns the locks it caused. */
  failed(): Promise<SignInLock[]>;
}

interface Counter {
  scope: ThrottleScope;
  max: number;
  failures: RateLimiterPostgres;
  locks: RateLimiterPostgres;
}

/**
 * E-mail addresses are counted by their SHA-256: the table then holds no address that anyone typed, and every
 * key fits the key column whatever the e-mail's length.
 */
const accountKey = (email: string): string => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

const inWords = (seconds: number): string => {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
};

/**
 * Throttles sign-in failures per account (the e-mail tried) and per client address, in PostgreSQL so that every
 * API process shares the counts. Each attempt takes its place in both counts before the password is checked, so
 * a burst of parallel guesses cannot all slip in before the first failure is counted; a success gives the places
 * back. When failures reach the limit within the window, the key is locked; each further lock within a day of
 * the previous one lasts twice as long, up to the configured maximum.
 */
export class SignInThrottle {
  readonly #pool: Pool;
  readonly #settings: SignInThrottleConfig;
  readonly #account: Counter;
  readonly #address: Counter;

  constructor(pool: Pool, settings: SignInThrottleConfig) {
    this.#pool = pool;
    this.#settings = settings;
    const limiter = (keyPrefix: string, points: number, duration: number, clearExpired: boolean) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: SIGN_IN_THROTTLE_TABLE,
        tableCreated: true,
        // One limiter sweeps expired rows for all four; they share the table.
        clearExpiredByTimeout: clearExpired,
        keyPrefix,
        points,
        duration,
      });
    this.#account = {
      scope: 'account',
      max: settings.accountMaxFailures,
      failures: limiter('sign-in-account', settings.accountMaxFailures, settings.windowSeconds, true),
      locks: limiter('sign-in-account-locks', Number.MAX_SAFE_INTEGER, LOCK_MEMORY_SECONDS, false),
    };
    this.#address = {
      scope: 'address',
      max: settings.addressMaxFailures,
      failures: limiter('sign-in-address', settings.addressMaxFailures, settings.windowSeconds, false),
      locks: limiter('sign-in-address-locks', Number.MAX_SAFE_INTEGER, LOCK_MEMORY_SECONDS, false),
    };
  }

  /** Takes a place for one attempt, or refuses it with 429 while the account or the address is locked. */
  async begin(email: string, ip: string | undefined): Promise<SignInAttempt> {
    const taken = [
      { counter: this.#account, key: accountKey(email) },
      { counter: this.#address, key: clientAddressKey(ip) },
    ];
    const results = await Promise.allSettled(taken.map(({ counter, key }) => counter.failures.consume(key)));
    const refused: { scope: ThrottleScope; seconds: number }[] = [];
    let failure: unknown = null;
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') return;
      const scope = taken[index]?.counter.scope ?? 'account';
      if (result.reason instanceof RateLimiterRes) refused.push({ scope, seconds: Math.ceil(result.reason.msBeforeNext / 1000) });
      else failure ??= result.reason;
    });
    if (failure !== null || refused.length > 0) {
      // An attempt refused by one count is no failure for the other: give its place back there.
      await Promise.all(
        results.map((result, index) => {
          const place = taken[index];
          return result.status === 'fulfilled' && place ? place.counter.failures.reward(place.key, 1) : undefined;
        }),
      );
      if (failure !== null) throw failure;
      throw this.#refusal(refused);
    }
    const consumed = results.map((result) => (result.status === 'fulfilled' ? result.value.consumedPoints : 0));
    return {
      succeeded: async () => {
        const [account, address] = taken;
        if (!account || !address) return;
        // A right password clears the account's count and its lock history, but not the address's failures: one
        // working account must not let a client go on guessing at others.
        await Promise.all([account.counter.failures.delete(account.key), account.counter.locks.delete(account.key), address.counter.failures.reward(address.key, 1)]);
      },
      failed: async () => {
        const locks: SignInLock[] = [];
        for (const [index, { counter, key }] of taken.entries()) {
          const failures = consumed[index] ?? 0;
          if (failures >= counter.max) locks.push(await this.#lock(counter, key, failures));
        }
        return locks;
      },
    };
  }

  /** When each of these e-mail addresses' locks ends; an address that is not locked is missing from the map. */
  async accountLocks(emails: readonly string[]): Promise<Map<string, Date>> {
    if (emails.length === 0) return new Map();
    const byKey = new Map(emails.map((email) => [this.#account.failures.getKey(accountKey(email)), email]));
    // One query for a whole list of users, on the rows the library keeps: the next attempt on a key is refused
    // while its count has reached the limit and has not expired.
    const { rows } = await this.#pool.query<{ key: string; expire: string }>(
      `select "key", "expire" from "${SIGN_IN_THROTTLE_TABLE}" where "key" = any($1) and "points" >= $2 and "expire" > $3`,
      [[...byKey.keys()], this.#account.max, Date.now()],
    );
    const locks = new Map<string, Date>();
    for (const row of rows) {
      const email = byKey.get(row.key);
      if (email !== undefined) locks.set(email, new Date(Number(row.expire)));
    }
    return locks;
  }

  /** Lifts the account's lock and forgets its failures and earlier locks; returns when the lock would have ended. */
  async unlock(email: string): Promise<Date | null> {
    const lockedUntil = (await this.accountLocks([email])).get(email) ?? null;
    const key = accountKey(email);
    await Promise.all([this.#account.failures.delete(key), this.#account.locks.delete(key)]);
    return lockedUntil;
  }

  async #lock(counter: Counter, key: string, failures: number): Promise<SignInLock> {
    const earlier = await counter.locks.get(key);
    const lockNumber = (earlier?.consumedPoints ?? 0) + 1;
    const lockSeconds = Math.min(this.#settings.lockSeconds * 2 ** (lockNumber - 1), this.#settings.maxLockSeconds);
    await counter.failures.block(key, lockSeconds);
    await counter.locks.set(key, lockNumber, lockSeconds + LOCK_MEMORY_SECONDS);
    return { scope: counter.scope, failures, lockNumber, lockSeconds, lockedUntil: new Date(Date.now() + lockSeconds * 1000) };
  }

  #refusal(refused: readonly { scope: ThrottleScope; seconds: number }[]): RateLimitedError {
    const longest = refused.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const seconds = Math.max(1, longest.seconds);
    const message =
      longest.scope === 'account'
        ? `Too many failed sign-ins for this e-mail address. Try again in ${inWords(seconds)}, or ask an admin to unlock the account.`
        : `Too many failed sign-ins from your network address. Try again in ${inWords(seconds)}.`;
    return new RateLimitedError('too-many-sign-ins', message, seconds, { scope: longest.scope });
  }
}
