import { formatIban } from '@recoup/documents';
import { html, type Html } from './html.ts';
import { arrangementSection, type ArrangementErrors } from './portal-arrangements.page.ts';
import type { PortalOffer } from './portal-arrangements.ts';
import { disputeSection } from './portal-dispute.page.ts';
import { contactSection, type ChannelChoice } from './portal-contact.ts';
import { portalPage } from './portal-layout.ts';
import type { PortalOpenInvoice, PortalStatement } from './portal-statement.ts';
import type { PortalTexts } from './portal-texts.ts';

export interface OverviewOptions {
  creditor: string;
  contactName: string;
  /** False when no payment provider is configured: the page then shows how to pay by transfer only. */
  onlinePayment: boolean;
  bank: { iban: string | null; bic: string | null };
  /** A one-line message after an action (a cancelled checkout, a saved preference). */
  notice?: string;
  /** What the debtor may arrange themselves (promise, plan); null when the portal offers neither. */
  offer?: PortalOffer | null;
  arrangeErrors?: ArrangementErrors;
  /** The debtor's channels, and what was wrong with a message they just tried to send. */
  contact?: { choices: ChannelChoice[]; error?: string };
}

const minor = (value: string): bigint => BigInt(value);

const statusOf = (texts: PortalTexts, invoice: PortalOpenInvoice): string => {
  if (minor(invoice.disputedMinor) > 0n) return texts.t('invoices.disputed');
  return invoice.daysOverdue > 0 ? texts.t('invoices.overdue', { count: invoice.daysOverdue }) : texts.t('invoices.notDue');
};

const summary = (texts: PortalTexts, statement: PortalStatement): Html => {
  if (statement.open.length === 0) return html`<section><p>${texts.t('overview.nothingOpen')}</p></section>`;
  return html`<section aria-labelledby="due-heading"><h2 id="due-heading">${texts.t('overview.payable')}</h2>${statement.totals.map(
    (total) => html`<p class="total">${texts.money({ amountMinor: total.payableMinor, currency: total.currency })}</p>
${minor(total.overdueMinor) > 0n ? html`<p class="muted">${texts.t('overview.overdueShare', { amount: texts.money({ amountMinor: total.overdueMinor, currency: total.currency }) })}</p>` : ''}
${minor(total.openMinor) > minor(total.payableMinor)
  ? html`<p class="muted">${texts.t('overview.disputedNote', { amount: texts.money({ amountMinor: (minor(total.openMinor) - minor(total.payableMinor)).toString(), currency: total.currency }) })}</p>`
  : ''}`,
  )}</section>`;
};

const openInvoices = (texts: PortalTexts, statement: PortalStatement, selectable: boolean): Html =>
  html`<table class="stack"><caption class="muted">${texts.t('pay.chooseHint')}</caption>
<thead><tr>${selectable ? html`<th scope="col"><span class="muted">✓</span></th>` : ''}<th scope="col">${texts.t('invoices.number')}</th><th scope="col">${texts.t('invoices.due')}</th><th scope="col" class="num">${texts.t('invoices.amount')}</th><th scope="col" class="num">${texts.t('invoices.open')}</th><th scope="col">${texts.t('invoices.status')}</th><th scope="col">${texts.t('invoices.pdf')}</th></tr></thead>
<tbody>${statement.open.map((invoice) => {
    const payable = minor(invoice.open.amountMinor) - minor(invoice.disputedMinor) > 0n;
    return html`<tr>
${selectable ? html`<td data-label="${texts.t('invoices.select', { number: invoice.number })}">${payable ? html`<input type="checkbox" name="invoice" value="${invoice.id}" id="pay-${invoice.id}" aria-label="${texts.t('invoices.select', { number: invoice.number })}">` : ''}</td>` : ''}
<td data-label="${texts.t('invoices.number')}">${invoice.number}</td>
<td data-label="${texts.t('invoices.due')}">${texts.date(invoice.dueDate)}</td>
<td data-label="${texts.t('invoices.amount')}" class="num">${texts.money(invoice.amount)}</td>
<td data-label="${texts.t('invoices.open')}" class="num">${texts.money(invoice.open)}</td>
<td data-label="${texts.t('invoices.status')}">${statusOf(texts, invoice)}</td>
<td data-label="${texts.t('invoices.pdf')}"><a href="/portal/invoices/${invoice.id}.pdf" aria-label="${texts.t('invoices.pdfLabel', { number: invoice.number })}">${texts.t('invoices.pdf')}</a></td>
</tr>`;
  })}</tbody></table>`;

const methodChoice = (texts: PortalTexts, idPrefix: string): Html =>
  html`<fieldset><legend>${texts.t('pay.method')}</legend>
<label class="choice"><input type="radio" name="method" value="card" id="${idPrefix}-card" checked> ${texts.t('pay.card')}</label>
<label class="choice"><input type="radio" name="method" value="bank_transfer" id="${idPrefix}-bank"> ${texts.t('pay.bankTransfer')}</label>
</fieldset>`;

const payByTransfer = (texts: PortalTexts, statement: PortalStatement, options: OverviewOptions): Html =>
  options.bank.iban
    ? html`<p>${texts.t('pay.byTransfer')}</p><p><strong>${texts.t('pay.bankDetails', { iban: formatIban(options.bank.iban), bic: options.bank.bic ?? '', ref: statement.account.ref })}</strong></p>`
    : html``;

