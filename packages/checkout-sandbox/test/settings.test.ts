import { describe, expect, it } from '@jest/globals';
import { parseSettings, SandboxSettingsError } from '../src/index.ts';
import { retryDelayMs } from '../src/core/webhook-dispatcher.ts';

describe('sandbox settings', () => {
  it('leaves every setting to the server’s defaults when none is given', () => {
    expect(parseSettings([], {})).toEqual({ server: {}, exitOnStdinClose: false });
  });

  it('reads flags, falls back to the environment, and lets a flag win over a variable', () => {
    const settings = parseSettings(
      ['--port=4242', '--host=::1', '--webhook-url=http://127.0.0.1:9/hook', '--retry-base-delay-ms=10', '--exit-on-stdin-close'],
      { CHECKOUT_SANDBOX_PORT: '1111', CHECKOUT_SANDBOX_API_KEY: 'sk_test_env', CHECKOUT_SANDBOX_SETTLE_DELAY_MS: '0', CHECKOUT_SANDBOX_MAX_DELIVERY_ATTEMPTS: '3' },
    );
    expect(settings).toEqual({
      server: { port: 4242, host: '::1', apiKey: 'sk_test_env', webhookUrl: 'http://127.0.0.1:9/hook', retryBaseDelayMs: 10, settleDelayMs: 0, maxDeliveryAttempts: 3 },
      exitOnStdinClose: true,
    });
  });

  it.each([
    [['--port=-1'], {}, /--port .* must be a whole number/],
    [['--retry-base-delay-ms=1.5'], {}, /--retry-base-delay-ms .* must be a whole number/],
    [[], { CHECKOUT_SANDBOX_SETTLE_DELAY_MS: '' }, /--settle-delay-ms \(or CHECKOUT_SANDBOX_SETTLE_DELAY_MS\) must be a whole number: ""/],
    [['--api-key=sk test'], {}, /--api-key .* must be non-empty, without spaces/],
    [['--webhook-url=not a url'], {}, /--webhook-url .* must be an http or https URL/],
    [['stray'], {}, /Unexpected argument 'stray'/],
  ] as [string[], Record<string, string>, RegExp][])('refuses %j %j, naming the setting', (argv, env, message) => {
    const parse = () => parseSettings(argv, env);
    expect(parse).toThrow(SandboxSettingsError);
    expect(parse).toThrow(message);
  });
});

describe('webhook retry back-off', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [8, 128_000],
    [30, 3_600_000],
  ])('waits after failed attempt %i for %i ms with a base of one second', (failed, expected) => {
    expect(retryDelayMs(1_000, failed)).toBe(expected);
  });
});
