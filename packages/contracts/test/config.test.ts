import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/config.ts';

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
      logLevel: 'info',
      demo: false,
      migrate: false,
      activityClock: 'system',
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
      { SMS_WEBHOOK_URL: 'https://sms.example.com/send', WEBHOOK_SECRET: 'webhook-secret-0123' },
      (c: ReturnType<typeof loadConfig>) => c.channels,
      { smsWebhookUrl: 'https://sms.example.com/send', letterWebhookUrl: null, webhookUrl: null, webhookSecret: 'webhook-secret-0123' },
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
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
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
