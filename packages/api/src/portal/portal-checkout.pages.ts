import { html } from './html.ts';
import { portalPage } from './portal-layout.ts';
import type { PortalTexts } from './portal-texts.ts';

/**
 * Where the provider sends the debtor back. The webhook usually lands within seconds; until it has, the page says
 * the payment is being confirmed and offers to look again (no timed refresh, which screen readers handle badly).
 */
export const checkoutDonePage = (texts: PortalTexts, creditor: string, sessionId: string, paid: { amount: string } | null): string =>
  portalPage(texts, {
    creditor,
    languageSwitch: true,
    title: texts.t('checkout.doneTitle'),
    body: html`<section>
<p class="${paid ? 'notice' : ''}" role="status">${paid ? texts.t('checkout.paid', { amount: paid.amount }) : texts.t('checkout.pending')}</p>
<div class="actions">${paid ? '' : html`<a class="button secondary" href="/portal/checkout/done?session_id=${encodeURIComponent(sessionId)}">${texts.t('checkout.checkAgain')}</a>`}<a class="button" href="/portal">${texts.t('checkout.back')}</a></div></section>`,
  });
