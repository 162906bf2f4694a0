import request from 'supertest';
import type { Agent } from 'supertest';
import { formatPayloadKeyList, loadConfig } from '@recoup/config';
import { AppUser } from '@recoup/db';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@recoup/db/seed';
import { createApp, type RecoupApp } from '../../src/app.ts';
import { createContractCheck, describeViolations, type ContractCheck } from '../../src/openapi/contract-check.ts';
import { apiDocument, apiOperations } from '../../src/openapi/index.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { silentLogger, type Logger } from '../../src/http/logger.ts';
import { startMailSink, type MailSink } from '../../src/mail-sink/mail-sink.ts';
import type { PaymentProvider } from '../../src/portal/payments/payment-provider.ts';
import { RecordingCollections } from './recording-collections.ts';
import { RecordingReconciliations } from './recording-reconciliations.ts';
import { InProcessImportStarts } from './in-process-import-starts.ts';

export type DemoRole = 'admin' | 'manager' | 'collector1' | 'collector2' | 'collector3';

export interface LoggedIn {
  agent: Agent;
  csrf: string;
  userId: string;
}

export interface Harness {
  app: RecoupApp;
  db: TestDatabase;
  collections: RecordingCollections;
  reconciliations: RecordingReconciliations;
  importStarts: InProcessImportStarts;
  /** The SMTP sink when the harness was asked for one. */
  mailSink: MailSink | null;
  /** Checks every answer under /api against the OpenAPI contract; close() fails on what it found. */
  contract: ContractCheck;
  /** A supertest agent holding a logged-in session of the given demo user, with its CSRF token. */
  login(role: DemoRole): Promise<LoggedIn>;
  /** Creates a user with the demo password, e.g. a second manager's team, and returns its id. */
  addUser(user: { email: string; name: string; role: 'admin' | 'manager' | 'collector'; managerId?: string | null }): Promise<string>;
  /** Like login, for any user with the demo password. */
  loginAs(email: string): Promise<LoggedIn>;
  userId(role: DemoRole): Promise<string>;
  close(): Promise<void>;
}

const EMAIL: Record<DemoRole, string> = {
  admin: DEMO_USERS[0]?.email ?? '',
  manager: DEMO_USERS[1]?.email ?? '',
  collector1: DEMO_USERS[2]?.email ?? '',
  collector2: DEMO_USERS[3]?.email ?? '',
  collector3: DEMO_USERS[4]?.email ?? '',
};

/** The payload keys every harness app is configured with, so a test can seal payloads the codec endpoint opens. */
export const HARNESS_PAYLOAD_KEYS = { activeKeyId: 'harness', keys: [{ id: 'harness', key: Buffer.alloc(32, 7).toString('base64') }] };

/** The portal link key every harness app checks links with, unless a test's env gives another. */
export const HARNESS_PORTAL_SECRET = 'harness-portal-link-secret-0123456789abcdef';

export interface HarnessOptions {
  /** Configuration variables on top of the defaults, as the environment would give them (PUBLIC_URL, SIGN_IN_*). */
  env?: Record<string, string>;
  /** Where the app logs; silent by default. A test that must explain a failure passes one that keeps entries. */
  logger?: Logger;
  /** Starts the built-in SMTP sink on a free loopback port and points SMTP_URL at it (the portal mails codes). */
  mailSink?: boolean;
  /** The portal's payment provider, e.g. a Stripe adapter pointed at a checkout sandbox process. */
  paymentProvider?: PaymentProvider | null;
}

/** A fresh database with the demo users, templates and default strategy (no debtors), and the app on top. */
export const createHarness = async (options: HarnessOptions = {}): Promise<Harness> => {
  const db = await createTestDatabase();
  await seedDemo(db.orm, { hashPassword, accounts: 0, now: new Date() });
  const collections = new RecordingCollections();
  const sink = options.mailSink ? await startMailSink({ orm: db.orm, host: '127.0.0.1', port: 0 }) : null;
  const config = {
    ...loadConfig({
      SESSION_SECRET: 'test-session-secret-0123456789',
      PORTAL_LINK_SECRET: HARNESS_PORTAL_SECRET,
      TEMPORAL_PAYLOAD_KEYS: formatPayloadKeyList(HARNESS_PAYLOAD_KEYS.keys),
      ...(sink ? { SMTP_URL: sink.url } : {}),
      ...options.env,
    }),
    databaseUrl: db.url,
  };
  const reconciliations = new RecordingReconciliations();
  const importStarts = new InProcessImportStarts({ orm: db.orm, collections, logger: silentLogger });
  const contract = createContractCheck(apiOperations, apiDocument());
  const app = createApp({ orm: db.orm, collections, reconciliations, importStarts, config, logger: options.logger ?? silentLogger,
    staticDir: '/nonexistent',
    inspect: contract.middleware,
    ...(options.paymentProvider !== undefined ? { paymentProvider: options.paymentProvider } : {}),
  });
  const userId = async (role: DemoRole): Promise<string> =>
    (await db.orm.em.fork().findOneOrFail(AppUser, { email: EMAIL[role] })).id;
  const loginAs = async (email: string): Promise<LoggedIn> => {
    const agent = request.agent(app);
    const response = await agent.post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
    if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const body = response.body as { csrfToken: string; user: { id: string } };
    return { agent, csrf: body.csrfToken, userId: body.user.id };
  };
  return {
    app,
    db,
    collections,
    reconciliations,
    importStarts,
    mailSink: sink,
    contract,
    userId,
    login: async (role) => loginAs(EMAIL[role]),
    loginAs,
    async addUser(user) {
      const em = db.orm.em.fork();
      const created = em.create(AppUser, {
        ...user,
        managerId: user.managerId ?? null,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        active: true,
      });
      await em.flush();
      return created.id;
    },
    async close() {
      await app.close();
      await sink?.close();
      await importStarts.settled();
      await db.drop();
      // Every test on the harness is also a test of the contract: an answer that broke it fails the file.
      if (contract.violations.length > 0) {
        throw new Error(`The API answered outside its OpenAPI contract:\n${describeViolations(contract.violations)}`);
      }
    },
  };
};
