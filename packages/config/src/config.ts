import { RecoupError } from '@recoup/domain';
import { z } from 'zod';
import { parsePayloadKeyList, PAYLOAD_KEY_ID_PATTERN, type PayloadKeyRing } from './payload-keys.ts';

// Configuration comes only from environment variables (the README lists them; compose uses the same names).
// Pure on purpose: the caller passes process.env, so tests pass plain objects.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Where activities read the time. system: the host's clock. temporal: the moment Temporal scheduled the
 * activity's current attempt, which on Temporal's time-skipping test server is its virtual clock, so activities
 * judge deadlines on the same clock as the workflow timers that woke them.
 */
export const ACTIVITY_CLOCKS = ['system', 'temporal'] as const;
export type ActivityClock = (typeof ACTIVITY_CLOCKS)[number];

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  tls: boolean;
  tlsCertPath: string | null;
  tlsKeyPath: string | null;
  tlsCaPath: string | null;
  apiKey: string | null;
  cliPath: string | null;
  uiUrl: string | null;
  /**
   * The keys of the payload codec (TEMPORAL_PAYLOAD_KEYS, TEMPORAL_PAYLOAD_KEY_ID). Null when not configured: the
   * launcher then uses a key it generated in the data directory, and the API and worker entries refuse to start.
   */
  payloadKeys: PayloadKeyRing | null;
}

/** Where reminders on the channels other than e-mail go: each is an HTTP webhook of a provider, or unset. */
export interface ChannelConfig {
  smsWebhookUrl: string | null;
  letterWebhookUrl: string | null;
  /** The reminder channel 'webhook' posts the rendered reminder here. */
  webhookUrl: string | null;
  /** Signs every webhook body (HMAC-SHA256), so a provider can tell the request came from Recoup. */
  webhookSecret: string | null;
}

/** How failed sign-ins are throttled (see the README's sign-in section). */
export interface SignInThrottleConfig {
  /** Failures one e-mail address may have within the window before it is locked. */
  accountMaxFailures: number;
  /** Failures one client address may have within the window before it is locked. */
  addressMaxFailures: number;
  windowSeconds: number;
  /** The first lock; each further lock doubles it, up to maxLockSeconds. */
  lockSeconds: number;
  maxLockSeconds: number;
}

/** What one portfolio import may hold (see the README's portfolio import section). */
export interface ImportLimitsConfig {
  /** The most bytes of one portfolio file, after any Content-Encoding is undone. */
  maxBytes: number;
  /** The most rows of one portfolio file: CSV lines after the header, or JSON account entries. */
  maxRows: number;
  /** Portfolio imports one API process runs at a time; another one meanwhile is answered 429. */
  concurrent: number;
  /**
   * How long an import's answer waits for its collection workflows to start in the background; after that it
   * answers with how far they got, and they go on starting.
   */
  startWaitMs: number;
  /** How often imports whose workflows could not be handed to Temporal (or whose run was ended) are taken up again. */
  resumeEveryMs: number;
}

export interface RecoupConfig {
  databaseUrl: string | null;
  dataDir: string;
  temporal: TemporalConfig;
  smtpUrl: string | null;
  mailFrom: string;
  channels: ChannelConfig;
  port: number;
  publicUrl: string;
  /**
   * The origin browsers must send on state-changing requests: PUBLIC_URL's, or null when PUBLIC_URL is unset, and
   * then the origin the request itself came to (scheme and Host).
   */
  publicOrigin: string | null;
  /** True when PUBLIC_URL is https, so cookies are marked Secure. */
  secureCookies: boolean;
  sessionSecret: string | null;
  signIn: SignInThrottleConfig;
  /** Requests one API token may make per minute (API_TOKEN_REQUESTS_PER_MINUTE). */
  apiTokenRequestsPerMinute: number;
  imports: ImportLimitsConfig;
  logLevel: LogLevel;
  /** Demo mode (RECOUP_DEMO): seeded data and the built-in mail sink. */
  demo: boolean;
  /** Run database migrations at start-up (RECOUP_MIGRATE). */
  migrate: boolean;
  /** Where the worker's activities read the time (RECOUP_ACTIVITY_CLOCK). */
  activityClock: ActivityClock;
  portal: PortalConfig;
  /** Who the debtor pays, as letters, statements and the portal print it. */
  creditor: CreditorConfig;
}

