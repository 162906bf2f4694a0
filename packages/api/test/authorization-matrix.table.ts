import { randomUUID } from 'node:crypto';
import type { AuthzFixtures } from './support/authz-fixtures.ts';

// Every object route of the API (a route with a parameter in its path, or one that takes an account id in its body
// or query), with who may use it and how to build a request for one fixture object. authorization-matrix.test.ts runs each row for every role against an object of
// their own and an object of someone else's, and fails when the app has an object route missing here.
//
// Adding a route: add one row. `owner` says whose objects the route reaches:
//   team    an account, or something hanging off one (task, dispute, payment), or a collector: a collector owns
//           what is assigned to them, a manager their team's, an admin everything. `request` gets the owner's id.
//   none    configuration nobody owns (templates, strategies, bank statements): only the role decides.
//   public  reached by an unguessable token without logging in; `why` says so.
//   debtor  a debtor portal page of one account, reached with the portal visit of that account's contact: another
//           account's object must look missing (404), and no visit is refused (401).
// `success: 'reached'` is for a route whose success needs state the matrix does not build (a line's payment to
// reverse): the allowed role must then pass authorization, answering neither 401, 403 nor 404.

export type MatrixRole = 'admin' | 'manager' | 'collector';

export interface RouteRequest {
  path: string;
  body?: unknown;
  /** Sent instead of JSON, as the route's content type expects. */
  text?: { body: string; contentType: string };
  headers?: Record<string, string>;
}

interface Common {
  /** "METHOD /path" exactly as the router has it. */
  route: string;
  success?: 'reached';
}

export type ObjectRoute =
  | (Common & { owner: 'team'; roles: readonly MatrixRole[]; request: (fx: AuthzFixtures, ownerId: string) => Promise<RouteRequest> })
  | (Common & { owner: 'none'; roles: readonly MatrixRole[]; request: (fx: AuthzFixtures) => Promise<RouteRequest> })
  | (Common & { owner: 'public'; why: string; request: (fx: AuthzFixtures) => Promise<RouteRequest>; unknown: RouteRequest })
  | (Common & { owner: 'debtor'; request: (fx: AuthzFixtures) => Promise<RouteRequest>; foreign: (fx: AuthzFixtures) => Promise<RouteRequest> });

const ALL: readonly MatrixRole[] = ['admin', 'manager', 'collector'];
const WRITERS: readonly MatrixRole[] = ['admin', 'manager'];
const ADMIN: readonly MatrixRole[] = ['admin'];

const onAccount = (suffix: string, body?: unknown) => async (fx: AuthzFixtures, ownerId: string): Promise<RouteRequest> => ({
  path: `/api/accounts/${(await fx.account(ownerId)).accountId}${suffix}`,
  ...(body === undefined ? {} : { body }),
});

const adminOnAccount = (suffix: string, body?: unknown) => async (fx: AuthzFixtures, ownerId: string): Promise<RouteRequest> => ({
  path: `/api/admin/accounts/${(await fx.account(ownerId)).accountId}${suffix}`,
  ...(body === undefined ? {} : { body }),
});

