import type { FilterQuery } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  Account,
  Allocation,
  CollectorTask,
  Communication,
  Contact,
  Invoice,
  InvoicePrediction,
  type IInvoicePrediction,
  Payment,
  PaymentPromise,
  calledContact,
  contactZones,
  loadAccountPredictions,
  loadComplianceSettings,
  type IAccount,
  type ICommunication,
} from '@recoup/db';
import { agingBucket, checkContactTime, describeReason, describeRecentPayments, type PredictionReason, type ContactWindow, daysPastDue, type DebtorZones, errorMessage, isErrorNamed, wallClockAt } from '@recoup/domain';
import type {
  AccountDetail,
  CommunicationBody,
  CommunicationView,
  DecisionTimeline,
  AccountListQuery,
  AccountSummary,
  CeaseCommunicationRequest,
  CeaseCommunicationView,
  InvoicePredictionView,
  Money,
  Page,
  ResumeCommunicationRequest,
} from '@recoup/contracts';
import { decisionTimelineFromJson, type CollectionClient } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { NotFoundError } from '../errors.ts';
import { disputeViewsOf } from '../disputes/account-disputes.ts';
import { toPromiseView } from '../promises/promise-view.ts';
import { accessScope, accessibleAccount, accountFilter } from '../shared/access-scope.ts';
import { noteViewsOf } from './notes.service.ts';
import { toTaskView } from '../tasks/task-view.ts';


const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const sumByCurrency = (rows: { currency: string; openMinor: bigint }[]): Money[] => {
  const totals = new Map<string, bigint>();
  for (const row of rows) totals.set(row.currency, (totals.get(row.currency) ?? 0n) + row.openMinor);
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, total]) => ({ amountMinor: total.toString(), currency }));
};

