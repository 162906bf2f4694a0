import { randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { fileURLToPath } from 'node:url';
import express, { type Express, type RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { creditorLetterhead, senderName, type RecoupConfig } from '@recoup/config';
import { createAccountEventOutbox, EncryptionCodec, type CollectionClient, type ImportStartsClient, type ReconciliationClient } from '@recoup/workflows';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { AccountsService } from './accounts/accounts.service.ts';
import { NotesService } from './accounts/notes.service.ts';
import { adminRoutes } from './admin/admin.routes.ts';
import { temporalCodecRoutes } from './admin/temporal-codec.routes.ts';
import { auditLogRoutes } from './audit/audit-log.routes.ts';
import { AuditLogService } from './audit/audit-log.service.ts';
import { AdminWorkflowsService } from './admin/workflows.service.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { AuthService } from './auth/auth.service.ts';
import { createCsrf } from './auth/csrf.ts';
import { apiTokensRoutes } from './auth/api-tokens.routes.ts';
import { ApiTokensService } from './auth/api-tokens.service.ts';
import { isTokenRequest, tokenAuthentication } from './auth/token-auth.ts';
import { requireAuth, requireRole } from './auth/require-auth.ts';
import { createSessionMiddleware, sessionSecret } from './auth/session.ts';
import { SignInThrottle } from './auth/sign-in-throttle.ts';
import { bankStatementsRoutes, statementLinesRoutes, statementMappingsRoutes } from './bank-statements/bank-statements.routes.ts';
import { BankStatementsService } from './bank-statements/bank-statements.service.ts';
import { StatementLinesService } from './bank-statements/statement-lines.service.ts';
import { accountCallsRoutes, complianceSettingsRoutes } from './compliance/compliance.routes.ts';
import { ComplianceService } from './compliance/compliance.service.ts';
import { accountDisputesRoutes, disputesRoutes } from './disputes/disputes.routes.ts';
import { DisputesService } from './disputes/disputes.service.ts';
import { factsRoutes } from './facts/facts.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { createWorkerHealth } from './health/worker-health.ts';
import { errorHandler, notFoundHandler } from './http/error-middleware.ts';
import { expectContinue } from './http/expect-continue.ts';
import { createLogger, type Logger } from './http/logger.ts';
import { requireJsonBodies } from './http/require-json.ts';
import { requireSameOrigin } from './http/same-origin.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountedRoutes, type MountedRoute } from './http/route-inventory.ts';
import { staticDesigner } from './http/static.ts';
import { refuseUnstorableInput } from './http/storable-input.ts';
import { optOutRoutes } from './optout/optout.routes.ts';
import { createPortalMailer } from './portal/code-mailer.ts';
import { PortalAccess } from './portal/portal-access.ts';
import { PortalRateLimits } from './portal/portal-rate-limit.ts';
import { portalVisitNotifier } from './portal/portal-visits.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { PortalArrangements } from './portal/portal-arrangements.ts';
import { paymentWebhookRoutes } from './portal/payments/payment-webhook.routes.ts';
import { PortalPaymentsService } from './portal/payments/portal-payments.service.ts';
import { createStripeProvider } from './portal/payments/stripe-provider.ts';
import type { PaymentProvider } from './portal/payments/payment-provider.ts';
import { OptOutService } from './optout/optout.service.ts';
import { kpisRoutes } from './kpis/kpis.routes.ts';
import { KpisService } from './kpis/kpis.service.ts';
import { importsRoutes, isPortfolioUpload } from './imports/imports.routes.ts';
import { ImportsService } from './imports/imports.service.ts';
import { createParsePool } from './imports/parse-pool.ts';
import { createStatementParsePool } from './bank-statements/statement-parse-pool.ts';
import { outboxRoutes } from './outbox/outbox.routes.ts';
import { OutboxService } from './outbox/outbox.service.ts';
import { paymentsRoutes } from './payments/payments.routes.ts';
import { paymentModelsRoutes } from './payment-models/payment-models.routes.ts';
import { PaymentModelsService } from './payment-models/payment-models.service.ts';
import { temporalTrainingRuns } from './payment-models/training-runs.ts';
import { accountPromisesRoutes } from './promises/promises.routes.ts';
import { PromisesService } from './promises/promises.service.ts';
import { PaymentsService } from './payments/payments.service.ts';
import { rulesRoutes } from './rules/rules.routes.ts';
import { accountScopeFilter, scopeToUser } from './shared/access-scope.ts';
import { RulesService } from './rules/rules.service.ts';
import { simulationsRoutes } from './simulations/simulations.routes.ts';
import { SimulationsService } from './simulations/simulations.service.ts';
import { strategyAssignmentsRoutes } from './strategies/assignments.routes.ts';
import { StrategyAssignmentsService } from './strategies/assignments.service.ts';
import { CohortMigrationService } from './strategies/cohort-migration.service.ts';
import { LiveOverlayService } from './strategies/live-overlay.service.ts';
import { strategiesRoutes, strategyVersionsRoutes } from './strategies/strategies.routes.ts';
import { StrategiesService } from './strategies/strategies.service.ts';
import { InboxService } from './tasks/inbox.service.ts';
import { tasksRoutes } from './tasks/tasks.routes.ts';
import { teamRoutes } from './team/team.routes.ts';
import { TeamService } from './team/team.service.ts';
import { TasksService } from './tasks/tasks.service.ts';
import { templatesRoutes } from './templates/templates.routes.ts';
import { TemplatesService } from './templates/templates.service.ts';
import { usersRoutes } from './users/users.routes.ts';
import { UsersService } from './users/users.service.ts';
import { errorMessage } from '@recoup/domain';
import { requestId } from './http/request-id.ts';
import { apiDocument } from './openapi/index.ts';

export interface AppDeps {
  orm: MikroORM;
  collections: CollectionClient;
  /** Starts and watches the reconciliation workflow of each imported bank statement. */
  reconciliations: ReconciliationClient;
  /** Has the collection workflows of each committed portfolio import started in the background. */
  importStarts: ImportStartsClient;
  config: RecoupConfig;
  logger?: Logger;
  /** The built designer; defaults to designer/dist of this repository. */
  staticDir?: string;
  /** The portal's payment provider; defaults to Stripe (or a Stripe-compatible server) from the configuration. */
  paymentProvider?: PaymentProvider | null;
  /** Sees every request first; the tests put the contract check (openapi/contract-check.ts) here. */
  inspect?: RequestHandler;
}

export type RecoupApp = Express & {
  /** Releases what the app holds besides the ORM (the pool behind sessions and the sign-in throttle). */
  close(): Promise<void>;
  /**
   * The HTTP server's 'checkContinue' listener: a client that expects 100 Continue before sending a portfolio
   * file hears it only once the import would read the file (see http/expect-continue.ts).
   */
  checkContinue: RequestListener;
};

const JSON_LIMIT = '1mb';
/** 100,000 statement lines of camt XML run to tens of megabytes. */
const STATEMENT_LIMIT = '200mb';
/** Sessions and sign-in counts are small, quick queries; a few connections serve them beside the ORM's pool. */
const AUTH_POOL_MAX = 5;
/** How often the account-event drainer looks for events left unsent (Temporal away, a process killed mid-signal). */
const ACCOUNT_EVENT_POLL_MS = 1_000;
const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../../designer/dist', import.meta.url));

/** Takes up unfinished imports now and then every `everyMs`; stop() waits for a round in progress. */
const resumeImportsEvery = (imports: ImportsService, logger: Logger, everyMs: number): { stop(): Promise<void> } => {
  let round: Promise<void> = Promise.resolve();
  const resume = (): void => {
    round = imports.resumeUnfinished().then(
      (resumed) => {
        if (resumed > 0) logger.info('handed unfinished imports to Temporal again', { resumed });
      },
      (error: unknown) => logger.error('could not look for unfinished imports', { error: errorMessage(error) }),
    );
  };
  resume();
  const timer = setInterval(resume, everyMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
};

export const createApp = (deps: AppDeps): RecoupApp => {
  const { orm, collections, config } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const databaseUrl = config.databaseUrl ?? String(orm.config.get('clientUrl'));

  const pool = new pg.Pool({ connectionString: databaseUrl, max: AUTH_POOL_MAX });
  // An idle connection that the server drops must not take the process down; the next query reconnects.
  pool.on('error', (error) => logger.error('auth database pool', { error: error.message }));
  const throttle = new SignInThrottle(pool, config.signIn);
  const auth = new AuthService(orm, throttle);
  const secret = sessionSecret(config.sessionSecret, logger);
  const sessions = createSessionMiddleware({ pool, secret, secureCookies: config.secureCookies, logger });
  const csrf = createCsrf({ secret, secureCookies: config.secureCookies });
  // Every account query made while serving a signed-in user is kept to their scope (see access-scope.ts).
  orm.em.addFilter(accountScopeFilter);
  const authenticated = [requireAuth(auth), scopeToUser(orm)];

  const app = express();
  app.disable('x-powered-by');
  // Behind an https reverse proxy the session cookie is Secure, which needs the proxy's X-Forwarded-Proto; the
  // client address that sign-in failures count against is then the one the proxy puts in X-Forwarded-For.
  if (config.secureCookies) app.set('trust proxy', 1);
  app.use(requestId);
  if (deps.inspect) app.use(deps.inspect);
  const provider = deps.paymentProvider !== undefined ? deps.paymentProvider : config.portal.payments ? createStripeProvider(config.portal.payments) : null;
  app.use(securityHeaders(config.secureCookies, provider?.checkoutOrigins ?? []));
  // The Temporal Web UI and CLI call the codec from outside the app: it has its own origin rules and no CSRF token
  // (temporal-codec.routes.ts says why), so it comes before the checks every other route goes through.
  app.use(
    '/api/admin/temporal-codec',
    temporalCodecRoutes({
      codec: config.temporal.payloadKeys ? new EncryptionCodec(config.temporal.payloadKeys) : null,
      uiUrl: config.temporal.uiUrl,
      publicOrigin: config.publicOrigin,
      admin: [sessions.middleware, ...authenticated, requireRole('admin')],
    }),
  );
  // Tells workflows of committed changes; its drainer also delivers what an earlier process left unsent.
  const accountEvents = createAccountEventOutbox({ orm, collections, logger });
  accountEvents.start(ACCOUNT_EVENT_POLL_MS);
  const portalPayments = provider ? new PortalPaymentsService(orm, provider, accountEvents, logger) : null;
  // Opened by collectors in the API and by debtors in the portal, the same way.
  const disputes = new DisputesService(orm, accountEvents);
  // The provider calls from its own servers, with a signature instead of an origin or a session.
  if (portalPayments) app.use('/webhooks/payments', paymentWebhookRoutes(portalPayments), notFoundHandler);
  app.use(requireSameOrigin(config.publicOrigin));

  // Read once all routes are mounted: the input check names a path parameter by the route it belongs to.
  let routes: readonly MountedRoute[] | null = null;
  const storableInput = refuseUnstorableInput(() => (routes ??= mountedRoutes(app)));

  // Public: the opt-out link in e-mails works without an account or a session.
  app.use('/optout', storableInput, optOutRoutes(new OptOutService(orm), senderName(config.mailFrom)), notFoundHandler);
  // Public: the debtor portal, entered by the signed link in every reminder; its own session, never a user's.
  const portalLimits = new PortalRateLimits(pool);
  const portalMailer = config.smtpUrl ? createPortalMailer(config.smtpUrl, config.mailFrom) : null;
  const portalAccess = new PortalAccess(
    orm,
    {
      // Without a configured key, links signed elsewhere cannot be checked here; the worker then signs none either.
      secret: config.portal.linkSecret ?? randomBytes(32).toString('hex'),
      codeMinutes: config.portal.codeMinutes,
      sessionMinutes: config.portal.sessionMinutes,
    },
    portalLimits,
    portalMailer,
  );
  app.use(
    '/portal',
    storableInput,
    portalRoutes({
      orm,
      access: portalAccess,
      limits: portalLimits,
      payments: portalPayments,
      arrangements: new PortalArrangements(orm, collections, accountEvents, logger),
      disputes,
      creditor: senderName(config.mailFrom),
      letterhead: creditorLetterhead(config),
      publicUrl: config.publicUrl,
      secureCookies: config.secureCookies,
      logger,
      onVisit: portalVisitNotifier(orm, accountEvents),
    }),
  );
  // Bank statements arrive as the files the bank sends: XML, SWIFT text, BAI2 or CSV.
  // Statement files are read as bytes: they are stored exactly as the bank wrote them, and decoded by the import.
  app.use('/api/bank-statements', express.raw({ type: ['text/*', 'application/xml', 'application/octet-stream'], limit: STATEMENT_LIMIT }));
  // Portfolio files are read by their routes, as a bounded stream handed to a worker thread (imports.routes.ts).
  app.use('/api', unless(isPortfolioUpload, express.json({ limit: JSON_LIMIT })), requireJsonBodies(['/imports/portfolio.csv', '/bank-statements']), storableInput);
  // A machine's request carries an API token instead of a session cookie and a CSRF token.
  const apiTokens = new ApiTokensService(orm);
  app.use('/api', tokenAuthentication(apiTokens, pool, config.apiTokenRequestsPerMinute));
  app.use('/api', unless(isTokenRequest, sessions.middleware), unless(isTokenRequest, csrf.protection));

  app.get('/api/openapi.json', (_req, res) => {
    res.json(apiDocument());
  });
  app.use('/api/health', healthRoutes(config, createWorkerHealth(() => collections.temporal, config.temporal.namespace, config.temporal.taskQueue)));
  app.use('/api/auth', authRoutes(auth, csrf));
  app.use('/api/facts', authenticated, factsRoutes());
  app.use('/api/templates', authenticated, templatesRoutes(new TemplatesService(orm, config.publicUrl)));
  app.use('/api/rules', authenticated, rulesRoutes(new RulesService(orm)));
  const parsing = createParsePool();
  const imports = new ImportsService(orm, deps.importStarts, config.imports.startWaitMs, logger);
  app.use('/api/imports', authenticated, importsRoutes(imports, parsing, config.imports));
  const resumer = resumeImportsEvery(imports, logger, config.imports.resumeEveryMs);
  app.use('/api/payments', authenticated, paymentsRoutes(new PaymentsService(orm, accountEvents)));
  const strategies = new StrategiesService(orm);
  app.use('/api/strategies', authenticated, strategiesRoutes(strategies));
  app.use(
    '/api/strategy-versions',
    authenticated,
    strategyVersionsRoutes(strategies, new CohortMigrationService(orm, collections), new LiveOverlayService(orm, collections)),
  );
  app.use('/api/strategy-assignments', authenticated, strategyAssignmentsRoutes(new StrategyAssignmentsService(orm)));
  app.use('/api/simulations', authenticated, simulationsRoutes(new SimulationsService(orm)));
  app.use('/api/tasks', authenticated, tasksRoutes(new TasksService(orm, collections, disputes), new InboxService(orm)));
  app.use('/api/accounts/:id/promises', authenticated, accountPromisesRoutes(new PromisesService(orm, collections, logger)));
  app.use('/api/accounts/:id/disputes', authenticated, accountDisputesRoutes(disputes));
  app.use('/api/disputes', authenticated, disputesRoutes(disputes));
  const statementParsing = createStatementParsePool();
  const bankStatements = new BankStatementsService(orm, deps.reconciliations, logger, statementParsing);
  app.use('/api/bank-statements', authenticated, bankStatementsRoutes(bankStatements));
  app.use('/api/statement-lines', authenticated, statementLinesRoutes(new StatementLinesService(orm, accountEvents)));
  app.use('/api/statement-mappings', authenticated, statementMappingsRoutes(bankStatements));
  const compliance = new ComplianceService(orm);
  app.use('/api/accounts/:id/calls', authenticated, accountCallsRoutes(compliance));
  app.use('/api/compliance-settings', authenticated, complianceSettingsRoutes(compliance));
  app.use('/api/accounts', authenticated, accountsRoutes(new AccountsService(orm, collections), new NotesService(orm)));
  app.use('/api/kpis', authenticated, kpisRoutes(new KpisService(orm)));
  const adminWorkflows = new AdminWorkflowsService(orm, collections, {
    uiUrl: config.temporal.uiUrl,
    namespace: config.temporal.namespace,
    // Without a configured secret, page tokens live as long as the process, like sessions.
    pageTokenSecret: config.sessionSecret ?? randomBytes(32).toString('hex'),
  });
  app.use('/api/admin/audit', authenticated, auditLogRoutes(new AuditLogService(orm)));
  const paymentModels = new PaymentModelsService(orm, temporalTrainingRuns(() => collections.temporal, config.temporal.taskQueue));
  app.use('/api/admin/payment-models', authenticated, paymentModelsRoutes(paymentModels));
  app.use('/api/admin/api-tokens', authenticated, apiTokensRoutes(apiTokens));
  app.use('/api/admin', authenticated, adminRoutes(adminWorkflows));
  app.use('/api/outbox', authenticated, outboxRoutes(new OutboxService(orm)));
  app.use('/api/team', authenticated, teamRoutes(new TeamService(orm)));
  app.use('/api/users', authenticated, usersRoutes(new UsersService(orm, throttle)));
  app.use('/api', notFoundHandler);

  const designer = staticDesigner(deps.staticDir ?? DEFAULT_STATIC_DIR);
  if (designer) app.use(designer);
  // Whatever the designer does not serve (a POST outside /api, or no build at all) gets the API's error shape.
  app.use(notFoundHandler);

  app.use(errorHandler(logger));

  const close = async (): Promise<void> => {
    await resumer.stop();
    await accountEvents.close();
    await sessions.close();
    await pool.end();
    await parsing.close();
    await statementParsing.close();
    portalMailer?.close();
  };
  return Object.assign(app, { close, checkContinue: expectContinue(app, isPortfolioUpload) });
};

const unless =
  (skip: (req: Parameters<RequestHandler>[0]) => boolean, handler: RequestHandler): RequestHandler =>
  (req, res, next) =>
    skip(req) ? next() : handler(req, res, next);