export interface PortalConfig {
  /**
   * The key that signs the personal portal links in reminders (PORTAL_LINK_SECRET). The worker signs and the API
   * checks, so both must hold the same one; null when unset, and then the launcher keeps a generated one with its data.
   */
  linkSecret: string | null;
  /** How long a link in a reminder opens the portal (PORTAL_LINK_DAYS); after that the debtor asks for a code. */
  linkDays: number;
  /** How long a one-time code sent by e-mail is good for (PORTAL_CODE_MINUTES). */
  codeMinutes: number;
  /** How long a portal visit lasts without activity (PORTAL_SESSION_MINUTES). */
  sessionMinutes: number;
  payments: PortalPaymentsConfig | null;
}

/** A Stripe-compatible payment provider: Stripe itself, or the checkout sandbox the launcher starts on loopback. */
export interface PortalPaymentsConfig {
  apiKey: string;
  /** The provider's API base (STRIPE_API_BASE); null for Stripe's own. */
  apiBase: string | null;
  /** The secret its webhooks are signed with (STRIPE_WEBHOOK_SECRET). */
  webhookSecret: string;
}

export interface CreditorConfig {
  /** The postal address lines printed in letterheads (CREDITOR_ADDRESS, lines separated by "|" or newlines). */
  addressLines: string[];
  bankName: string | null;
  iban: string | null;
  bic: string | null;
}

/** The one error the config package throws: every bad variable, named. */
export class ConfigError extends RecoupError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('invalid', 'config-invalid', `Invalid configuration: ${problems.join('; ')}`, { details: { problems } });
    this.problems = problems;
  }
}

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;

const optionalText = z.preprocess(blankToUndefined, z.string().optional());
const text = (fallback: string) => z.preprocess(blankToUndefined, z.string().default(fallback));

const flag = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .optional()
      .transform((value) => (value === undefined ? fallback : ['true', '1', 'yes'].includes(value))),
  );

const positiveInt = (fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }).default(fallback),
  );

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// URL' }).optional(),
  ),
  RECOUP_DATA_DIR: text('.data'),
  TEMPORAL_ADDRESS: text('localhost:7233'),
  TEMPORAL_NAMESPACE: text('default'),
  TEMPORAL_TASK_QUEUE: text('recoup-collections'),
  TEMPORAL_TLS: flag(false),
  TEMPORAL_TLS_CERT: optionalText,
  TEMPORAL_TLS_KEY: optionalText,
  TEMPORAL_TLS_CA: optionalText,
  TEMPORAL_API_KEY: optionalText,
  TEMPORAL_CLI_PATH: optionalText,
  TEMPORAL_UI_URL: z.preprocess(blankToUndefined, httpUrl.optional()),
  TEMPORAL_PAYLOAD_KEYS: optionalText,
  TEMPORAL_PAYLOAD_KEY_ID: z.preprocess(
    blankToUndefined,
    z.string().regex(PAYLOAD_KEY_ID_PATTERN, { message: 'must be 1 to 64 letters, digits, dots, dashes or underscores' }).optional(),
  ),
  SMTP_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// URL' }).optional()),
  MAIL_FROM: text('Recoup Collections <collections@recoup.localhost>'),
  SMS_WEBHOOK_URL: z.preprocess(blankToUndefined, httpUrl.optional()),
  LETTER_WEBHOOK_URL: z.preprocess(blankToUndefined, httpUrl.optional()),
  WEBHOOK_URL: z.preprocess(blankToUndefined, httpUrl.optional()),
  WEBHOOK_SECRET: z.preprocess(
    blankToUndefined,
    z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  ),
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  ),
  PUBLIC_URL: z.preprocess(blankToUndefined, httpUrl.optional()),
  SESSION_SECRET: z.preprocess(
    blankToUndefined,
    z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  ),
  SIGN_IN_ACCOUNT_MAX_FAILURES: positiveInt(5),
  SIGN_IN_ADDRESS_MAX_FAILURES: positiveInt(50),
  SIGN_IN_WINDOW_SECONDS: positiveInt(15 * 60),
  SIGN_IN_LOCK_SECONDS: positiveInt(15 * 60),
  SIGN_IN_MAX_LOCK_SECONDS: positiveInt(24 * 60 * 60),
  API_TOKEN_REQUESTS_PER_MINUTE: positiveInt(600),
  IMPORT_MAX_BYTES: positiveInt(50 * 1024 * 1024),
  IMPORT_MAX_ROWS: positiveInt(250_000),
  IMPORT_CONCURRENCY: positiveInt(1),
  IMPORT_START_WAIT_MS: positiveInt(30_000),
  IMPORT_RESUME_MS: positiveInt(60_000),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof blankToUndefined(value) === 'string' ? String(blankToUndefined(value)).toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  PORTAL_LINK_SECRET: z.preprocess(blankToUndefined, z.string().min(32, { message: 'must be at least 32 characters' }).optional()),
  PORTAL_LINK_DAYS: positiveInt(30),
  PORTAL_CODE_MINUTES: positiveInt(15),
  PORTAL_SESSION_MINUTES: positiveInt(60),
  STRIPE_API_KEY: optionalText,
  STRIPE_API_BASE: z.preprocess(blankToUndefined, httpUrl.optional()),
  STRIPE_WEBHOOK_SECRET: optionalText,
  CREDITOR_ADDRESS: optionalText,
  CREDITOR_BANK_NAME: optionalText,
  CREDITOR_IBAN: z.preprocess(
    (value) => (typeof blankToUndefined(value) === 'string' ? String(blankToUndefined(value)).replace(/\s+/g, '').toUpperCase() : undefined),
    z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, { message: 'must be an IBAN' }).optional(),
  ),
  CREDITOR_BIC: z.preprocess(blankToUndefined, z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { message: 'must be a BIC' }).optional()),
  RECOUP_DEMO: flag(false),
  RECOUP_MIGRATE: flag(false),
  RECOUP_ACTIVITY_CLOCK: z.preprocess(
    (value) => (typeof blankToUndefined(value) === 'string' ? String(blankToUndefined(value)).toLowerCase() : undefined),
    z.enum(ACTIVITY_CLOCKS, { message: `must be one of ${ACTIVITY_CLOCKS.join(', ')}` }).default('system'),
  ),
});

