import supertest from 'supertest';
import { Account, AppUser, checksumGraph, CollectionRun, Contact, Invoice, StrategyVersion, type MikroORM } from '@recoup/db';
import { signPortalToken } from '@recoup/workflows';

const DAY = 86_400_000;

export interface PortalDebtor {
  accountId: string;
  contactId: string;
}

export interface PortalInvoiceSeed {
  number: string;
  amountMinor: bigint;
  dueDate: string;
}

/** An account in euro with one e-mail contact and the given open invoices, assigned to the first collector. */
export const addPortalDebtor = async (
  orm: MikroORM,
  ref: string,
  name: string,
  contact: { name: string; email: string | null },
  invoices: PortalInvoiceSeed[],
): Promise<PortalDebtor> => {
  const em = orm.em.fork();
  const collector = await em.findOneOrFail(AppUser, { role: 'collector' }, { orderBy: { email: 'asc' } });
  const account = em.create(Account, {
    externalRef: ref,
    name,
    customerType: 'business',
    segment: 'standard',
    riskScore: null,
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    assignedCollector: collector,
  });
  const person = em.create(Contact, { account, name: contact.name, email: contact.email, phone: null, timeZone: 'Europe/Berlin', isPrimary: true, consentEmail: true });
  for (const invoice of invoices) {
    em.create(Invoice, { account, number: invoice.number, issueDate: '2026-10-01', dueDate: invoice.dueDate, currency: 'EUR', amountMinor: invoice.amountMinor, openMinor: invoice.amountMinor });
  }
  await em.flush();
  return { accountId: account.id, contactId: person.id };
};

/** A portal link for the debtor, signed with the secret, valid for a week unless told otherwise (negative: expired). */
export const portalLink = (secret: string, who: PortalDebtor, expiresInMs = 7 * DAY): string =>
  signPortalToken(secret, 'link', { ...who, expiresAt: new Date(Date.now() + expiresInMs) });

/** The portal's session cookie a response sets, with its attributes; null when it sets none. */
export const portalCookie = (response: supertest.Response): string | null => {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith('recoup_portal=') && !c.startsWith('recoup_portal=;')) ?? null;
};

/** Opens the portal with a link and answers the session cookie ("recoup_portal=…") to send on. */
export const enterPortal = async (app: Parameters<typeof supertest>[0], token: string): Promise<string> => {
  const opened = await supertest(app).get(`/portal/open/${token}`);
  const cookie = portalCookie(opened);
  if (opened.status !== 303 || !cookie) throw new Error(`the portal did not admit the link: ${opened.status}`);
  return cookie.split(';')[0] ?? '';
};

let policyVersions = 0;

/** Puts the account on a copy of the earliest published strategy whose graph carries the given portal policy. */
export const putOnPortalPolicy = async (orm: MikroORM, who: PortalDebtor, portal: Record<string, unknown>): Promise<void> => {
  const em = orm.em.fork();
  const [base] = await em.find(StrategyVersion, {}, { orderBy: { publishedAt: 'asc' }, limit: 1 });
  if (!base) throw new Error('the database has no published strategy');
  policyVersions += 1;
  const graph = { ...base.graph, portal };
  const version = em.create(StrategyVersion, {
    strategy: base.strategy,
    version: 1000 + policyVersions,
    graph: graph as never,
    checksum: checksumGraph(graph),
    publishedBy: null,
  });
  em.create(CollectionRun, { account: who.accountId, workflowId: `collection-${who.accountId}`, strategyVersion: version, armLabel: null, assigned: false, segment: 'standard', importBatch: null });
  await em.flush();
};
