import type { PolicyBreach } from '@recoup/domain';
import { html, type Html } from './html.ts';
import { PLAN_FORM_MAX_INSTALLMENTS, type PortalOffer } from './portal-arrangements.ts';
import type { PortalTexts } from './portal-texts.ts';

/** What went wrong with the promise or plan form just sent, to show beside it. */
export interface ArrangementErrors {
  promise?: string[];
  plan?: string[];
}

/** A breach of the policy in the debtor's words: amounts as money, dates in their locale. */
export const breachText = (texts: PortalTexts, breach: PolicyBreach, currency: string): string => {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(breach.values)) {
    if (key.endsWith('Minor')) values[key.replace(/Minor$/, '')] = texts.money({ amountMinor: String(value), currency });
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) values[key] = texts.date(value);
    else values[key] = value;
  }
  return texts.t(`arrange.breach.${breach.code}`, values);
};

const errorList = (id: string, errors: string[] | undefined): Html =>
  errors && errors.length > 0 ? html`<div class="form-errors" id="${id}" role="alert"><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : html``;

const current = (texts: PortalTexts, offer: PortalOffer): Html => {
  const arrangement = offer.current;
  if (!arrangement) return html``;
  if (arrangement.kind === 'promise') {
    return html`<p class="notice">${texts.t('arrange.currentPromise', { amount: texts.money({ amountMinor: arrangement.amountMinor.toString(), currency: offer.currency }), date: texts.date(arrangement.dueDate) })}</p>`;
  }
  if (arrangement.kind === 'plan') {
    return html`<p class="notice">${arrangement.nextDueDate
      ? texts.t('arrange.currentPlan', { count: arrangement.installments, date: texts.date(arrangement.nextDueDate) })
      : texts.t('arrange.currentPlanDone', { count: arrangement.installments })}</p>`;
  }
  return html`<p class="notice">${texts.t('arrange.currentReview')}</p>`;
};

const promiseForm = (texts: PortalTexts, offer: PortalOffer, errors: string[] | undefined): Html => {
  const promise = offer.promise;
  if (!promise) return html``;
  const money = (minor: bigint) => texts.money({ amountMinor: minor.toString(), currency: offer.currency });
  const described = errors?.length ? 'promise-errors promise-amount-help' : 'promise-amount-help';
  return html`<form method="post" action="/portal/promise" id="promise-form" aria-labelledby="promise-heading">
<h3 id="promise-heading">${texts.t('arrange.promiseHeading')}</h3>
${errorList('promise-errors', errors)}
<label for="promise-date">${texts.t('arrange.promiseDate')}</label>
<input type="date" id="promise-date" name="dueDate" min="${offer.today}" max="${promise.latestDate}" required aria-describedby="promise-date-help">
<p class="muted" id="promise-date-help">${texts.t('arrange.promiseDateHelp', { latest: texts.date(promise.latestDate) })}</p>
<label for="promise-amount">${texts.t('arrange.promiseAmount', { currency: offer.currency })}</label>
<input type="text" id="promise-amount" name="amount" inputmode="decimal" autocomplete="off" required aria-describedby="${described}">
<p class="muted" id="promise-amount-help">${promise.minimumMinor >= offer.payableMinor
    ? texts.t('arrange.promiseAmountWhole', { payable: money(offer.payableMinor) })
    : texts.t('arrange.promiseAmountHelp', { minimum: money(promise.minimumMinor), payable: money(offer.payableMinor) })}</p>
<div class="actions"><button type="submit">${texts.t('arrange.promiseSubmit')}</button></div>
</form>`;
};

const planForm = (texts: PortalTexts, offer: PortalOffer, errors: string[] | undefined): Html => {
  const plan = offer.plan;
  if (!plan) return html``;
  const counts = Array.from({ length: PLAN_FORM_MAX_INSTALLMENTS - 1 }, (_, i) => i + 2);
  return html`<form method="post" action="/portal/plan" id="plan-form" aria-labelledby="plan-heading">
<h3 id="plan-heading">${texts.t('arrange.planHeading')}</h3>
${errorList('plan-errors', errors)}
<p class="muted" id="plan-help">${texts.t('arrange.planHelp', {
    max: plan.maxInstallments,
    minimum: texts.money({ amountMinor: plan.minimumInstallmentMinor.toString(), currency: offer.currency }),
    latest: texts.date(plan.latestFirstDate),
  })}</p>
<label for="plan-installments">${texts.t('arrange.planInstallments')}</label>
<select id="plan-installments" name="installments" aria-describedby="plan-help">${counts.map(
    (count) => html`<option value="${String(count)}"${count === Math.min(3, plan.maxInstallments) ? html` selected` : ''}>${texts.t('arrange.planInstallmentsOption', { count })}</option>`,
  )}</select>
<fieldset><legend>${texts.t('arrange.planInterval')}</legend>${plan.intervals.map(
    (days, index) => html`<label class="choice"><input type="radio" name="intervalDays" value="${String(days)}" id="plan-every-${String(days)}"${index === plan.intervals.length - 1 ? html` checked` : ''}> ${texts.t(`arrange.planEvery_${days}`)}</label>`,
  )}</fieldset>
<label for="plan-first">${texts.t('arrange.planFirst')}</label>
<input type="date" id="plan-first" name="firstDueDate" min="${offer.today}" required aria-describedby="plan-help">
<div class="actions"><button type="submit" class="secondary">${texts.t('arrange.planSubmit')}</button></div>
</form>`;
};

/** Promising a date or asking for a plan, within what the strategy lets the debtor arrange themselves. */
export const arrangementSection = (texts: PortalTexts, offer: PortalOffer | null, errors: ArrangementErrors = {}): Html => {
  const refused = [...(errors.promise ?? []), ...(errors.plan ?? [])];
  if (!offer) return html``;
  const offersSomething = offer.promise !== null || offer.plan !== null;
  if (!offer.current && !offersSomething && refused.length === 0) return html``;
  // With an arrangement in place, or none on offer, the forms are not shown, but a refusal still is.
  const body = offer.current || !offersSomething
    ? html`${errorList('arrange-errors', refused)}${current(texts, offer)}`
    : html`<p>${texts.t('arrange.intro')}</p>${promiseForm(texts, offer, errors.promise)}${planForm(texts, offer, errors.plan)}`;
  return html`<section aria-labelledby="arrange-heading"><h2 id="arrange-heading">${texts.t('arrange.heading')}</h2>
${body}
</section>`;
};
