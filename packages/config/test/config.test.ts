import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/config.ts';

// Two 32-byte keys in base64, as `openssl rand -base64 32` prints them.
const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      databaseUrl: null,
      dataDir: '.data',
      temporal: {
        address: 'localhost:7233',
        namespace: 'default',
        taskQueue: 'recoup-collections',
        tls: false,
        tlsCertPath: null,
        tlsKeyPath: null,
        tlsCaPath: null,
        apiKey: null,
        cliPath: null,
        uiUrl: null,
        payloadKeys: null,
      },
      smtpUrl: null,
      mailFrom: 'Recoup Collections <collections@recoup.localhost>',
      channels: { smsWebhookUrl: null, letterWebhookUrl: null, webhookUrl: null, webhookSecret: null },
      port: 3000,
      publicUrl: 'http://localhost:3000',
      publicOrigin: null,
      secureCookies: false,
      sessionSecret: null,
      signIn: { accountMaxFailures: 5, addressMaxFailures: 50, windowSeconds: 900, lockSeconds: 900, maxLockSeconds: 86400 },
      apiTokenRequestsPerMinute: 600,
      imports: { maxBytes: 52_428_800, maxRows: 250_000, concurrent: 1, startWaitMs: 30_000, resumeEveryMs: 60_000 },
      logLevel: 'info',
      demo: false,
      migrate: false,
      activityClock: 'system',
      portal: { linkSecret: null, linkDays: 30, codeMinutes: 15, sessionMinutes: 60, payments: null },
      creditor: { addressLines: [], bankName: null, iban: null, bic: null },
    });
  });

  it.each([
    [{ PORT: '8080' }, (c: ReturnType<typeof loadConfig>) => c.port, 8080],
    [{ PORT: '' }, (c: ReturnType<typeof loadConfig>) => c.port, 3000],
    [{ PUBLIC_URL: 'https://recoup.example.com/' }, (c: ReturnType<typeof loadConfig>) => c.publicUrl, 'https://recoup.example.com'],
    [{ PUBLIC_URL: 'https://recoup.example.com' }, (c: ReturnType<typeof loadConfig>) => c.secureCookies, true],
    [{ PUBLIC_URL: 'https://recoup.example.com/app/' }, (c: ReturnType<typeof loadConfig>) => c.publicOrigin, 'https://recoup.example.com'],
    [{ PUBLIC_URL: 'http://localhost:3000' }, (c: ReturnType<typeof loadConfig>) => c.publicOrigin, 'http://localhost:3000'],
    [{ SIGN_IN_ACCOUNT_MAX_FAILURES: '3', SIGN_IN_LOCK_SECONDS: '60' }, (c: ReturnType<typeof loadConfig>) => [c.signIn.accountMaxFailures, c.signIn.lockSeconds], [3, 60]],
    [{ IMPORT_MAX_BYTES: '1048576', IMPORT_CONCURRENCY: '2' }, (c: ReturnType<typeof loadConfig>) => [c.imports.maxBytes, c.imports.concurrent], [1_048_576, 2]],
    [{ TEMPORAL_TLS: 'true' }, (c: ReturnType<typeof loadConfig>) => c.temporal.tls, true],
    [{ TEMPORAL_TLS: 'false' }, (c: ReturnType<typeof loadConfig>) => c.temporal.tls, false],
    [{ TEMPORAL_API_KEY: 'k' }, (c: ReturnType<typeof loadConfig>) => c.temporal.tls, true],
    [{ TEMPORAL_NAMESPACE: 'prod' }, (c: ReturnType<typeof loadConfig>) => c.temporal.namespace, 'prod'],
    [{ TEMPORAL_UI_URL: 'http://localhost:8233/' }, (c: ReturnType<typeof loadConfig>) => c.temporal.uiUrl, 'http://localhost:8233'],
    [{ DATABASE_URL: 'postgres://u:p@localhost:5432/recoup' }, (c: ReturnType<typeof loadConfig>) => c.databaseUrl, 'postgres://u:p@localhost:5432/recoup'],
    [{ SMTP_URL: 'smtp://127.0.0.1:2525' }, (c: ReturnType<typeof loadConfig>) => c.smtpUrl, 'smtp://127.0.0.1:2525'],
    [{ LOG_LEVEL: 'DEBUG' }, (c: ReturnType<typeof loadConfig>) => c.logLevel, 'debug'],
    [{ RECOUP_DEMO: 'yes' }, (c: ReturnType<typeof loadConfig>) => c.demo, true],
    [{ RECOUP_DATA_DIR: '/var/lib/recoup' }, (c: ReturnType<typeof loadConfig>) => c.dataDir, '/var/lib/recoup'],
    [{ RECOUP_ACTIVITY_CLOCK: 'Temporal' }, (c: ReturnType<typeof loadConfig>) => c.activityClock, 'temporal'],
    [
      { STRIPE_API_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1', STRIPE_API_BASE: 'http://127.0.0.1:12111/' },
      (c: ReturnType<typeof loadConfig>) => c.portal.payments,
      { apiKey: 'sk_test_1', apiBase: 'http://127.0.0.1:12111', webhookSecret: 'whsec_1' },
    ],
    [
      { CREDITOR_ADDRESS: 'Acme GmbH | Hauptstr. 1 | 10115 Berlin', CREDITOR_IBAN: 'de89 3704 0044 0532 0130 00', CREDITOR_BIC: 'COBADEFFXXX' },
      (c: ReturnType<typeof loadConfig>) => c.creditor,
      { addressLines: ['Acme GmbH', 'Hauptstr. 1', '10115 Berlin'], bankName: null, iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    ],
    [
      { SMS_WEBHOOK_URL: 'https://sms.example.com/send', WEBHOOK_SECRET: 'webhook-secret-0123' },
      (c: ReturnType<typeof loadConfig>) => c.channels,
      { smsWebhookUrl: 'https://sms.example.com/send', letterWebhookUrl: null, webhookUrl: null, webhookSecret: 'webhook-secret-0123' },
    ],
    [{ TEMPORAL_PAYLOAD_KEYS: `k1:${KEY_A}` }, (c: ReturnType<typeof loadConfig>) => c.temporal.payloadKeys, { activeKeyId: 'k1', keys: [{ id: 'k1', key: KEY_A }] }],
    [
      { TEMPORAL_PAYLOAD_KEYS: ` old:${KEY_A} , new:${KEY_B} `, TEMPORAL_PAYLOAD_KEY_ID: 'new' },
      (c: ReturnType<typeof loadConfig>) => c.temporal.payloadKeys,
      { activeKeyId: 'new', keys: [{ id: 'old', key: KEY_A }, { id: 'new', key: KEY_B }] },
    ],
  ])('reads %j', (env, pick, expected) => {
    expect(pick(loadConfig(env))).toEqual(expected);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ TEMPORAL_TLS: 'maybe' }, 'TEMPORAL_TLS'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ RECOUP_ACTIVITY_CLOCK: 'server' }, 'RECOUP_ACTIVITY_CLOCK'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ SIGN_IN_ACCOUNT_MAX_FAILURES: '0' }, 'SIGN_IN_ACCOUNT_MAX_FAILURES'],
    [{ SIGN_IN_WINDOW_SECONDS: 'soon' }, 'SIGN_IN_WINDOW_SECONDS'],
    [{ SIGN_IN_LOCK_SECONDS: '600', SIGN_IN_MAX_LOCK_SECONDS: '60' }, 'SIGN_IN_MAX_LOCK_SECONDS'],
    [{ SMTP_URL: 'http://x' }, 'SMTP_URL'],
    [{ TEMPORAL_TLS_CERT: '/c.pem' }, 'TEMPORAL_TLS_KEY'],
    [{ LETTER_WEBHOOK_URL: 'smtp://x' }, 'LETTER_WEBHOOK_URL'],
    [{ WEBHOOK_URL: 'https://hooks.example.com/recoup' }, 'WEBHOOK_SECRET'],
    [{ SMS_WEBHOOK_URL: 'https://sms.example.com', WEBHOOK_SECRET: 'short' }, 'WEBHOOK_SECRET'],
    [{ TEMPORAL_PAYLOAD_KEYS: 'k1' }, 'TEMPORAL_PAYLOAD_KEYS'],
    [{ TEMPORAL_PAYLOAD_KEYS: `k1:${Buffer.alloc(16, 1).toString('base64')}` }, 'TEMPORAL_PAYLOAD_KEYS'],
    [{ TEMPORAL_PAYLOAD_KEYS: 'k1:not base64 at all' }, 'TEMPORAL_PAYLOAD_KEYS'],
    [{ TEMPORAL_PAYLOAD_KEYS: `k 1:${KEY_A}` }, 'TEMPORAL_PAYLOAD_KEYS'],
    [{ TEMPORAL_PAYLOAD_KEYS: `k1:${KEY_A},k1:${KEY_B}` }, 'appears twice'],
    [{ TEMPORAL_PAYLOAD_KEYS: `k1:${KEY_A},k2:${KEY_B}` }, 'TEMPORAL_PAYLOAD_KEY_ID'],
    [{ TEMPORAL_PAYLOAD_KEYS: `k1:${KEY_A}`, TEMPORAL_PAYLOAD_KEY_ID: 'k2' }, 'TEMPORAL_PAYLOAD_KEY_ID'],
    [{ TEMPORAL_PAYLOAD_KEY_ID: 'k1' }, 'TEMPORAL_PAYLOAD_KEY_ID'],
    [{ PORTAL_LINK_SECRET: 'too-short-to-sign-links' }, 'PORTAL_LINK_SECRET'],
    [{ STRIPE_API_KEY: 'sk_test_1' }, 'STRIPE_WEBHOOK_SECRET'],
    [{ STRIPE_API_BASE: 'http://127.0.0.1:12111' }, 'STRIPE_API_BASE'],
    [{ CREDITOR_IBAN: 'not an iban' }, 'CREDITOR_IBAN'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('never shows a payload key in its error', () => {
    const wrongLength = Buffer.alloc(31, 7).toString('base64');
    expect(() => loadConfig({ TEMPORAL_PAYLOAD_KEYS: `k1:${wrongLength}` })).toThrow(ConfigError);
    try {
      loadConfig({ TEMPORAL_PAYLOAD_KEYS: `k1:${wrongLength}` });
    } catch (error) {
      expect((error as ConfigError).message).not.toContain(wrongLength);
    }
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