/** Parses the configuration variables; throws ConfigError naming every bad variable. */
export const loadConfig = (env: Record<string, string | undefined>): RecoupConfig => {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.TEMPORAL_TLS_CERT === undefined) !== (e.TEMPORAL_TLS_KEY === undefined)) {
    problems.push('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be given together');
  }
  const webhookUrls = { SMS_WEBHOOK_URL: e.SMS_WEBHOOK_URL, LETTER_WEBHOOK_URL: e.LETTER_WEBHOOK_URL, WEBHOOK_URL: e.WEBHOOK_URL };
  const setUrls = Object.entries(webhookUrls).flatMap(([name, url]) => (url === undefined ? [] : [name]));
  if (setUrls.length > 0 && e.WEBHOOK_SECRET === undefined) {
    problems.push(`WEBHOOK_SECRET is required when ${setUrls.join(', ')} is set`);
  }
  if (e.SIGN_IN_MAX_LOCK_SECONDS < e.SIGN_IN_LOCK_SECONDS) {
    problems.push('SIGN_IN_MAX_LOCK_SECONDS must be at least SIGN_IN_LOCK_SECONDS');
  }
  if ((e.STRIPE_API_KEY === undefined) !== (e.STRIPE_WEBHOOK_SECRET === undefined)) {
    problems.push('STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET must be given together');
  }
  if (e.STRIPE_API_BASE !== undefined && e.STRIPE_API_KEY === undefined) problems.push('STRIPE_API_BASE needs STRIPE_API_KEY');
  const payloadKeys = payloadKeyRing(e.TEMPORAL_PAYLOAD_KEYS, e.TEMPORAL_PAYLOAD_KEY_ID, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const publicUrl = (e.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: e.RECOUP_DATA_DIR,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      // Client certificates or an API key (Temporal Cloud) only make sense over TLS.
      tls: e.TEMPORAL_TLS || e.TEMPORAL_TLS_CERT !== undefined || e.TEMPORAL_API_KEY !== undefined,
      tlsCertPath: e.TEMPORAL_TLS_CERT ?? null,
      tlsKeyPath: e.TEMPORAL_TLS_KEY ?? null,
      tlsCaPath: e.TEMPORAL_TLS_CA ?? null,
      apiKey: e.TEMPORAL_API_KEY ?? null,
      cliPath: e.TEMPORAL_CLI_PATH ?? null,
      uiUrl: e.TEMPORAL_UI_URL?.replace(/\/+$/, '') ?? null,
      payloadKeys,
    },
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    channels: {
      smsWebhookUrl: e.SMS_WEBHOOK_URL ?? null,
      letterWebhookUrl: e.LETTER_WEBHOOK_URL ?? null,
      webhookUrl: e.WEBHOOK_URL ?? null,
      webhookSecret: e.WEBHOOK_SECRET ?? null,
    },
    port: e.PORT,
    publicUrl,
    publicOrigin: e.PUBLIC_URL === undefined ? null : new URL(publicUrl).origin,
    secureCookies: publicUrl.startsWith('https:'),
    sessionSecret: e.SESSION_SECRET ?? null,
    signIn: {
      accountMaxFailures: e.SIGN_IN_ACCOUNT_MAX_FAILURES,
      addressMaxFailures: e.SIGN_IN_ADDRESS_MAX_FAILURES,
      windowSeconds: e.SIGN_IN_WINDOW_SECONDS,
      lockSeconds: e.SIGN_IN_LOCK_SECONDS,
      maxLockSeconds: e.SIGN_IN_MAX_LOCK_SECONDS,
    },
    apiTokenRequestsPerMinute: e.API_TOKEN_REQUESTS_PER_MINUTE,
    imports: { maxBytes: e.IMPORT_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS, concurrent: e.IMPORT_CONCURRENCY, startWaitMs: e.IMPORT_START_WAIT_MS, resumeEveryMs: e.IMPORT_RESUME_MS },
    logLevel: e.LOG_LEVEL,
    demo: e.RECOUP_DEMO,
    migrate: e.RECOUP_MIGRATE,
    activityClock: e.RECOUP_ACTIVITY_CLOCK,
    portal: {
      linkSecret: e.PORTAL_LINK_SECRET ?? null,
      linkDays: e.PORTAL_LINK_DAYS,
      codeMinutes: e.PORTAL_CODE_MINUTES,
      sessionMinutes: e.PORTAL_SESSION_MINUTES,
      payments:
        e.STRIPE_API_KEY !== undefined && e.STRIPE_WEBHOOK_SECRET !== undefined
          ? { apiKey: e.STRIPE_API_KEY, apiBase: e.STRIPE_API_BASE?.replace(/\/+$/, '') ?? null, webhookSecret: e.STRIPE_WEBHOOK_SECRET }
          : null,
    },
    creditor: {
      addressLines: (e.CREDITOR_ADDRESS ?? '').split(/\||\n/).map((line) => line.trim()).filter((line) => line !== ''),
      bankName: e.CREDITOR_BANK_NAME ?? null,
      iban: e.CREDITOR_IBAN ?? null,
      bic: e.CREDITOR_BIC ?? null,
    },
  };
};

