import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { CheckoutSandboxStartError, startCheckoutSandbox } from '../src/index.ts';
import { sessionParams } from './support/sandbox-harness.ts';
import { startWebhookReceiver } from './support/webhook-receiver.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const INDEX = fileURLToPath(new URL('../src/index.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs main.ts to its end (or until `whileRunning` has seen enough and stopped it). */
const runMain = (args: string[], env: Record<string, string> = {}, whileRunning?: (line: string, kill: () => void) => void): Promise<Run> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) whileRunning?.(stdout.split('\n')[0] ?? '', () => child.kill('SIGTERM'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the checkout sandbox process', () => {
  it('prints exactly one listening line with its url and webhook secret, and exits 0 on SIGTERM', async () => {
    let health: number | null = null;
    const run = await runMain(['--webhook-secret=whsec_given_at_start', '--api-key=sk_test_process'], {}, (line, kill) => {
      const { url } = JSON.parse(line) as { url: string };
      void fetch(`${url}/_sandbox/health`, { headers: { Authorization: 'Bearer sk_test_process' } }).then((response) => {
        health = response.status;
        kill();
      });
    });

    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ event: 'listening', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), webhookSecret: 'whsec_given_at_start' });
    expect(health).toBe(200);
  });

  it('generates a whsec_ webhook secret when none is given', async () => {
    const run = await runMain([], {}, (_line, kill) => kill());
    expect(JSON.parse(run.stdout).webhookSecret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
  });

  it.each([
    ['a port that is no number', ['--port=http'], {}, /--port \(or CHECKOUT_SANDBOX_PORT\) must be a whole number/],
    ['a port out of range', ['--port=70000'], {}, /--port .* must be at most 65535/],
    ['no delivery attempts at all', [], { CHECKOUT_SANDBOX_MAX_DELIVERY_ATTEMPTS: '0' }, /--max-delivery-attempts \(or CHECKOUT_SANDBOX_MAX_DELIVERY_ATTEMPTS\) must be at least 1/],
    ['a webhook url that is not http', ['--webhook-url=ftp://example.test/hook'], {}, /--webhook-url .* must be an http or https URL/],
    ['an unknown flag', ['--prot=4242'], {}, /Unknown option '--prot'/],
  ])('exits with code 2 and names the setting for %s', async (_what, args, env, message) => {
    const run = await runMain(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('rejects startCheckoutSandbox with the sandbox’s stderr when it cannot listen', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = blocker.address() as AddressInfo;
      const failure = startCheckoutSandbox({ port });
      await expect(failure).rejects.toBeInstanceOf(CheckoutSandboxStartError);
      await expect(failure).rejects.toThrow(/exited with code 1 before it listened[\s\S]*EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });

  it('uses the api key, webhook url and secret it was started with', async () => {
    const stripeForVerifying = new Stripe('sk_test_unused');
    const receiver = await startWebhookReceiver((raw, signature) => stripeForVerifying.webhooks.constructEvent(raw, signature, 'whsec_started_with'));
    const sandbox = await startCheckoutSandbox({ apiKey: 'sk_test_started_with', webhookUrl: receiver.url, webhookSecret: 'whsec_started_with' });
    try {
      expect(sandbox).toMatchObject({ apiKey: 'sk_test_started_with', webhookSecret: 'whsec_started_with' });
      expect(isRunning(sandbox.pid)).toBe(true);
      const url = new URL(sandbox.url);
      const stripe = new Stripe(sandbox.apiKey, { host: url.hostname, port: Number(url.port), protocol: 'http' });
      const session = await stripe.checkout.sessions.create(sessionParams());
      await fetch(`${sandbox.url}/_sandbox/sessions/${session.id}/complete`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'card' }),
      });
      await receiver.waitFor('the delivery', () => receiver.forSession(session.id).length === 1);
      expect(receiver.forSession(session.id)[0]?.event?.type).toBe('checkout.session.completed');
    } finally {
      await sandbox.stop();
      await receiver.close();
    }
    expect(isRunning(sandbox.pid)).toBe(false);
  });

  it('stops by itself when the process that started it dies without stopping it', async () => {
    const parent = spawn(process.execPath, ['--input-type=module', '-e', `
      import { startCheckoutSandbox } from ${JSON.stringify(INDEX)};
      const sandbox = await startCheckoutSandbox();
      console.log(sandbox.pid);
      setInterval(() => {}, 1000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve) => parent.stdout.setEncoding('utf8').once('data', (chunk: string) => resolve(Number(chunk.trim()))));
    expect(isRunning(pid)).toBe(true);

    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isRunning(pid)).toBe(false);
  });
});