const tomorrow = (): string => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export const OBJECT_ROUTES: readonly ObjectRoute[] = [
  // Accounts and what hangs off them.
  { route: 'GET /api/accounts/:id', owner: 'team', roles: ALL, request: onAccount('') },
  { route: 'POST /api/accounts/:id/cease-communication', owner: 'team', roles: WRITERS, request: onAccount('/cease-communication', { reason: 'Debtor asked in writing' }) },
  { route: 'DELETE /api/accounts/:id/cease-communication', owner: 'team', roles: WRITERS, request: onAccount('/cease-communication', { reason: 'Debtor asked to be called' }) },
  { route: 'GET /api/accounts/:id/promises', owner: 'team', roles: ALL, request: onAccount('/promises') },
  {
    route: 'POST /api/accounts/:id/promises',
    owner: 'team',
    roles: ALL,
    request: async (fx, ownerId) => onAccount('/promises', { amount: { amountMinor: '1000', currency: 'EUR' }, dueDate: tomorrow() })(fx, ownerId),
  },
  { route: 'GET /api/accounts/:id/disputes', owner: 'team', roles: ALL, request: onAccount('/disputes') },
  {
    route: 'POST /api/accounts/:id/disputes',
    owner: 'team',
    roles: ALL,
    request: async (fx, ownerId) => {
      const { accountId, invoiceId } = await fx.account(ownerId);
      return { path: `/api/accounts/${accountId}/disputes`, body: { reason: 'Wrong amount', items: [{ invoiceId }] } };
    },
  },
  { route: 'GET /api/accounts/:id/calls', owner: 'team', roles: ALL, request: onAccount('/calls') },
  // Whether a call may be placed now depends on the debtor's clock (contact hours), so a refusal (422) still
  // shows the route was reached.
  { route: 'POST /api/accounts/:id/calls', owner: 'team', roles: ALL, success: 'reached', request: onAccount('/calls', { outcome: 'no-answer' }) },
  {
    route: 'POST /api/disputes/:id/resolve',
    owner: 'team',
    roles: WRITERS,
    request: async (fx, ownerId) => ({ path: `/api/disputes/${await fx.dispute(ownerId)}/resolve`, body: { resolution: 'invalid', note: 'Delivery note signed' } }),
  },
  {
    route: 'GET /api/disputes/:id/attachments/:attachmentId',
    owner: 'team',
    roles: ALL,
    request: async (fx, ownerId) => {
      const { disputeId, attachmentId } = await fx.disputeAttachment(ownerId);
      return { path: `/api/disputes/${disputeId}/attachments/${attachmentId}` };
    },
  },
  {
    route: 'POST /api/payments/:id/reverse',
    owner: 'team',
    roles: WRITERS,
    request: async (fx, ownerId) => ({ path: `/api/payments/${await fx.payment(ownerId)}/reverse`, body: { reason: 'Cheque bounced' } }),
  },
  { route: 'GET /api/admin/accounts/:id/history', owner: 'team', roles: ADMIN, request: async (fx, ownerId) => ({ path: `/api/admin/accounts/${(await fx.account(ownerId)).accountId}/history` }) },
  { route: 'GET /api/accounts/:id/timeline', owner: 'team', roles: ALL, request: onAccount('/timeline') },
  {
    route: 'GET /api/accounts/:id/communications/:communicationId',
    owner: 'team',
    roles: ALL,
    request: async (fx, ownerId) => {
      const { accountId, communicationId } = await fx.communication(ownerId);
      return { path: `/api/accounts/${accountId}/communications/${communicationId}` };
    },
  },
  { route: 'GET /api/accounts/:id/notes', owner: 'team', roles: ALL, request: onAccount('/notes') },
  { route: 'POST /api/accounts/:id/notes', owner: 'team', roles: ALL, request: onAccount('/notes', { body: 'Asked for a copy of the invoice.' }) },
  { route: 'GET /api/admin/accounts/:id/workflow', owner: 'team', roles: ADMIN, request: adminOnAccount('/workflow') },
  { route: 'GET /api/admin/accounts/:id/timeline', owner: 'team', roles: ADMIN, request: adminOnAccount('/timeline') },
  { route: 'POST /api/admin/accounts/:id/workflow/pause', owner: 'team', roles: ADMIN, request: adminOnAccount('/workflow/pause', { reason: 'Customer in talks with sales' }) },
  { route: 'POST /api/admin/accounts/:id/workflow/resume', owner: 'team', roles: ADMIN, request: adminOnAccount('/workflow/resume', { reason: 'Talks ended' }) },
  { route: 'POST /api/admin/accounts/:id/workflow/terminate', owner: 'team', roles: ADMIN, request: adminOnAccount('/workflow/terminate', { reason: 'Sold to an agency' }) },
  { route: 'GET /api/admin/accounts/:id/history.json', owner: 'team', roles: ADMIN, request: async (fx, ownerId) => ({ path: `/api/admin/accounts/${(await fx.account(ownerId)).accountId}/history.json` }) },

  // Account ids in the body: the matrix finds these routes by the account fields their validation names.
  {
    route: 'POST /api/payments',
    owner: 'team',
    roles: ALL,
    request: async (fx, ownerId) => ({
      path: '/api/payments',
      headers: { 'idempotency-key': `matrix-${randomUUID()}` },
      body: { accountId: (await fx.account(ownerId)).accountId, amount: { amountMinor: '1000', currency: 'EUR' } },
    }),
  },
  {
    route: 'POST /api/rules/evaluate',
    owner: 'team',
    roles: WRITERS,
    request: async (fx, ownerId) => ({
      path: '/api/rules/evaluate',
      body: { accountId: (await fx.account(ownerId)).accountId, condition: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] } },
    }),
  },
  {
    route: 'POST /api/simulations',
    owner: 'team',
    roles: WRITERS,
    request: async (fx, ownerId) => ({
      path: '/api/simulations',
      body: { strategyVersionId: (await fx.defaultStrategy()).versionId, accountIds: [(await fx.account(ownerId)).accountId], days: 5 },
    }),
  },
  {
    route: 'POST /api/templates/preview',
    owner: 'team',
    roles: WRITERS,
    request: async (fx, ownerId) => ({
      path: '/api/templates/preview',
      body: { accountId: (await fx.account(ownerId)).accountId, channel: 'email', subject: 'Your account', bodyText: 'Hello, this is a reminder.' },
    }),
  },
  {
    route: 'POST /api/team/accounts/reassign',
    owner: 'team',
    roles: WRITERS,
    request: async (fx, ownerId) => ({ path: '/api/team/accounts/reassign', body: { accountIds: [(await fx.account(ownerId)).accountId], collectorId: await fx.teamCollector() } }),
  },
  // Tasks.
  { route: 'GET /api/tasks/:id', owner: 'team', roles: ALL, request: async (fx, ownerId) => ({ path: `/api/tasks/${await fx.task(ownerId)}` }) },
  {
    route: 'POST /api/tasks/:id/complete',
    owner: 'team',
    roles: ALL,
    request: async (fx, ownerId) => ({ path: `/api/tasks/${await fx.task(ownerId)}/complete`, body: { outcome: 'no-contact' } }),
  },
  { route: 'GET /api/tasks/:id/call-check', owner: 'team', roles: ALL, request: async (fx, ownerId) => ({ path: `/api/tasks/${await fx.task(ownerId)}/call-check` }) },
  {
    route: 'POST /api/tasks/:id/release',
    owner: 'team',
    roles: ALL,
    // Only the assignee releases a task (409 for a manager on a collector's task: managers reassign instead).
    request: async (fx, ownerId) => ({ path: `/api/tasks/${await fx.task(ownerId)}/release` }),
    success: 'reached',
  },
  {
    route: 'POST /api/tasks/:id/claim',
    owner: 'team',
    roles: ALL,
    // The owner's task is already theirs, so claiming it again is a conflict (409), not a success; someone else's
    // must still answer 404, never 409, or the conflict would tell that the task exists.
    request: async (fx, ownerId) => ({ path: `/api/tasks/${await fx.task(ownerId)}/claim` }),
    success: 'reached',
  },

  // Team: the object is a collector on the manager's team.
  { route: 'PATCH /api/team/collectors/:id', owner: 'team', roles: WRITERS, request: async (_fx, ownerId) => ({ path: `/api/team/collectors/${ownerId}`, body: { capacity: 40 } }) },

  // Users: admins manage everyone.
  { route: 'PATCH /api/users/:id', owner: 'none', roles: ADMIN, request: async (fx) => ({ path: `/api/users/${await fx.spareUser()}`, body: { name: 'Renamed Collector' } }) },
  {
    route: 'POST /api/users/:id/password',
    owner: 'none',
    roles: ADMIN,
    request: async (fx) => ({ path: `/api/users/${await fx.spareUser()}/password`, body: { password: 'a new long password' } }),
  },
  { route: 'POST /api/users/:id/unlock-sign-in', owner: 'none', roles: ADMIN, request: async (fx) => ({ path: `/api/users/${await fx.spareUser()}/unlock-sign-in` }) },

  // API tokens: admins only.
  { route: 'DELETE /api/admin/api-tokens/:id', owner: 'none', roles: ADMIN, request: async (fx) => ({ path: `/api/admin/api-tokens/${await fx.apiToken()}` }) },

  // Payment prediction models: admins only. A stored model comes from a training run, which this matrix's fixtures
  // do not make, so each row sends a request that passes authorization and is then refused for what it carries (a
  // body without the field, or a run the harness's Temporal stand-in cannot reach): an admin must get past 401, 403
  // and 404, everyone else is refused with 403 first. payment-models.test.ts covers the successes.
  {
    route: 'GET /api/admin/payment-models/runs/:workflowId',
    owner: 'none',
    roles: ADMIN,
    request: async () => ({ path: `/api/admin/payment-models/runs/payment-model-training-admin-${randomUUID()}` }),
    success: 'reached',
  },
  { route: 'POST /api/admin/payment-models/:id/pin', owner: 'none', roles: ADMIN, request: async () => ({ path: `/api/admin/payment-models/${randomUUID()}/pin`, body: {} }), success: 'reached' },
  {
    route: 'POST /api/admin/payment-models/:id/activate',
    owner: 'none',
    roles: ADMIN,
    request: async () => ({ path: `/api/admin/payment-models/${randomUUID()}/activate`, body: { reason: '' } }),
    success: 'reached',
  },

  // Portfolio figures: one block of the managers' dashboards (the block name is the parameter, not an object).
  { route: 'GET /api/kpis/:block', owner: 'none', roles: WRITERS, request: async () => ({ path: '/api/kpis/aging' }) },

  // Configuration nobody owns.
  { route: 'GET /api/templates/:key', owner: 'none', roles: ALL, request: async (fx) => ({ path: `/api/templates/${await fx.templateKey()}` }) },
  { route: 'PUT /api/templates/:key', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/templates/${await fx.templateKey()}`, body: { name: 'Renamed template' } }) },
  { route: 'GET /api/strategies/:id', owner: 'none', roles: ALL, request: async (fx) => ({ path: `/api/strategies/${(await fx.defaultStrategy()).strategyId}` }) },
  { route: 'PUT /api/strategies/:id', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/strategies/${(await fx.defaultStrategy()).strategyId}`, body: { description: 'Edited' } }) },
  { route: 'POST /api/strategies/:id/publish', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/strategies/${(await fx.defaultStrategy()).strategyId}/publish` }) },
  { route: 'GET /api/strategies/:id/versions', owner: 'none', roles: ALL, request: async (fx) => ({ path: `/api/strategies/${(await fx.defaultStrategy()).strategyId}/versions` }) },
  { route: 'GET /api/strategy-versions/:id', owner: 'none', roles: ALL, request: async (fx) => ({ path: `/api/strategy-versions/${(await fx.defaultStrategy()).versionId}` }) },
  { route: 'GET /api/strategy-versions/:id/live', owner: 'none', roles: ALL, request: async (fx) => ({ path: `/api/strategy-versions/${(await fx.defaultStrategy()).versionId}/live` }) },
  {
    route: 'POST /api/strategy-versions/:id/migrate',
    owner: 'none',
    roles: WRITERS,
    request: async (fx) => {
      const { versionId } = await fx.defaultStrategy();
      return { path: `/api/strategy-versions/${versionId}/migrate`, body: { fromVersionId: versionId } };
    },
  },
  {
    route: 'PUT /api/strategy-assignments/:segment',
    owner: 'none',
    roles: WRITERS,
    request: async (fx) => ({ path: '/api/strategy-assignments/matrix', body: { splits: [{ strategyVersionId: (await fx.defaultStrategy()).versionId, percent: 100 }] } }),
  },
  { route: 'DELETE /api/strategy-assignments/:segment', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/strategy-assignments/${await fx.assignment()}` }) },
  {
    route: 'PUT /api/compliance-settings/:customerType',
    owner: 'none',
    roles: ADMIN,
    request: async () => ({
      path: '/api/compliance-settings/business',
      body: { contactStartMinutes: 480, contactEndMinutes: 1260, maxCallAttempts: 7, callWindowDays: 7, quietDaysAfterConversation: 7 },
    }),
  },
  { route: 'GET /api/imports/:id', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/imports/${await fx.importBatch()}` }) },
  { route: 'GET /api/imports/:id/raw', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/imports/${await fx.importBatch()}/raw` }) },
  { route: 'GET /api/outbox/:id', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/outbox/${await fx.outboxMessage()}` }) },

  // Bank statements hold every customer's payments; managers and admins work them.
  { route: 'GET /api/bank-statements/:id', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/bank-statements/${await fx.statement()}` }) },
  { route: 'GET /api/bank-statements/:id/lines', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/bank-statements/${await fx.statement()}/lines` }) },
  { route: 'POST /api/bank-statements/:id/reconcile', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/bank-statements/${await fx.statement()}/reconcile` }) },
  {
    route: 'POST /api/bank-statements/:id/release',
    owner: 'none',
    roles: WRITERS,
    request: async (fx) => ({ path: `/api/bank-statements/${await fx.unbalancedStatement()}/release`, body: { reason: 'Checked with the bank.' } }),
  },
  {
    route: 'POST /api/bank-statements/:id/reject',
    owner: 'none',
    roles: WRITERS,
    request: async (fx) => ({ path: `/api/bank-statements/${await fx.unbalancedStatement()}/reject`, body: { reason: 'Not our file.' } }),
  },
  { route: 'POST /api/statement-lines/:id/skip', owner: 'none', roles: WRITERS, request: async (fx) => ({ path: `/api/statement-lines/${await fx.statementLine('debit')}/skip`, body: { reason: 'Bank fee' } }) },
  {
    route: 'POST /api/statement-lines/:id/match',
    owner: 'none',
    roles: WRITERS,
    request: async (fx) => ({ path: `/api/statement-lines/${await fx.statementLine('credit')}/match`, body: { accountId: (await fx.account(null)).accountId } }),
  },
  {
    route: 'POST /api/statement-lines/:id/reverse',
    owner: 'none',
    roles: WRITERS,
    // Reversing needs a returned item (an R-transaction code) and its payment: beyond this matrix's fixtures.
    request: async (fx) => ({ path: `/api/statement-lines/${await fx.statementLine('debit')}/reverse`, body: { paymentId: randomUUID() } }),
    success: 'reached',
  },
  {
    route: 'PUT /api/statement-mappings/:name',
    owner: 'none',
    roles: WRITERS,
    request: async () => ({ path: '/api/statement-mappings/matrix-put', body: {
        hasHeader: true,
        columns: { valueDate: 'Date', amount: 'Amount' },
        currency: 'EUR',
        dateFormat: 'YYYY-MM-DD',
        decimalSeparator: '.',
        accountNumber: 'DE00PUT',
      },
    }),
  },

  // Public.
  {
    route: 'GET /optout/:token',
    owner: 'public',
    why: 'the opt-out link in e-mails works without an account; the token is a random UUID per contact',
    request: async (fx) => ({ path: `/optout/${await fx.optOutToken()}` }),
    unknown: { path: `/optout/${randomUUID()}` },
  },
  {
    route: 'POST /optout/:token',
    owner: 'public',
    why: 'the opt-out link in e-mails works without an account; the token is a random UUID per contact',
    request: async (fx) => ({ path: `/optout/${await fx.optOutToken()}` }),
    unknown: { path: `/optout/${randomUUID()}` },
  },
  {
    route: 'GET /portal/open/:token',
    owner: 'public',
    success: 'reached',
    why: 'the portal link in reminders works without an account; the token is signed for one account and contact',
    request: async (fx) => ({ path: `/portal/open/${await fx.portalToken()}` }),
    unknown: { path: `/portal/open/${'A'.repeat(94)}` },
  },
  {
    route: 'GET /portal/invoices/:file',
    owner: 'debtor',
    request: async (fx) => {
      const { cookie, invoiceId } = await fx.portalVisit();
      return { path: `/portal/invoices/${invoiceId}.pdf`, headers: { Cookie: cookie } };
    },
    foreign: async (fx) => {
      const { cookie } = await fx.portalVisit();
      return { path: `/portal/invoices/${(await fx.account(null)).invoiceId}.pdf`, headers: { Cookie: cookie } };
    },
  },
];
