import { html, type Html } from './html.ts';
import { ATTACHMENT_ACCEPT, limitText, MAX_REASON_CHARS } from './portal-dispute-upload.ts';
import type { PortalStatement } from './portal-statement.ts';
import type { PortalTexts } from './portal-texts.ts';

/**
 * The form to query invoices: the open invoices no dispute covers yet, a reason and optionally one file. Nothing
 * when every open invoice is already under review (or none is open).
 */
export const disputeSection = (texts: PortalTexts, statement: PortalStatement): Html => {
  const disputable = statement.open.filter((invoice) => BigInt(invoice.disputedMinor) === 0n);
  if (disputable.length === 0) return html``;
  return html`<section aria-labelledby="dispute-heading"><h2 id="dispute-heading">${texts.t('dispute.heading')}</h2>
<p class="muted">${texts.t('dispute.intro')}</p>
<form method="post" action="/portal/disputes" enctype="multipart/form-data" id="dispute-form">
<fieldset><legend>${texts.t('dispute.invoicesLegend')}</legend>${disputable.map(
    (invoice) => html`<label class="choice" for="dispute-invoice-${invoice.id}"><input type="checkbox" name="invoice" value="${invoice.id}" id="dispute-invoice-${invoice.id}"> ${texts.t('dispute.invoiceOption', {
      number: invoice.number,
      amount: texts.money(invoice.open),
      due: texts.date(invoice.dueDate),
    })}</label>`,
  )}</fieldset>
<label for="dispute-reason">${texts.t('dispute.reasonLabel')}</label>
<textarea id="dispute-reason" name="reason" rows="5" maxlength="${String(MAX_REASON_CHARS)}" required aria-describedby="dispute-reason-help"></textarea>
<p class="muted" id="dispute-reason-help">${texts.t('dispute.reasonHelp', { max: MAX_REASON_CHARS })}</p>
<label for="dispute-attachment">${texts.t('dispute.attachmentLabel')}</label>
<input type="file" id="dispute-attachment" name="attachment" accept="${ATTACHMENT_ACCEPT}" aria-describedby="dispute-attachment-help">
<p class="muted" id="dispute-attachment-help">${texts.t('dispute.attachmentHelp', { limit: limitText() })}</p>
<div class="actions"><button type="submit">${texts.t('dispute.submit')}</button></div>
</form></section>`;
};
