import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';

/** One POST the receiver got, as it came and as the Stripe SDK read it. */
export interface ReceivedDelivery {
  raw: Buffer;
  signature: string;
  contentType: string;
  /** The event constructEvent verified; null when it refused the signature. */
  event: Stripe.Event | null;
  verifyError: string | null;
  answeredStatus: number;
}

export interface WebhookReceiver {
  url: string;
  readonly deliveries: readonly ReceivedDelivery[];
  /** The verified deliveries about one checkout session, in the order they came. */
  forSession(sessionId: string): ReceivedDelivery[];
  /** Answers the next `count` deliveries about the session with `status` instead of 200. */
  failNext(sessionId: string, count: number, status: number): void;
  waitFor(what: string, done: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** The checkout session an event is about. Every event the sandbox sends is a checkout.session event. */
export const sessionOf = (event: Stripe.Event): Stripe.Checkout.Session => event.data.object as Stripe.Checkout.Session;

/**
 * A webhook endpoint on loopback that verifies each delivery with the Stripe SDK, from the raw body, as a real
 * receiver must.
 */
export const startWebhookReceiver = async (verify: (raw: Buffer, signature: string) => Stripe.Event): Promise<WebhookReceiver> => {
  const deliveries: ReceivedDelivery[] = [];
  const failures = new Map<string, { count: number; status: number }>();

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const signature = req.headers['stripe-signature'];
      let event: Stripe.Event | null = null;
      let verifyError: string | null = null;
      try {
        event = verify(raw, typeof signature === 'string' ? signature : '');
      } catch (error) {
        verifyError = error instanceof Error ? error.message : String(error);
      }
      const failure = event ? failures.get(sessionOf(event).id) : undefined;
      let status = event ? 200 : 400;
      if (failure && failure.count > 0) {
        failure.count -= 1;
        status = failure.status;
      }
      deliveries.push({ raw, signature: typeof signature === 'string' ? signature : '', contentType: req.headers['content-type'] ?? '', event, verifyError, answeredStatus: status });
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ received: status === 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    deliveries,
    forSession: (sessionId) => deliveries.filter((delivery) => delivery.event && sessionOf(delivery.event).id === sessionId),
    failNext(sessionId, count, status) {
      failures.set(sessionId, { count, status });
    },
    async waitFor(what, done, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