/** TEMPORAL_PAYLOAD_KEYS with the active key: TEMPORAL_PAYLOAD_KEY_ID, which may be left out when there is one key. */
const payloadKeyRing = (list: string | undefined, activeKeyId: string | undefined, problems: string[]): PayloadKeyRing | null => {
  if (list === undefined) {
    if (activeKeyId !== undefined) problems.push('TEMPORAL_PAYLOAD_KEY_ID needs TEMPORAL_PAYLOAD_KEYS');
    return null;
  }
  const parsed = parsePayloadKeyList(list);
  if (!parsed.ok) {
    problems.push(...parsed.problems.map((problem) => `TEMPORAL_PAYLOAD_KEYS ${problem}`));
    return null;
  }
  const active = activeKeyId ?? (parsed.keys.length === 1 ? parsed.keys[0]?.id : undefined);
  if (active === undefined) {
    problems.push('TEMPORAL_PAYLOAD_KEY_ID must name the key that encrypts when TEMPORAL_PAYLOAD_KEYS holds several');
    return null;
  }
  if (!parsed.keys.some((k) => k.id === active)) {
    problems.push(`TEMPORAL_PAYLOAD_KEY_ID "${active}" is not one of the ids in TEMPORAL_PAYLOAD_KEYS`);
    return null;
  }
  return { activeKeyId: active, keys: parsed.keys };
};

/** The sender's display name in MAIL_FROM ("Acme Collections <ar@acme.example>" gives "Acme Collections"). */
export const senderName = (mailFrom: string): string => /^\s*"?([^"<]+?)"?\s*</.exec(mailFrom)?.[1] ?? mailFrom;

/** The creditor as a letterhead prints it: the sender's name, the postal address and the bank details. */
export const creditorLetterhead = (config: Pick<RecoupConfig, 'mailFrom' | 'creditor'>): { name: string } & CreditorConfig => ({
  name: senderName(config.mailFrom),
  ...config.creditor,
});
