import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Account, Payment, PortalCheckout, type IPortalCheckout } from '@recoup/db';
import { recordAccountChange, type AccountEventOutbox } from '@recoup/workflows';
import { errorMessage } from '@recoup/domain';
import { ApiError, BusinessRuleError, InvalidInputError } from '../../errors.ts';
import type { Logger } from '../../http/logger.ts';
import { recordIncomingPayment } from '../../payments/record-incoming.ts';
import { auditPortal } from '../portal-audit.ts';
import { loadPortalStatement } from '../portal-statement.ts';
import type { PortalVisitor } from '../portal-visitor.ts';
import type { PaymentProvider, PortalPaymentMethod, ProviderEvent } from './payment-provider.ts';

/** What the debtor chose to pay: some of their open invoices, or an amount against the account. */
export type PaymentChoice = { kind: 'invoices'; invoiceIds: string[] } | { kind: 'amount'; amountMinor: bigint };

export interface CheckoutUrls {
  successUrl: string;
  cancelUrl: string;
}

/** What a provider's confirmation came to, as the webhook answers it (and the provider's dashboard shows it). */
export type ConfirmationOutcome = 'recorded' | 'already-recorded' | 'marked-failed' | 'unknown-checkout' | 'ignored';

/**
 * Online payment from the portal. A checkout row is written before the debtor leaves for the provider, so the
 * provider's signed confirmation is applied to what the debtor chose on our page. The payment itself is recorded
 * through the same path as every other payment, under a key derived from the checkout: a replayed or duplicated
 * webhook finds the checkout paid and records nothing.
 */
export class PortalPaymentsService {
  readonly #orm: MikroORM;
  readonly #provider: PaymentProvider;
  readonly #accountEvents: AccountEventOutbox;
  readonly #logger: Logger;

  constructor(orm: MikroORM, provider: PaymentProvider, accountEvents: AccountEventOutbox, logger: Logger) {
    this.#orm = orm;
    this.#provider = provider;
    this.#accountEvents = accountEvents;
    this.#logger = logger;
  }