export class AccountsService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;

  constructor(orm: MikroORM, collections: CollectionClient) {
    this.#orm = orm;
    this.#collections = collections;
  }

  async list(user: AuthUser, query: AccountListQuery): Promise<Page<AccountSummary>> {
    const em = this.#orm.em.fork();
    const conditions: FilterQuery<IAccount>[] = [accountFilter(await accessScope(em, user))];
    if (query.assignee === 'me') conditions.push({ assignedCollector: user.id });
    else if (query.assignee === 'none') conditions.push({ assignedCollector: null });
    else if (query.assignee) conditions.push({ assignedCollector: query.assignee });
    if (query.q) {
      const pattern = likePattern(query.q);
      conditions.push({ $or: [{ name: { $ilike: pattern } }, { externalRef: { $ilike: pattern } }] });
    }
    const [accounts, total] = await em.findAndCount(Account, { $and: conditions }, {
      orderBy: { name: 'asc', id: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    const open = accounts.length
      ? await em.find(
          Invoice,
          { account: { $in: accounts.map((a) => a.id) }, status: 'open' },
          { fields: ['account', 'currency', 'openMinor'] },
        )
      : [];
    return {
      items: accounts.map((account) => ({
        ...summary(account),
        balance: sumByCurrency(open.filter((invoice) => invoice.account.id === account.id)),
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(id: string, user: AuthUser, now = new Date()): Promise<AccountDetail> {
    const em = this.#orm.em.fork();
    const account = await accessibleAccount(em, user, id);
    // Sequential on purpose: one EntityManager runs one query at a time.
    const contacts = await em.find(Contact, { account: id }, { orderBy: { isPrimary: 'desc', createdAt: 'asc' } });
    const invoices = await em.find(Invoice, { account: id }, { orderBy: { dueDate: 'asc', number: 'asc' } });
    const predictions = new Map((await em.find(InvoicePrediction, { accountId: id })).map((p) => [p.invoiceId, p]));
    const predicted = (await loadAccountPredictions(em, [id])).get(id) ?? null;
    const payments = await em.find(Payment, { account: id }, { orderBy: { receivedAt: 'desc' } });
    const communications = await em.find(Communication, { account: id }, { orderBy: { createdAt: 'desc' }, limit: 200 });
    const tasks = await em.find(CollectorTask, { account: id }, { orderBy: { createdAt: 'desc' } });
    const promises = await em.find(PaymentPromise, { account: id }, { orderBy: { dueDate: 'asc', createdAt: 'asc', id: 'asc' } });
    const disputes = await disputeViewsOf(em, id);
    const notes = await noteViewsOf(em, id);
    const settings = await loadComplianceSettings(em, account.customerType);
    const zonesOf = new Map<string, DebtorZones>();
    for (const c of contacts) zonesOf.set(c.id, await contactZones(c, account.timeZone, settings.contactWindow));
    const called = await calledContact(em, id);
    const callZones = (called && zonesOf.get(called.id)) || (await contactZones(null, account.timeZone, settings.contactWindow));
    const allocations = payments.length
      ? await em.find(Allocation, { payment: { $in: payments.map((p) => p.id) } }, { orderBy: { createdAt: 'asc' } })
      : [];
    let workflow: unknown = null;
    let workflowError: string | undefined;
    try {
      workflow = await this.#collections.state(id);
    } catch (error) {
      // The page stays useful when Temporal is down; it says why the workflow part is missing.
      workflowError = `The workflow service did not answer: ${errorMessage(error)}`;
    }
    return {
      account: summary(account),
      contacts: contacts.map((c) => ({
        id: c.id,
        name: c.name,
        email: c.email ?? null,
        phone: c.phone ?? null,
        timeZone: c.timeZone ?? null,
        zones: zonesOf.get(c.id) ?? callZones,
        isPrimary: c.isPrimary,
        postalAddress: c.postalAddress ?? null,
        consent: { email: c.consentEmail, sms: c.consentSms, phone: c.consentPhone, letter: c.consentLetter },
        optedOut: {
          email: c.emailOptedOutAt?.toISOString() ?? null,
          sms: c.smsOptedOutAt?.toISOString() ?? null,
          letter: c.letterOptedOutAt?.toISOString() ?? null,
        },
      })),
      invoices: invoices.map((invoice) => {
        const days = daysPastDue(String(invoice.dueDate), now, account.timeZone);
        return {
          id: invoice.id,
          number: invoice.number,
          issueDate: String(invoice.issueDate),
          dueDate: String(invoice.dueDate),
          amount: { amountMinor: invoice.amountMinor.toString(), currency: invoice.currency },
          open: { amountMinor: invoice.openMinor.toString(), currency: invoice.currency },
          status: invoice.status,
          daysPastDue: days,
          agingBucket: invoice.status === 'open' ? agingBucket(days).key : 'closed',
          prediction: invoice.status === 'open' ? predictionView(predictions.get(invoice.id)) : null,
        };
      }),
      payments: payments.map((p) => ({
        id: p.id,
        amount: { amountMinor: p.amountMinor.toString(), currency: p.currency },
        unallocated: { amountMinor: p.unallocatedMinor.toString(), currency: p.currency },
        receivedAt: p.receivedAt.toISOString(),
        reference: p.reference,
        payerName: p.payerName ?? null,
        allocations: allocations
          .filter((a) => a.payment.id === p.id)
          .map((a) => ({ id: a.id, invoiceId: a.invoice.id, amountMinor: a.amountMinor.toString() })),
      })),
      communications: communications.map(toCommunicationView),
      tasks: tasks.map((t) => toTaskView(t, account.name)),
      promises: promises.map(toPromiseView),
      disputes,
      notes,
      debtorLocalTime: debtorLocalTime(now, callZones, called?.id ?? null, settings.contactWindow),
      balance: sumByCurrency(invoices.filter((i) => i.status === 'open')),
      prediction: predicted && {
        riskScore: predicted.riskScore,
        lateProbability: predicted.lateProbability,
        predictedDaysLate: predicted.predictedDaysLate,
        predictedPayDate: predicted.predictedPayDate,
        recent: predicted.recent && describeRecentPayments(predicted.recent),
        confidence: predicted.confidence,
      },
      workflow,
      ...(workflowError !== undefined ? { workflowError } : {}),
    };
  }

  /** One message as it was rendered for the debtor, to read on the account page. */
  async communication(accountId: string, communicationId: string, user: AuthUser): Promise<CommunicationBody> {
    const em = this.#orm.em.fork();
    await accessibleAccount(em, user, accountId);
    const c = await em.findOne(Communication, { id: communicationId, account: accountId });
    if (!c) throw new NotFoundError('communication');
    return {
      ...toCommunicationView(c),
      bodyText: c.bodyText,
      bodyHtml: c.bodyHtml ?? null,
    };
  }

  /**
   * Why the workflow did what it did, read from its history. The page stays useful without it, so a missing
   * workflow or an unreachable Temporal is said in words rather than failing the request.
   */
  async timeline(accountId: string, user: AuthUser): Promise<DecisionTimeline> {
    await accessibleAccount(this.#orm.em.fork(), user, accountId);
    let raw: unknown;
    try {
      raw = await this.#collections.rawHistory(accountId);
    } catch (error) {
      if (isErrorNamed(error, 'WorkflowNotFoundError')) {
        return { steps: [], unavailable: 'No collection workflow has run for this account yet.' };
      }
      return { steps: [], unavailable: 'The workflow service did not answer, so the decisions cannot be shown now. Try again shortly.' };
    }
    try {
      return { steps: decisionTimelineFromJson(raw), unavailable: null };
    } catch {
      return { steps: [], unavailable: 'The workflow history could not be read.' };
    }
  }

  /**
   * Records the debtor's request to cease communication (FDCPA 805(c)). The reminder activity reads the flag at
   * each send, so no reminder on any channel goes out from the moment this commits; the workflow itself goes on.
   * Repeating the request changes nothing and is not audited again.
   */
  async ceaseCommunication(id: string, input: CeaseCommunicationRequest, user: AuthUser, now = new Date()): Promise<CeaseCommunicationView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const account = await accessibleAccount(em, user, id, { lock: true });
      if (!account.ceaseCommunication) {
        account.ceaseCommunication = true;
        account.ceaseCommunicationAt = now;
        await em.flush();
        await audit(em, {
          actorId: user.id,
          action: 'account.cease-communication',
          entity: 'account',
          entityId: account.id,
          details: { reason: input.reason },
        });
      }
      return ceaseView(account);
    });
  }

  /** Lifts a cease-communication request, e.g. when the debtor asks to be contacted again. */
  async resumeCommunication(id: string, input: ResumeCommunicationRequest, user: AuthUser): Promise<CeaseCommunicationView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const account = await accessibleAccount(em, user, id, { lock: true });
      if (account.ceaseCommunication) {
        const since = account.ceaseCommunicationAt?.toISOString() ?? null;
        account.ceaseCommunication = false;
        account.ceaseCommunicationAt = null;
        await em.flush();
        await audit(em, {
          actorId: user.id,
          action: 'account.cease-communication-cleared',
          entity: 'account',
          entityId: account.id,
          details: { since, ...(input.reason !== undefined ? { reason: input.reason } : {}) },
        });
      }
      return ceaseView(account);
    });
  }
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The debtor's clock in every zone the contact a call reaches may be in; within hours only when in all of them. */
function debtorLocalTime(now: Date, zones: DebtorZones, contactId: string | null, window: ContactWindow): AccountDetail['debtorLocalTime'] {
  const clocks = zones.zones.map((timeZone) => {
    const clock = wallClockAt(now, timeZone);
    return { timeZone, date: clock.date, time: hhmm(clock.minutes), withinContactHours: checkContactTime(now, timeZone, window).allowed };
  });
  const [first] = clocks;
  if (!first) throw new Error('A debtor is always judged in at least one time zone.');
  return {
    ...first,
    withinContactHours: clocks.every((c) => c.withinContactHours),
    zones: clocks,
    contactId,
    explanation: zones.explanation,
    contactHours: { start: hhmm(window.startMinutes), end: hhmm(window.endMinutes) },
  };
}

const ceaseView = (account: IAccount): CeaseCommunicationView => ({
  accountId: account.id,
  ceaseCommunication: account.ceaseCommunication,
  ceaseCommunicationAt: account.ceaseCommunicationAt?.toISOString() ?? null,
});

const summary = (account: IAccount): Omit<AccountSummary, 'balance'> => ({
  id: account.id,
  externalRef: account.externalRef,
  name: account.name,
  customerType: account.customerType,
  segment: account.segment,
  currency: account.currency,
  timeZone: account.timeZone,
  riskScore: account.riskScore ?? null,
  assignedCollectorId: account.assignedCollector?.id ?? null,
  ceaseCommunication: account.ceaseCommunication,
  ceaseCommunicationAt: account.ceaseCommunicationAt?.toISOString() ?? null,
});

const toCommunicationView = (c: ICommunication): CommunicationView => ({
  id: c.id,
  channel: c.channel,
  direction: c.direction,
  templateKey: c.templateKey,
  toAddress: c.toAddress,
  subject: c.subject,
  status: c.status,
  reason: c.reason ?? null,
  createdAt: c.createdAt.toISOString(),
  sentAt: c.sentAt?.toISOString() ?? null,
  hasBody: c.bodyText !== '' || (c.bodyHtml ?? '') !== '',
});

// Doubles may come back from the driver as text.
const percent = (share: number | string) => Math.round(100 * Number(share));

/** An open invoice's stored prediction as the account page shows it, the reasons in words. */
function predictionView(p: IInvoicePrediction | undefined): InvoicePredictionView | null {
  if (!p) return null;
  const reasons = (p.reasons ?? []) as unknown as PredictionReason[];
  return {
    asOf: String(p.asOf),
    lateProbability: percent(p.lateProbability),
    veryLateProbability: percent(p.veryLateProbability),
    payDate: String(p.payDate),
    payDateLow: String(p.payDateLow),
    payDateHigh: String(p.payDateHigh),
    daysLate: p.daysLate,
    confidence: p.confidence,
    reasons: reasons.map((r) => ({ feature: r.feature, text: describeReason(r), effect: r.effect })),
  };
}
