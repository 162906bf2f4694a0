import type { StoredEvent } from './stripe-event.ts';
import { STRIPE_SIGNATURE_HEADER, stripeSignatureHeader } from './webhook-signature.ts';

export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
}

/** Why a delivery was made: an event's first try, a retry after a failure, or a resend asked for. */
export type DeliveryTrigger = 'event' | 'retry' | 'resend';

/** One delivery attempt, as the delivery log keeps it. */
export interface DeliveryAttempt {
  event: string;
  /** Counts every attempt at this event, resends included. */
  attempt: number;
  trigger: DeliveryTrigger;
  endpoint_url: string;
  at: string;
  duration_ms: number;
  /** The receiver's HTTP status, or null when it gave none (refused connection, timeout). */
  status: number | null;
  error: string | null;
  response_body: string | null;
  /** When the next retry is due, or null when this attempt succeeded or was the last. */
  next_attempt_at: string | null;
}

export interface WebhookDispatcherOptions {
  retryBaseDelayMs: number;
  maxAttempts: number;
  /** Stripe gives up on a receiver after a few seconds; so does the sandbox, and counts it a failure. */
  timeoutMs?: number;
  onDelivered(eventId: string): void;
}

export interface WebhookDispatcher {
  endpoint(): WebhookEndpoint | null;
  /** Replacing the endpoint also ends the retries still due to the old one, as deleting a Stripe endpoint does. */
  setEndpoint(endpoint: WebhookEndpoint | null): void;
  /** Delivers the event to the current endpoint, retrying on failure; does nothing when there is none. */
  dispatch(stored: StoredEvent): void;
  /** One attempt now, with a fresh timestamp and signature; null when no endpoint is set. */
  resend(stored: StoredEvent): Promise<DeliveryAttempt | null>;
  deliveries(eventId?: string): DeliveryAttempt[];
  close(): Promise<void>;
}

export const RESPONSE_BODY_LIMIT_BYTES = 2048;
/** Stripe spreads its retries over days; one hour keeps a long series in the sandbox bounded. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 10_000;

/** The wait after the n-th failed attempt of a series: the base delay, doubling, at most MAX_RETRY_DELAY_MS. */
export const retryDelayMs = (baseDelayMs: number, failedAttempts: number): number =>
  Math.min(MAX_RETRY_DELAY_MS, baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));

/** The start of the answer only: a receiver may answer with anything, and the log is for reading. */
const readStart = async (response: Response, limit: number): Promise<string> => {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit));
};

const describeFailure = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause ? (typeof cause.code === 'string' ? cause.code : String(cause.message)) : null;
  return detail ? `${error.message}: ${detail}` : error.message;
};

export const createWebhookDispatcher = (options: WebhookDispatcherOptions, initial: WebhookEndpoint | null): WebhookDispatcher => {
  let current = initial;
  let closed = false;
  const log: DeliveryAttempt[] = [];
  const attemptsOf = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  const stopAll = new AbortController();

  const track = <T>(task: Promise<T>): Promise<T> => {
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task)).catch(() => undefined);
    return task;
  };

  const attempt = async (stored: StoredEvent, endpoint: WebhookEndpoint, trigger: DeliveryTrigger): Promise<DeliveryAttempt> => {
    const eventId = stored.event.id;
    const number = (attemptsOf.get(eventId) ?? 0) + 1;
    attemptsOf.set(eventId, number);
    const startedAt = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    let responseBody: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          [STRIPE_SIGNATURE_HEADER]: stripeSignatureHeader(stored.body, endpoint.secret, Math.floor(startedAt / 1000)),
        },
        body: stored.body,
        // Stripe does not follow redirects from a webhook endpoint; a 3xx is a failed delivery.
        redirect: 'manual',
        signal: AbortSignal.any([stopAll.signal, AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)]),
      });
      status = response.status;
      responseBody = await readStart(response, RESPONSE_BODY_LIMIT_BYTES);
    } catch (failure) {
      error = describeFailure(failure);
    }
    const entry: DeliveryAttempt = {
      event: eventId,
      attempt: number,
      trigger,
      endpoint_url: endpoint.url,
      at: new Date(startedAt).toISOString(),
      duration_ms: Date.now() - startedAt,
      status,
      error,
      response_body: responseBody,
      next_attempt_at: null,
    };
    log.push(entry);
    if (status !== null && status >= 200 && status < 300) options.onDelivered(eventId);
    return entry;
  };

  const series = (stored: StoredEvent, endpoint: WebhookEndpoint, inSeries: number): void => {
    void track(
      attempt(stored, endpoint, inSeries === 1 ? 'event' : 'retry').then((entry) => {
        const delivered = entry.status !== null && entry.status >= 200 && entry.status < 300;
        if (delivered || inSeries >= options.maxAttempts || closed || current !== endpoint) return;
        const delay = retryDelayMs(options.retryBaseDelayMs, inSeries);
        entry.next_attempt_at = new Date(Date.now() + delay).toISOString();
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!closed && current === endpoint) series(stored, endpoint, inSeries + 1);
        }, delay);
        timers.add(timer);
      }),
    );
  };

  return {
    endpoint: () => current,
    setEndpoint(endpoint) {
      current = endpoint;
    },
    dispatch(stored) {
      if (current && !closed) series(stored, current, 1);
    },
    async resend(stored) {
      if (!current || closed) return null;
      return track(attempt(stored, current, 'resend'));
    },
    deliveries: (eventId) => (eventId === undefined ? [...log] : log.filter((entry) => entry.event === eventId)),
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      stopAll.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
};