  /** Answers the provider's page to send the debtor to. */
  async startCheckout(visitor: PortalVisitor, choice: PaymentChoice, method: PortalPaymentMethod, urls: CheckoutUrls, language: string, now: Date): Promise<string> {
    const em = this.#orm.em.fork();
    const statement = await loadPortalStatement(em, visitor.accountId, visitor.contactId, now);
    if (!statement) throw new InvalidInputError('portal-account-missing', 'This account is no longer available.');
    const payable = new Map(statement.open.map((invoice) => [invoice.id, { invoice, payableMinor: BigInt(invoice.open.amountMinor) - BigInt(invoice.disputedMinor) }]));

    let amountMinor: bigint;
    let currency: string;
    let invoiceIds: string[] = [];
    let lines: { name: string; amountMinor: bigint }[];
    if (choice.kind === 'invoices') {
      const chosen = [...new Set(choice.invoiceIds)].map((id) => payable.get(id));
      if (chosen.length === 0) throw new InvalidInputError('portal-nothing-chosen', 'Choose at least one invoice to pay.');
      const missing = chosen.findIndex((entry) => !entry || entry.payableMinor <= 0n);
      if (missing >= 0) throw new InvalidInputError('portal-invoice-not-payable', 'One of the chosen invoices is not open for payment any more; reload the page.', { index: missing });
      const entries = chosen.filter((entry) => entry !== undefined);
      const currencies = new Set(entries.map((entry) => entry.invoice.open.currency));
      if (currencies.size > 1) throw new InvalidInputError('portal-mixed-currencies', 'Invoices in different currencies are paid separately; choose invoices in one currency.');
      currency = entries[0]?.invoice.open.currency ?? statement.account.currency;
      amountMinor = entries.reduce((sum, entry) => sum + entry.payableMinor, 0n);
      invoiceIds = entries.map((entry) => entry.invoice.id);
      lines = entries.map((entry) => ({ name: entry.invoice.number, amountMinor: entry.payableMinor }));
    } else {
      currency = statement.account.currency;
      const total = statement.totals.find((t) => t.currency === currency);
      const most = total ? BigInt(total.payableMinor) : 0n;
      if (choice.amountMinor <= 0n) throw new InvalidInputError('portal-amount-invalid', 'Enter an amount above zero.');
      if (choice.amountMinor > most) throw new BusinessRuleError('portal-amount-too-high', 'The amount is more than is open on the account.', { mostMinor: most.toString() });
      amountMinor = choice.amountMinor;
      lines = [{ name: statement.account.ref, amountMinor }];
    }

    const checkout = em.create(PortalCheckout, {
      account: visitor.accountId,
      contact: visitor.contactId,
      // Replaced by the provider's id as soon as it answers; unique meanwhile, so two starts never collide.
      providerSessionId: `pending:${randomUUID()}`,
      amountMinor,
      currency,
      invoiceIds,
      createdAt: now,
    });
    await em.flush();
    let created;
    try {
      created = await this.#provider.createCheckout({
      checkoutId: checkout.id,
      amountMinor,
      currency,
      lines,
      methods: [method],
      successUrl: urls.successUrl,
      cancelUrl: urls.cancelUrl,
      customerEmail: visitor.email,
      language,
      });
    } catch (error) {
      // Nothing was taken: the checkout is closed, and the debtor is asked to try again.
      checkout.status = 'expired';
      await em.flush();
      this.#logger.error('the payment provider did not open a checkout', { provider: this.#provider.name, error: errorMessage(error) });
      throw new ApiError('unavailable', 'payment-provider-unavailable', 'The payment provider cannot be reached at the moment; try again in a few minutes.');
    }
    checkout.providerSessionId = created.sessionId;
    await em.flush();
    await auditPortal(em, visitor, 'payment-started', {
      checkoutId: checkout.id,
      provider: this.#provider.name,
      amountMinor: amountMinor.toString(),
      currency,
      method,
      invoices: lines.map((line) => line.name),
    });
    return created.url;
  }

  /** Reads a webhook (the signature is checked by the provider) and applies it once. */
  async confirm(rawBody: Buffer, signature: string | undefined, now: Date): Promise<{ eventId: string; outcome: ConfirmationOutcome }> {
    const event = this.#provider.readWebhook(rawBody, signature, now);
    if (event.kind === 'ignored') return { eventId: event.eventId, outcome: 'ignored' };
    const result = await this.#orm.em.fork().transactional(async (em) => {
      const checkout = await lockCheckout(em, event);
      if (!checkout) return { outcome: 'unknown-checkout' as const, eventIds: [] };
      if (event.kind === 'failed') {
        if (checkout.status !== 'open') return { outcome: 'already-recorded' as const, eventIds: [] };
        checkout.status = 'expired';
        await em.flush();
        return { outcome: 'marked-failed' as const, eventIds: [] };
      }
      if (checkout.status === 'paid') return { outcome: 'already-recorded' as const, eventIds: [] };
      const account = await em.findOneOrFail(Account, { id: checkout.account.id });
      // The money the provider took is what arrived; a difference from what the page asked for is kept in the audit.
      const body = await recordIncomingPayment(
        em,
        account,
        {
          amountMinor: event.amountMinor,
          currency: event.currency,
          receivedAt: now,
          reference: event.providerPaymentId ?? event.sessionId,
          payerName: null,
          idempotencyKey: `portal-checkout/${checkout.id}`,
          preferInvoiceIds: checkout.invoiceIds,
        },
        {
          actorId: null,
          details: {
            via: 'portal',
            provider: this.#provider.name,
            providerEventId: event.eventId,
            checkoutId: checkout.id,
            contactId: checkout.contact.id,
            ...(event.amountMinor !== checkout.amountMinor || event.currency !== checkout.currency.trim()
              ? { askedMinor: checkout.amountMinor.toString(), askedCurrency: checkout.currency.trim() }
              : {}),
          },
        },
      );
      checkout.status = 'paid';
      checkout.paidAt = now;
      checkout.payment = em.getReference(Payment, body.payment.id);
      await em.flush();
      const applied = body.allocations.reduce((sum, a) => sum + BigInt(a.amountMinor), 0n);
      const eventId = await recordAccountChange(em, account.id, {
        kind: 'payment-applied',
        payment: { paymentId: body.payment.id, amountMinor: applied.toString(), currency: body.payment.amount.currency },
      });
      return { outcome: 'recorded' as const, eventIds: [eventId] };
    });
    if (result.outcome === 'unknown-checkout') this.#logger.warn('a payment confirmation names no checkout of ours', { eventId: event.eventId, sessionId: event.sessionId });
    await this.#accountEvents.deliver(result.eventIds);
    return { eventId: event.eventId, outcome: result.outcome };
  }

  /** The debtor's latest checkout of this account, for the page they come back to from the provider. */
  async checkoutStatus(visitor: PortalVisitor, sessionId: string): Promise<IPortalCheckout | null> {
    return this.#orm.em.fork().findOne(PortalCheckout, { providerSessionId: sessionId, account: visitor.accountId });
  }
}

/** The checkout an event is about, locked: by the provider's session id, or by our id sent along with it. */
async function lockCheckout(em: EntityManager, event: Exclude<ProviderEvent, { kind: 'ignored' }>): Promise<IPortalCheckout | null> {
  const [row] = await em.execute<{ id: string }[]>(
    `select id from portal_checkout where provider_session_id = ? or (id::text = ? and provider_session_id like 'pending:%') for update`,
    [event.sessionId, event.checkoutId ?? ''],
  );
  return row ? em.findOne(PortalCheckout, { id: row.id }) : null;
}
