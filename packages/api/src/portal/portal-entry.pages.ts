import { html } from './html.ts';
import { portalPage } from './portal-layout.ts';
import type { PortalTexts } from './portal-texts.ts';

// The pages before the debtor is in: a link that is not valid, one that expired, the code form, a pause after too
// many tries, and the end of a visit. None of them says whose account a link was for.

export const invalidLinkPage = (texts: PortalTexts, creditor: string): string =>
  portalPage(texts, { creditor, title: texts.t('entry.invalid.title'), body: html`<section><p>${texts.t('entry.invalid.body')}</p></section>` });

export const expiredLinkPage = (texts: PortalTexts, creditor: string, token: string, maskedEmail: string | null): string =>
  portalPage(texts, {
    creditor,
    title: texts.t('entry.expired.title'),
    body: maskedEmail
      ? html`<section><p>${texts.t('entry.expired.body', { email: maskedEmail })}</p>
<form method="post" action="/portal/code"><input type="hidden" name="token" value="${token}"><button type="submit">${texts.t('entry.expired.send')}</button></form></section>`
      : html`<section><p>${texts.t('entry.expired.noEmail')}</p></section>`,
  });

export interface CodeFormState {
  token: string;
  maskedEmail: string | null;
  minutes: number;
  /** Set after a wrong code: how many tries that code has left. */
  triesLeft?: number;
}

export const codeFormPage = (texts: PortalTexts, creditor: string, state: CodeFormState): string => {
  const problem =
    state.triesLeft === undefined
      ? null
      : state.triesLeft > 0
        ? texts.t('entry.code.wrong', { count: state.triesLeft })
        : texts.t('entry.code.spent');
  return portalPage(texts, {
    creditor,
    title: texts.t('entry.code.title'),
    body: html`<section>
${state.maskedEmail ? html`<p>${texts.t('entry.code.sent', { email: state.maskedEmail, minutes: state.minutes })}</p>` : ''}
${problem ? html`<p class="error" role="alert" id="code-problem">${problem}</p>` : ''}
<form method="post" action="/portal/code/check">
<input type="hidden" name="token" value="${state.token}">
<label for="code">${texts.t('entry.code.label')}</label>
<input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,8}" maxlength="8" required${problem ? html` aria-describedby="code-problem"` : ''}>
<div class="actions"><button type="submit">${texts.t('entry.code.submit')}</button></div>
</form>
<form method="post" action="/portal/code"><input type="hidden" name="token" value="${state.token}"><button class="secondary" type="submit">${texts.t('entry.code.resend')}</button></form>
</section>`,
  });
};

export const limitedPage = (texts: PortalTexts, creditor: string, retryAfterSeconds: number): string =>
  portalPage(texts, {
    creditor,
    title: texts.t('entry.limited.title'),
    body: html`<section><p>${texts.t('entry.limited.body', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })}</p></section>`,
  });

export const visitEndedPage = (texts: PortalTexts, creditor: string): string =>
  portalPage(texts, { creditor, title: texts.t('entry.ended.title'), body: html`<section><p>${texts.t('entry.ended.body')}</p></section>` });

export const errorPage = (texts: PortalTexts, creditor: string, message: string, inside: boolean): string =>
  portalPage(texts, {
    creditor,
    title: texts.t('errors.title'),
    body: html`<section><p class="error" role="alert">${message}</p>${inside ? html`<p><a href="/portal">${texts.t('errors.back')}</a></p>` : ''}</section>`,
  });
