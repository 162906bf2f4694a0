import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import type { ChannelMessage } from '../src/activities/channels/channel-adapter.ts';
import { PROVIDER_REFUSED, PROVIDER_UNAVAILABLE, createWebhookAdapter } from '../src/activities/channels/webhook.adapter.ts';
import { verifyWebhookSignature } from '../src/activities/channels/webhook-signature.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

// The HTTP-webhook channel adapter against a real HTTP server on loopback: what it sends, how it signs it, and
// how it classifies the provider's answers into retryable and permanent failures.

const SECRET = 'provider-shared-secret-0123';

const message: ChannelMessage = {
  channel: 'sms',
  recipient: { kind: 'phone', phone: '+15550100' },
  subject: '',
  text: 'Acme Ltd: a payment of €12.50 is due today.',
  idempotencyKey: 'collection-a1/run-1/remind/1',
  accountId: 'a1',
  templateKey: 'due-today',
  headers: { 'List-Unsubscribe': '<https://recoup.example/optout/t>' },
};

/** What Temporal does with the adapter's failures: try again while they are retryable. */
async function sendRetrying(send: () => Promise<unknown>, attempts: number): Promise<{ result: unknown; failures: ApplicationFailure[] }> {
  const failures: ApplicationFailure[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      return { result: await send(), failures };
    } catch (error) {
      if (!(error instanceof ApplicationFailure) || error.nonRetryable || attempt >= attempts) throw error;
      failures.push(error);
    }
  }
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApplicationFailure) return error;
    throw error;
  }
  throw new Error('expected the send to fail');
}

describe('webhook channel adapter', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });

  beforeEach(() => {
    receiver.received.length = 0;
  });

  afterAll(async () => {
    await receiver?.close();
  });

  const adapter = (timeoutMs?: number) =>
    createWebhookAdapter({ channel: 'sms', url: `${receiver.url}/sms/send?token=abc`, secret: SECRET, ...(timeoutMs ? { timeoutMs } : {}) });

  it('posts the message as JSON with an Idempotency-Key and an HMAC-SHA256 signature of the exact body', async () => {
    receiver.reply({ status: 201, body: JSON.stringify({ id: 'SM123' }) });

    const receipt = await adapter().send(message);

    expect(receipt).toEqual({ providerMessageId: 'SM123' });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/sms/send?token=abc');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe(message.idempotencyKey);
    const expected = `sha256=${createHmac('sha256', SECRET).update(request?.body ?? '').digest('hex')}`;
    expect(request?.headers['x-recoup-signature']).toBe(expected);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      idempotencyKey: message.idempotencyKey,
      channel: 'sms',
      accountId: 'a1',
      template: 'due-today',
      recipient: { kind: 'phone', phone: '+15550100' },
      subject: '',
      text: message.text,
    });
  });

  it('lets a receiver verify the signature, and a changed body fails verification', async () => {
    await adapter().send(message);
    const [request] = receiver.received;
    const signature = request?.headers['x-recoup-signature'] as string;
    expect(verifyWebhookSignature(request?.body ?? '', SECRET, signature)).toBe(true);
    expect(verifyWebhookSignature((request?.body ?? '').replace('12.50', '1.50'), SECRET, signature)).toBe(false);
    expect(verifyWebhookSignature(request?.body ?? '', 'another-secret-0123456', signature)).toBe(false);
  });

  it('takes a 500 as retryable, and the retry with the same key and signature goes through', async () => {
    receiver.reply({ status: 500, body: 'upstream exploded' }, { status: 200, body: '{"messageId":"m-2"}' });

    const { result, failures } = await sendRetrying(() => adapter().send(message), 3);

    expect(result).toEqual({ providerMessageId: 'm-2' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ type: PROVIDER_UNAVAILABLE, nonRetryable: false });
    expect(failures[0]?.message).toContain('HTTP 500');
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['x-recoup-signature']).toBe(first?.headers['x-recoup-signature']);
  });

  it('takes a 400 as a permanent refusal that is not retried, and keeps the response body out of the error', async () => {
    receiver.reply({ status: 400, body: JSON.stringify({ error: 'invalid number +15550100' }) });

    await expect(sendRetrying(() => adapter().send(message), 3)).rejects.toMatchObject({
      type: PROVIDER_REFUSED,
      nonRetryable: true,
    });
    expect(receiver.received).toHaveLength(1);
    receiver.reply({ status: 400, body: JSON.stringify({ error: 'invalid number +15550100' }) });
    const failure = await failureOf(adapter().send(message));
    expect(failure.message).toContain('HTTP 400');
    expect(failure.message).not.toContain('+15550100');
    expect(failure.message).not.toContain('token=abc');
  });

  it('takes 408 and 429 as retryable, and a 429 Retry-After sets the delay before the next attempt', async () => {
    receiver.reply({ status: 408 }, { status: 429, headers: { 'retry-after': '30' } }, { status: 404 });

    expect(await failureOf(adapter().send(message))).toMatchObject({ type: PROVIDER_UNAVAILABLE, nonRetryable: false });
    const throttled = await failureOf(adapter().send(message));
    expect(throttled).toMatchObject({ type: PROVIDER_UNAVAILABLE, nonRetryable: false, nextRetryDelay: 30_000 });
    expect(await failureOf(adapter().send(message))).toMatchObject({ type: PROVIDER_REFUSED, nonRetryable: true });
  });

  it('takes an unreachable provider as retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createWebhookAdapter({ channel: 'letter', url: `http://127.0.0.1:${port}/letters`, secret: SECRET });

    const failure = await failureOf(unreachable.send({ ...message, channel: 'letter' }));

    expect(failure).toMatchObject({ type: PROVIDER_UNAVAILABLE, nonRetryable: false });
    expect(failure.message).toContain(`letter provider at http://127.0.0.1:${port}/letters could not be reached`);
  });

  it('gives up on a provider that does not answer in time, as a retryable failure', async () => {
    receiver.reply({ hang: true });

    const failure = await failureOf(adapter(300).send(message));

    expect(failure).toMatchObject({ type: PROVIDER_UNAVAILABLE, nonRetryable: false });
    expect(receiver.received).toHaveLength(1);
  });
});
