import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Contact } from '@recoup/db';
import { renderInvoicePdf, renderStatementPdf, supportedLanguages, type PdfCreditor } from '@recoup/documents';
import { STATUS_OF_KIND, knownError, retryAfterOf } from '../http/error-middleware.ts';
import type { Logger } from '../http/logger.ts';
import { parseTypedAmount } from './amount-input.ts';
import { clearPortalCookie, cookieValue, PORTAL_COOKIE, setPortalCookie } from './portal-cookie.ts';
import { auditPortal } from './portal-audit.ts';
import type { PortalAccess, PortalEntry } from './portal-access.ts';
import { checkoutDonePage } from './portal-checkout.pages.ts';
import { codeFormPage, errorPage, expiredLinkPage, invalidLinkPage, limitedPage, visitEndedPage } from './portal-entry.pages.ts';
import { overviewPage } from './portal-overview.page.ts';
import { loadChannelChoices, MESSAGE_MAX_CHARS, saveChannelChoices, sendMessageToCollector } from './portal-contact.ts';
import { breachText, type ArrangementErrors } from './portal-arrangements.page.ts';
import { PLAN_FORM_MAX_INSTALLMENTS, PLAN_INTERVALS, type PortalArrangements } from './portal-arrangements.ts';
import type { PortalRateLimits } from './portal-rate-limit.ts';
import { portalDisputeRoutes } from './portal-disputes.ts';
import type { DisputesService } from '../disputes/disputes.service.ts';
import { loadPortalStatement, type PortalStatement } from './portal-statement.ts';
import { portalTexts, requestLocale, type PortalTexts } from './portal-texts.ts';
import type { PortalVisitor } from './portal-visitor.ts';
import { PORTAL_PAYMENT_METHODS, type PortalPaymentMethod } from './payments/payment-provider.ts';
import type { PaymentChoice, PortalPaymentsService } from './payments/portal-payments.service.ts';

export interface PortalRouteDeps {
  orm: MikroORM;
  access: PortalAccess;
  limits: PortalRateLimits;
  /** Null when no payment provider is configured: the portal then shows bank details only. */
  payments: PortalPaymentsService | null;
  /** Promises and plans the debtor makes; null keeps the portal to paying and downloading. */
  arrangements: PortalArrangements | null;
  /** Disputes the debtor opens on their own invoices, with a file they send (portal-disputes.ts). */
  disputes: DisputesService;
  /** The creditor's name, as the debtor knows them from the reminders. */
  creditor: string;
  /** Who the debtor pays, as statements and invoice copies print it. */
  letterhead: PdfCreditor;
  /** Base URL the provider sends the debtor back to. */
  publicUrl: string;
  secureCookies: boolean;
  logger: Logger;
  /** Told once per admission (a link opened, a code entered), so the account's workflow hears of the visit. */
  onVisit(visitor: PortalVisitor): Promise<void>;
  now?: () => Date;
}

interface PortalLocals {
  visitor: PortalVisitor;
  texts: PortalTexts;
}

const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;
const field = (req: Request, name: string): string => {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};
const fields = (req: Request, name: string): string[] => {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
};

const locals = (res: Response): PortalLocals => res.locals as PortalLocals;

/**
 * The debtor portal: entry by a signed link (or a one-time code once the link has expired), then the account's
 * own pages. Everything is rate-limited per client address, every action is audited with the contact, and every
 * query is bound to the one account the session names.
 */