const paySection = (texts: PortalTexts, statement: PortalStatement, options: OverviewOptions): Html => {
  if (statement.open.length === 0) return html``;
  if (!options.onlinePayment) {
    return html`<section aria-labelledby="open-heading"><h2 id="open-heading">${texts.t('invoices.openHeading')}</h2>${openInvoices(texts, statement, false)}
<p class="muted">${texts.t('pay.unavailable')}</p>${payByTransfer(texts, statement, options)}</section>`;
  }
  const total = statement.totals.find((t) => t.currency === statement.account.currency);
  return html`<section aria-labelledby="open-heading"><h2 id="open-heading">${texts.t('invoices.openHeading')}</h2>
<form method="post" action="/portal/pay" id="pay-invoices">
<input type="hidden" name="kind" value="invoices">
${openInvoices(texts, statement, true)}
${methodChoice(texts, 'invoices')}
<div class="actions"><button type="submit">${texts.t('pay.selected')}</button></div>
</form></section>
${total && minor(total.payableMinor) > 0n
  ? html`<section aria-labelledby="amount-heading"><h2 id="amount-heading">${texts.t('pay.amountHeading')}</h2>
<form method="post" action="/portal/pay" id="pay-amount">
<input type="hidden" name="kind" value="amount">
<label for="amount">${texts.t('pay.amountLabel', { currency: total.currency })}</label>
<input type="text" id="amount" name="amount" inputmode="decimal" autocomplete="off" required aria-describedby="amount-help">
<p class="muted" id="amount-help">${texts.t('pay.amountHelp', { amount: texts.money({ amountMinor: total.payableMinor, currency: total.currency }) })}</p>
${methodChoice(texts, 'amount')}
<div class="actions"><button type="submit">${texts.t('pay.submitAmount')}</button></div>
</form>${payByTransfer(texts, statement, options)}</section>`
  : ''}`;
};

const paidInvoices = (texts: PortalTexts, statement: PortalStatement): Html =>
  html`<section aria-labelledby="paid-heading"><h2 id="paid-heading">${texts.t('invoices.paidHeading')}</h2>${
    statement.recentlyPaid.length === 0
      ? html`<p class="muted">${texts.t('invoices.nonePaid')}</p>`
      : html`<table class="stack"><thead><tr><th scope="col">${texts.t('invoices.number')}</th><th scope="col">${texts.t('invoices.issued')}</th><th scope="col" class="num">${texts.t('invoices.amount')}</th><th scope="col">${texts.t('invoices.paidOn')}</th><th scope="col">${texts.t('invoices.pdf')}</th></tr></thead>
<tbody>${statement.recentlyPaid.map(
          (invoice) => html`<tr><td data-label="${texts.t('invoices.number')}">${invoice.number}</td><td data-label="${texts.t('invoices.issued')}">${texts.date(invoice.issueDate)}</td><td data-label="${texts.t('invoices.amount')}" class="num">${texts.money(invoice.amount)}</td><td data-label="${texts.t('invoices.paidOn')}">${invoice.paidOn ? texts.date(invoice.paidOn) : ''}</td><td data-label="${texts.t('invoices.pdf')}"><a href="/portal/invoices/${invoice.id}.pdf" aria-label="${texts.t('invoices.pdfLabel', { number: invoice.number })}">${texts.t('invoices.pdf')}</a></td></tr>`,
        )}</tbody></table>`
  }</section>`;

const payments = (texts: PortalTexts, statement: PortalStatement): Html =>
  html`<section aria-labelledby="payments-heading"><h2 id="payments-heading">${texts.t('payments.heading')}</h2>${
    statement.payments.length === 0
      ? html`<p class="muted">${texts.t('payments.none')}</p>`
      : html`<table class="stack"><thead><tr><th scope="col">${texts.t('payments.date')}</th><th scope="col">${texts.t('payments.reference')}</th><th scope="col" class="num">${texts.t('payments.amount')}</th><th scope="col">${texts.t('payments.allocation')}</th></tr></thead>
<tbody>${statement.payments.map(
          (payment) => html`<tr><td data-label="${texts.t('payments.date')}">${texts.date(payment.receivedAt.slice(0, 10))}</td><td data-label="${texts.t('payments.reference')}">${payment.reference}</td><td data-label="${texts.t('payments.amount')}" class="num">${texts.money(payment.amount)}</td>
<td data-label="${texts.t('payments.allocation')}">${payment.allocations.map((a) => html`${a.invoiceNumber}: ${texts.money({ amountMinor: a.amountMinor, currency: payment.amount.currency })}<br>`)}${
            minor(payment.unallocatedMinor) > 0n ? texts.t('payments.unallocated', { amount: texts.money({ amountMinor: payment.unallocatedMinor, currency: payment.amount.currency }) }) : ''
          }</td></tr>`,
        )}</tbody></table>`
  }</section>`;

/** The debtor's own account: what is due, paying it, and what has been paid and how it was applied. */
export const overviewPage = (texts: PortalTexts, statement: PortalStatement, options: OverviewOptions): string =>
  portalPage(texts, {
    creditor: options.creditor,
    languageSwitch: true,
    title: texts.t('overview.title', { name: options.contactName }),
    body: html`<p class="muted">${texts.t('overview.account', { ref: statement.account.ref, account: statement.account.name })}</p>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
${summary(texts, statement)}
${paySection(texts, statement, options)}
${arrangementSection(texts, options.offer ?? null, options.arrangeErrors)}
${options.offer?.policy.disputes.enabled === false ? '' : disputeSection(texts, statement)}
${options.contact ? contactSection(texts, options.contact.choices, options.contact.error) : ''}
${paidInvoices(texts, statement)}
${payments(texts, statement)}
<section><p><a href="/portal/statement.pdf">${texts.t('statement.link')}</a></p>
<form method="post" action="/portal/sign-out"><button class="secondary" type="submit">${texts.t('layout.signOut')}</button></form></section>`,
  });
