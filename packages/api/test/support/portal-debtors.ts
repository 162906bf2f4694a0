import supertest from 'supertest';
import { Account, AppUser, Contact, Invoice, type MikroORM } from '@recoup/db';
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