export const portalRoutes = (deps: PortalRouteDeps): Router => {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const entryTexts = (req: Request): PortalTexts => portalTexts(requestLocale(req, null));
  const sendPage = (res: Response, status: number, page: string): void => {
    res.status(status).type('html').set('Cache-Control', 'no-store').send(page);
  };

  router.use(async (req, res, next) => {
    const limit = await deps.limits.request(req.ip);
    if (limit.allowed) {
      next();
      return;
    }
    res.set('Retry-After', String(limit.retryAfterSeconds));
    sendPage(res, 429, limitedPage(entryTexts(req), deps.creditor, limit.retryAfterSeconds));
  });
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 500 }));

  const admit = async (req: Request, res: Response, entry: PortalEntry, via: 'link' | 'code', token: string): Promise<void> => {
    const texts = entryTexts(req);
    switch (entry.status) {
      case 'admitted': {
        setPortalCookie(res, entry.session, deps.secureCookies, deps.access.sessionMs);
        const em = deps.orm.em.fork();
        await auditPortal(em, entry.visitor, 'visited', { via });
        await deps.onVisit(entry.visitor);
        res.redirect(303, '/portal');
        return;
      }
      case 'expired':
        sendPage(res, 401, expiredLinkPage(texts, deps.creditor, token, entry.maskedEmail));
        return;
      case 'invalid':
        sendPage(res, 404, invalidLinkPage(texts, deps.creditor));
        return;
      case 'limited':
        res.set('Retry-After', String(entry.retryAfterSeconds));
        sendPage(res, 429, limitedPage(texts, deps.creditor, entry.retryAfterSeconds));
        return;
    }
  };

  router.get('/open/:token', async (req, res) => {
    const token = req.params.token;
    if (!TOKEN.test(token)) {
      sendPage(res, 404, invalidLinkPage(entryTexts(req), deps.creditor));
      return;
    }
    await admit(req, res, await deps.access.openLink(token, now()), 'link', token);
  });

  router.post('/code', async (req, res) => {
    const token = field(req, 'token');
    const texts = entryTexts(req);
    if (!TOKEN.test(token)) {
      sendPage(res, 404, invalidLinkPage(texts, deps.creditor));
      return;
    }
    const sent = await deps.access.sendCode(token, now(), (code, minutes) => ({
      subject: texts.t('codeMail.subject', { creditor: deps.creditor }),
      text: texts.t('codeMail.text', { code, minutes }),
    }));
    switch (sent.status) {
      case 'sent':
        sendPage(res, 200, codeFormPage(texts, deps.creditor, { token, maskedEmail: sent.maskedEmail, minutes: deps.access.codeMinutes }));
        return;
      case 'no-email':
        sendPage(res, 200, expiredLinkPage(texts, deps.creditor, token, null));
        return;
      case 'invalid':
        sendPage(res, 404, invalidLinkPage(texts, deps.creditor));
        return;
      case 'limited':
        res.set('Retry-After', String(sent.retryAfterSeconds));
        sendPage(res, 429, limitedPage(texts, deps.creditor, sent.retryAfterSeconds));
        return;
    }
  });

  router.post('/code/check', async (req, res) => {
    const token = field(req, 'token');
    if (!TOKEN.test(token)) {
      sendPage(res, 404, invalidLinkPage(entryTexts(req), deps.creditor));
      return;
    }
    const checked = await deps.access.checkCode(token, field(req, 'code').slice(0, 20), now());
    if (checked.status === 'wrong-code') {
      sendPage(res, 400, codeFormPage(entryTexts(req), deps.creditor, { token, maskedEmail: null, minutes: deps.access.codeMinutes, triesLeft: checked.triesLeft }));
      return;
    }
    await admit(req, res, checked, 'code', token);
  });

  // Everything below is the visitor's own account.
  const requireVisitor: RequestHandler = async (req, res, next) => {
    const found = await deps.access.visitor(cookieValue(req, PORTAL_COOKIE), now());
    if (!found) {
      clearPortalCookie(res, deps.secureCookies);
      sendPage(res, 401, visitEndedPage(entryTexts(req), deps.creditor));
      return;
    }
    setPortalCookie(res, found.session, deps.secureCookies, deps.access.sessionMs);
    Object.assign(res.locals, { visitor: found.visitor, texts: portalTexts(requestLocale(req, found.visitor.storedLocale)) } satisfies PortalLocals);
    next();
  };
  router.use(requireVisitor);
  portalDisputeRoutes(router, deps);

  const NOTICES: Record<string, string> = {
    cancelled: 'checkout.cancelled',
    promised: 'arrange.notices.promised',
    'plan-accepted': 'arrange.notices.planAccepted',
    'plan-review': 'arrange.notices.planReview',
    'preferences-saved': 'contact.notices.preferencesSaved',
    'message-sent': 'contact.notices.messageSent',
    disputed: 'dispute.notice',
  };
  const sendOverview = async (res: Response, status: number, notice: string | undefined, arrangeErrors?: ArrangementErrors, messageError?: string): Promise<void> => {
    const { visitor, texts } = locals(res);
    const statement = await loadPortalStatement(deps.orm.em.fork(), visitor.accountId, visitor.contactId, now());
    if (!statement) {
      sendPage(res, 401, visitEndedPage(texts, deps.creditor));
      return;
    }
    const offer = deps.arrangements ? await deps.arrangements.offer(visitor, now()) : null;
    sendPage(
      res,
      status,
      overviewPage(texts, statement, {
        creditor: deps.creditor,
        contactName: visitor.contactName,
        onlinePayment: deps.payments !== null,
        bank: deps.letterhead,
        notice,
        offer,
        ...(arrangeErrors ? { arrangeErrors } : {}),
        contact: { choices: await loadChannelChoices(deps.orm.em.fork(), visitor), ...(messageError ? { error: messageError } : {}) },
      }),
    );
  };

  router.get('/', async (req, res) => {
    const key = typeof req.query.notice === 'string' ? NOTICES[req.query.notice] : undefined;
    await sendOverview(res, 200, key ? locals(res).texts.t(key) : undefined);
  });

  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  const validDate = (text: string): boolean => ISO_DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

  router.post('/promise', async (req, res) => {
    const { visitor, texts } = locals(res);
    if (!deps.arrangements) {
      res.redirect(303, '/portal');
      return;
    }
    const dueDate = field(req, 'dueDate').trim();
    if (!validDate(dueDate)) {
      await sendOverview(res, 400, undefined, { promise: [texts.t('arrange.dateInvalid')] });
      return;
    }
    const offer = await deps.arrangements.offer(visitor, now());
    let amountMinor: bigint;
    try {
      amountMinor = parseTypedAmount(field(req, 'amount').slice(0, 40), offer.currency, texts.locale);
    } catch {
      await sendOverview(res, 400, undefined, { promise: [texts.t('errors.codes.validation-failed')] });
      return;
    }
    const answer = await deps.arrangements.promise(visitor, amountMinor, dueDate, now());
    if (answer.status === 'refused') {
      await sendOverview(res, 400, undefined, { promise: answer.breaches.map((b) => breachText(texts, b, offer.currency)) });
      return;
    }
    res.redirect(303, '/portal?notice=promised');
  });

  router.post('/preferences', async (req, res) => {
    const { visitor } = locals(res);
    await saveChannelChoices(deps.orm, visitor, new Set(fields(req, 'channel')), now());
    res.redirect(303, '/portal?notice=preferences-saved');
  });

  router.post('/message', async (req, res) => {
    const { visitor, texts } = locals(res);
    const sent = await sendMessageToCollector(deps.orm, visitor, field(req, 'message').slice(0, MESSAGE_MAX_CHARS + 1), now());
    switch (sent.status) {
      case 'sent':
        res.redirect(303, '/portal?notice=message-sent');
        return;
      case 'empty':
        await sendOverview(res, 400, undefined, undefined, texts.t('contact.messageEmpty'));
        return;
      case 'too-long':
        await sendOverview(res, 400, undefined, undefined, texts.t('contact.messageTooLong', { max: MESSAGE_MAX_CHARS }));
        return;
      case 'limited':
        await sendOverview(res, 429, undefined, undefined, texts.t('contact.messageLimited'));
        return;
    }
  });

  router.post('/plan', async (req, res) => {
    const { visitor, texts } = locals(res);
    if (!deps.arrangements) {
      res.redirect(303, '/portal');
      return;
    }
    const installments = Number(field(req, 'installments'));
    const intervalDays = Number(field(req, 'intervalDays'));
    const firstDueDate = field(req, 'firstDueDate').trim();
    const problems: string[] = [];
    if (!Number.isInteger(installments) || installments < 2 || installments > PLAN_FORM_MAX_INSTALLMENTS) problems.push(texts.t('arrange.installmentsInvalid'));
    if (!(PLAN_INTERVALS as readonly number[]).includes(intervalDays)) problems.push(texts.t('arrange.intervalInvalid'));
    if (!validDate(firstDueDate)) problems.push(texts.t('arrange.dateInvalid'));
    if (problems.length > 0) {
      await sendOverview(res, 400, undefined, { plan: problems });
      return;
    }
    const answer = await deps.arrangements.plan(visitor, { installments, intervalDays, firstDueDate }, now());
    if (answer.status === 'refused') {
      const { currency } = await deps.arrangements.offer(visitor, now());
      await sendOverview(res, 400, undefined, { plan: answer.breaches.map((b) => breachText(texts, b, currency)) });
      return;
    }
    res.redirect(303, answer.status === 'accepted' ? '/portal?notice=plan-accepted' : '/portal?notice=plan-review');
  });

  const sendPdf = (res: Response, fileName: string, file: Buffer): void => {
    res.status(200).type('application/pdf').set({ 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="${fileName}"` }).send(file);
  };
  const recipientOf = (statement: PortalStatement) => ({ name: statement.contact.name, postalAddress: statement.contact.postalAddress });
  const safeFileName = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);

  router.get('/statement.pdf', async (_req, res) => {
    const { visitor, texts } = locals(res);
    const statement = await loadPortalStatement(deps.orm.em.fork(), visitor.accountId, visitor.contactId, now());
    if (!statement) {
      sendPage(res, 401, visitEndedPage(texts, deps.creditor));
      return;
    }
    const file = await renderStatementPdf({ ...statement, creditor: deps.letterhead, recipient: recipientOf(statement) }, texts.locale);
    await auditPortal(deps.orm.em.fork(), visitor, 'statement-downloaded');
    sendPdf(res, `statement-${safeFileName(statement.account.ref)}-${statement.asOf}.pdf`, file);
  });

  // Only an invoice of the visitor's own account, open or paid within the statement's year, is found.
  router.get('/invoices/:file', async (req, res) => {
    const { visitor, texts } = locals(res);
    const id = /^([0-9a-f-]{36})\.pdf$/i.exec(req.params.file)?.[1];
    const statement = id ? await loadPortalStatement(deps.orm.em.fork(), visitor.accountId, visitor.contactId, now()) : null;
    const open = statement?.open.find((invoice) => invoice.id === id);
    const paid = statement?.recentlyPaid.find((invoice) => invoice.id === id);
    const invoice = open ?? (paid ? { ...paid, open: { amountMinor: '0', currency: paid.amount.currency }, disputedMinor: '0' } : undefined);
    if (!statement || !invoice) {
      sendPage(res, 404, errorPage(texts, deps.creditor, texts.t('errors.invoiceNotFound'), true));
      return;
    }
    const file = await renderInvoicePdf({ creditor: deps.letterhead, recipient: recipientOf(statement), account: statement.account, invoice, asOf: statement.asOf }, texts.locale);
    await auditPortal(deps.orm.em.fork(), visitor, 'invoice-downloaded', { invoice: invoice.number });
    sendPdf(res, `invoice-${safeFileName(invoice.number)}.pdf`, file);
  });

  router.post('/language', async (req, res) => {
    const { visitor } = locals(res);
    const language = field(req, 'language');
    if (supportedLanguages().includes(language)) {
      const em = deps.orm.em.fork();
      await em.nativeUpdate(Contact, { id: visitor.contactId, account: visitor.accountId }, { locale: language });
      await auditPortal(em, visitor, 'language-chosen', { language });
    }
    res.redirect(303, '/portal');
  });

  router.post('/pay', async (req, res) => {
    const { visitor, texts } = locals(res);
    if (!deps.payments) {
      res.redirect(303, '/portal');
      return;
    }
    const method = field(req, 'method') as PortalPaymentMethod;
    const chosenMethod: PortalPaymentMethod = PORTAL_PAYMENT_METHODS.includes(method) ? method : 'card';
    let choice: PaymentChoice;
    if (field(req, 'kind') === 'amount') {
      const statement = await loadPortalStatement(deps.orm.em.fork(), visitor.accountId, visitor.contactId, now());
      choice = { kind: 'amount', amountMinor: parseTypedAmount(field(req, 'amount').slice(0, 40), statement?.account.currency ?? 'EUR', texts.locale) };
    } else {
      choice = { kind: 'invoices', invoiceIds: fields(req, 'invoice').slice(0, 200) };
    }
    const base = deps.publicUrl.replace(/\/+$/, '');
    const url = await deps.payments.startCheckout(
      visitor,
      choice,
      chosenMethod,
      { successUrl: `${base}/portal/checkout/done?session_id={CHECKOUT_SESSION_ID}`, cancelUrl: `${base}/portal?notice=cancelled` },
      texts.language,
      now(),
    );
    res.redirect(303, url);
  });

  router.get('/checkout/done', async (req, res) => {
    const { visitor, texts } = locals(res);
    const sessionId = typeof req.query.session_id === 'string' ? req.query.session_id.slice(0, 200) : '';
    const checkout = deps.payments && sessionId ? await deps.payments.checkoutStatus(visitor, sessionId) : null;
    if (!checkout) {
      res.redirect(303, '/portal');
      return;
    }
    const paid = checkout.status === 'paid' ? { amount: texts.money({ amountMinor: checkout.amountMinor.toString(), currency: checkout.currency.trim() }) } : null;
    sendPage(res, 200, checkoutDonePage(texts, deps.creditor, sessionId, paid));
  });

  router.post('/sign-out', async (_req, res) => {
    const { visitor, texts } = locals(res);
    await auditPortal(deps.orm.em.fork(), visitor, 'left');
    clearPortalCookie(res, deps.secureCookies);
    sendPage(res, 200, visitEndedPage(texts, deps.creditor));
  });

  // A debtor gets a page in their language with what went wrong, never a JSON body or a stack.
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = knownError(deps.logger, error, req);
    const texts = (res.locals as Partial<PortalLocals>).texts ?? entryTexts(req);
    const translated = texts.t(`errors.codes.${known.code}`, { defaultValue: '' });
    const retryAfter = retryAfterOf(known);
    if (retryAfter !== null) res.set('Retry-After', String(retryAfter));
    sendPage(res, STATUS_OF_KIND[known.kind], errorPage(texts, deps.creditor, translated || known.message, (res.locals as Partial<PortalLocals>).visitor !== undefined));
  });

  return router;
};
