import type { Response, Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Invoice } from '@recoup/db';
import { isRecoupError } from '@recoup/domain';
import type { DisputesService } from '../disputes/disputes.service.ts';
import { STATUS_OF_KIND } from '../http/error-middleware.ts';
import { portalPolicyFor } from './portal-arrangements.ts';
import { auditPortal } from './portal-audit.ts';
import { errorPage } from './portal-entry.pages.ts';
import { checkDisputeForm, DisputeFormRefused, readDisputeForm, type DisputeFormProblem } from './portal-dispute-upload.ts';
import type { PortalTexts } from './portal-texts.ts';
import type { PortalVisitor } from './portal-visitor.ts';

export interface PortalDisputeDeps {
  orm: MikroORM;
  disputes: DisputesService;
  /** The creditor's name, as the debtor knows them from the reminders. */
  creditor: string;
}

interface VisitorLocals {
  visitor: PortalVisitor;
  texts: PortalTexts;
}

/** The refusals of DisputesService that a debtor can meet, by error code, as message keys under dispute.errors. */
const SERVICE_REFUSALS: Readonly<Record<string, string>> = {
  // Another account's invoice, or one paid or cancelled since the page was shown.
  'dispute-invalid': 'invoiceNotOpen',
  // A second submit of the same form, or an invoice a collector put under dispute meanwhile.
  'invoice-already-disputed': 'invoiceAlreadyDisputed',
  'dispute-refused': 'refused',
};

/** The index of the requested item a service error names ("items.2.invoiceId"), if it names one. */
const itemIndexOf = (details: unknown): number | null => {
  const path = (details as { fields?: { path?: unknown }[] } | undefined)?.fields?.[0]?.path;
  const index = typeof path === 'string' ? /^items\.(\d+)\./.exec(path)?.[1] : undefined;
  return index === undefined ? null : Number(index);
};

/**
 * POST /portal/disputes: the debtor queries some of their open invoices, with a reason and optionally one file
 * (a PDF, PNG or JPEG of at most 10 MiB). Registered behind requireVisitor, so it only ever sees the visitor's own
 * account. A refused form renders the error page in the debtor's language, naming the field and why, and stores
 * nothing; an accepted one is written in one transaction and the account's workflow told after commit.
 */
export const portalDisputeRoutes = (router: Router, deps: PortalDisputeDeps): void => {
  const sendError = (res: Response, status: number, messages: readonly string[]): void => {
    const { texts } = res.locals as VisitorLocals;
    res.status(status).type('html').set('Cache-Control', 'no-store').send(errorPage(texts, deps.creditor, messages.join(' '), true));
  };
  const problemText = (texts: PortalTexts, problem: DisputeFormProblem): string => texts.t(`dispute.errors.${problem.key}`, problem.values ?? {});
  /** A refused form is an action too: the audit log keeps who sent what, and why nothing was stored. */
  const refuse = async (res: Response, visitor: PortalVisitor, status: number, problems: readonly DisputeFormProblem[], messages: readonly string[]) => {
    await deps.orm.em.fork().transactional((em) =>
      auditPortal(em, visitor, 'dispute-refused', { status, problems: problems.map((p) => ({ field: p.field, reason: p.key, ...(p.values ? { values: p.values } : {}) })) }),
    );
    sendError(res, status, messages);
  };

  /** The number of the visitor's own invoice with this id, to name it in a refusal; null for any other. */
  const ownInvoiceNumber = async (visitor: PortalVisitor, invoiceId: string | undefined): Promise<string | null> => {
    if (!invoiceId) return null;
    const invoice = await deps.orm.em.fork().findOne(Invoice, { id: invoiceId, account: visitor.accountId }, { fields: ['number'] });
    return invoice?.number ?? null;
  };

  router.post('/disputes', async (req, res) => {
    const { visitor, texts } = res.locals as VisitorLocals;
    // The strategy may keep disputes out of the portal; then no form is shown, and a form sent anyway is not read.
    if (!(await portalPolicyFor(deps.orm.em.fork(), visitor.accountId)).disputes.enabled) {
      req.resume();
      await refuse(res, visitor, 403, [{ field: 'form', key: 'notOffered' }], [texts.t('dispute.errors.notOffered')]);
      return;
    }
    let form;
    try {
      form = await checkDisputeForm(await readDisputeForm(req));
    } catch (error) {
      if (!(error instanceof DisputeFormRefused)) throw error;
      await refuse(res, visitor, error.status, error.problems, error.problems.map((p) => problemText(texts, p)));
      return;
    }
    try {
      await deps.disputes.openFromPortal(visitor, { reason: form.reason, items: form.invoiceIds.map((invoiceId) => ({ invoiceId })) }, form.attachment);
    } catch (error) {
      const key = isRecoupError(error) ? SERVICE_REFUSALS[error.code] : undefined;
      if (!isRecoupError(error) || key === undefined) throw error;
      const index = itemIndexOf(error.details);
      const number = index === null ? null : await ownInvoiceNumber(visitor, form.invoiceIds[index]);
      const problem: DisputeFormProblem = { field: 'invoice', key, ...(number ? { values: { number } } : {}) };
      await refuse(res, visitor, STATUS_OF_KIND[error.kind], [problem], [texts.t(`dispute.errors.${key}`, number ? { context: 'numbered', number } : {})]);
      return;
    }
    res.redirect(303, '/portal?notice=disputed');
  });
};
