import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { SandboxServerOptions } from './server.ts';

/** Settings that cannot be used, with what is wrong with which. main.ts answers it with exit code 2. */
export class SandboxSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxSettingsError';
  }
}

/** What main.ts was asked for; what is not given is left to the server's defaults. */
export interface SandboxSettings {
  server: SandboxServerOptions;
  /** Stop when stdin closes: startCheckoutSandbox keeps a pipe open, so a parent that dies takes the sandbox along. */
  exitOnStdinClose: boolean;
}

const integer = (min: number, max: number) =>
  z.string().regex(/^\d+$/, { error: 'must be a whole number' }).transform(Number).pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }));

const nonBlank = z.string().regex(/^\S+$/, { error: 'must be non-empty, without spaces' });

/** Each setting once: its flag, its environment variable, and how its text is read. */
const SETTINGS = {
  port: { flag: 'port', env: 'CHECKOUT_SANDBOX_PORT', schema: integer(0, 65_535) },
  host: { flag: 'host', env: 'CHECKOUT_SANDBOX_HOST', schema: nonBlank },
  apiKey: { flag: 'api-key', env: 'CHECKOUT_SANDBOX_API_KEY', schema: nonBlank },
  webhookUrl: { flag: 'webhook-url', env: 'CHECKOUT_SANDBOX_WEBHOOK_URL', schema: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }) },
  webhookSecret: { flag: 'webhook-secret', env: 'CHECKOUT_SANDBOX_WEBHOOK_SECRET', schema: nonBlank },
  retryBaseDelayMs: { flag: 'retry-base-delay-ms', env: 'CHECKOUT_SANDBOX_RETRY_BASE_DELAY_MS', schema: integer(0, 3_600_000) },
  maxDeliveryAttempts: { flag: 'max-delivery-attempts', env: 'CHECKOUT_SANDBOX_MAX_DELIVERY_ATTEMPTS', schema: integer(1, 100) },
  settleDelayMs: { flag: 'settle-delay-ms', env: 'CHECKOUT_SANDBOX_SETTLE_DELAY_MS', schema: integer(0, 86_400_000) },
} as const satisfies Record<string, { flag: string; env: string; schema: z.ZodType }>;

type SettingName = keyof typeof SETTINGS;

const SECRET_SETTINGS: ReadonlySet<SettingName> = new Set(['apiKey', 'webhookSecret']);

/** Every environment variable main.ts reads starts so. */
export const SETTINGS_ENV_PREFIX = 'CHECKOUT_SANDBOX_';

/**
 * The flags and environment that make main.ts run with `options`. The api key and webhook secret go in the
 * environment, where other users of the machine cannot read them off the process list.
 */
export const settingsArguments = (options: SandboxServerOptions): { args: string[]; env: Record<string, string> } => {
  const args: string[] = [];
  const env: Record<string, string> = {};
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const value = options[name];
    if (value === undefined || value === null) continue;
    if (SECRET_SETTINGS.has(name)) env[SETTINGS[name].env] = String(value);
    else args.push(`--${SETTINGS[name].flag}=${value}`);
  }
  return { args, env };
};

export const USAGE = `Usage: node packages/checkout-sandbox/src/main.ts [options]
${Object.values(SETTINGS).map((setting) => `  --${setting.flag}=VALUE  (or ${setting.env})`).join('\n')}
  --exit-on-stdin-close  stop when stdin closes`;

const serverOptions = z.strictObject({
  port: SETTINGS.port.schema.optional(),
  host: SETTINGS.host.schema.optional(),
  apiKey: SETTINGS.apiKey.schema.optional(),
  webhookUrl: SETTINGS.webhookUrl.schema.optional(),
  webhookSecret: SETTINGS.webhookSecret.schema.optional(),
  retryBaseDelayMs: SETTINGS.retryBaseDelayMs.schema.optional(),
  maxDeliveryAttempts: SETTINGS.maxDeliveryAttempts.schema.optional(),
  settleDelayMs: SETTINGS.settleDelayMs.schema.optional(),
}) satisfies z.ZodType<SandboxServerOptions>;

const isSettingName = (key: PropertyKey | undefined): key is SettingName => typeof key === 'string' && key in SETTINGS;

/** The settings from flags (`--port=4242`) or, where a flag is not given, the environment; defaults for the rest. */
export const parseSettings = (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): SandboxSettings => {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        ...Object.fromEntries(Object.values(SETTINGS).map((setting) => [setting.flag, { type: 'string' as const }])),
        'exit-on-stdin-close': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new SandboxSettingsError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const text = (name: SettingName): string | undefined => {
    const flag = flags[SETTINGS[name].flag];
    return typeof flag === 'string' ? flag : env[SETTINGS[name].env];
  };
  const given = Object.fromEntries((Object.keys(SETTINGS) as SettingName[]).map((name) => [name, text(name)]));
  const result = serverOptions.safeParse(given);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path[0];
    const where = isSettingName(name) ? `--${SETTINGS[name].flag} (or ${SETTINGS[name].env}) ` : '';
    throw new SandboxSettingsError(`${where}${issue?.message ?? 'is not valid'}: ${JSON.stringify(isSettingName(name) ? given[name] : given)}`);
  }
  const server: SandboxServerOptions = result.data;
  return { server, exitOnStdinClose: flags['exit-on-stdin-close'] === true };
};
