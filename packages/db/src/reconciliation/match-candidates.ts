import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../bound-query.ts';
import {
  lineReferences,
  normaliseName,
  matchPaymentToPromises,
  type AllocationRequest,
  type LedgerInvoice,
  type MatchAccount,
  type MatchablePromise,
  type PromiseMatch,
  type StatementLine as MatchLine,
} from '@recoup/domain';

// For a batch of statement lines, only the accounts the lines could be about: those whose invoice numbers or
// customer references appear in the lines, and those whose name is the payer's (compared as the matcher compares
// names, through the recoup_name_key index). A line's payer is compared only with the accounts of its own name,
// so what a line is matched to never depends on the other lines of its batch. A statement of 100,000 lines
// against a ledger of any size then costs a few indexed queries per batch. Their open invoices are locked for the
// batch's transaction and kept current in memory as lines are applied, so each line is matched on the amounts the
// lines before it left. Their open promises are locked and kept current the same way, so a batch matches its
// payments to promises first in, first out without asking the database once per payment.

interface AccountRow {
  id: string;
  external_ref: string;
  name: string;
  currency: string;
}

interface PromiseRow {
  id: string;
  account_id: string;
  currency: string;
  amount_minor: string;
  paid_minor: string;
  due_date: string;
  /** The deadline in microseconds since the epoch: a JS Date would round it to milliseconds. */
  until_us: string;
}

interface OpenPromise extends MatchablePromise {
  currency: string;
  untilUs: bigint;
}

interface InvoiceRow {
  id: string;
  account_id: string;
  number: string;
  due_date: string;
  currency: string;
  status: LedgerInvoice['status'];
  open_minor: string;
}

export class CandidateLedger {
  readonly #accounts = new Map<string, AccountRow>();
  readonly #invoices = new Map<string, LedgerInvoice & { dueDate: string }>();
  /** Invoice ids per account, so one account's view costs its own invoices, not the whole batch's. */
  readonly #invoicesOf = new Map<string, string[]>();
  /** Per account, its open promises oldest first, with what each was paid so far in this batch too. */
  readonly #openPromises = new Map<string, OpenPromise[]>();
  /** Per normalised payer name, the accounts of that name. */
  readonly #byNameKey = new Map<string, string[]>();

  /** Loads (again) the accounts with their open invoices, locking the invoices in id order against deadlocks. */
  async load(em: EntityManager, accountIds: readonly string[]): Promise<void> {
    if (accountIds.length === 0) return;
    const accounts = await query<AccountRow>(em, `select id, external_ref, name, trim(currency) as currency from account where id = any(?::uuid[])`, [accountIds]);
    const invoices = await query<InvoiceRow>(
      em,
      `select id, account_id, number, to_char(due_date, 'YYYY-MM-DD') as due_date, trim(currency) as currency, status, open_minor::text
         from invoice where account_id = any(?::uuid[]) and status = 'open' and open_minor > 0 order by id for update`,
      [accountIds],
    );
    // Locked after the invoices, in the order every payment path locks them, so two batches cannot deadlock.
    const promised = await query<PromiseRow>(
      em,
      `select id, account_id, trim(currency) as currency, amount_minor::text, paid_minor::text,
              to_char(due_date, 'YYYY-MM-DD') as due_date, (extract(epoch from until) * 1000000)::bigint::text as until_us
         from promise where account_id = any(?::uuid[]) and status = 'open' order by due_date, created_at, id for update`,
      [accountIds],
    );
    const reloading = new Set(accountIds);
    for (const accountId of reloading) {
      for (const id of this.#invoicesOf.get(accountId) ?? []) this.#invoices.delete(id);
      this.#invoicesOf.delete(accountId);
    }
    for (const a of accounts) this.#accounts.set(a.id, a);
    for (const i of invoices) {
      const ids = this.#invoicesOf.get(i.account_id) ?? [];
      ids.push(i.id);
      this.#invoicesOf.set(i.account_id, ids);
      this.#invoices.set(i.id, {
        invoiceId: i.id,
        number: i.number,
        accountId: i.account_id,
        currency: i.currency,
        status: i.status,
        openMinor: BigInt(i.open_minor),
        dueDate: i.due_date,
      });
    }
    for (const id of accountIds) this.#openPromises.delete(id);
    for (const [rank, p] of promised.entries()) {
      const open = this.#openPromises.get(p.account_id) ?? [];
      open.push({
        id: p.id,
        currency: p.currency,
        amountMinor: BigInt(p.amount_minor),
        paidMinor: BigInt(p.paid_minor),
        dueDate: p.due_date,
        // The rank in the database's order (due date, creation, id) stands for the creation time, whose
        // microseconds a JS Date cannot hold, so the matching orders promises exactly as the database does.
        createdAt: new Date(rank),
        untilUs: BigInt(p.until_us),
      });
      this.#openPromises.set(p.account_id, open);
    }
  }

  /** Loads the accounts the lines name by invoice number, customer reference or payer name. */
  async loadFor(em: EntityManager, lines: readonly MatchLine[]): Promise<void> {
    const refs = [...new Set(lines.flatMap((l) => lineReferences(l)))];
    const keys = [...new Set(lines.flatMap((l) => (l.payerName ? [normaliseName(l.payerName)] : [])))].filter((k) => k.length > 0);
    const ids = new Set<string>();
    if (refs.length > 0) {
      const byInvoice = await query<{ account_id: string }>(
        em,
        `select distinct account_id from invoice where status = 'open' and recoup_normalised_ref(number) = any(?::text[])`,
        [refs],
      );
      const byRef = await query<{ id: string }>(em, `select id from account where recoup_normalised_ref(external_ref) = any(?::text[])`, [refs]);
      for (const r of byInvoice) ids.add(r.account_id);
      for (const r of byRef) ids.add(r.id);
    }
    if (keys.length > 0) {
      const named = await query<{ id: string; key: string }>(
        em,
        `select id, recoup_name_key(name) as key from account where recoup_name_key(name) = any(?::text[])`,
        [keys],
      );
      for (const r of named) {
        ids.add(r.id);
        this.#byNameKey.set(r.key, [...(this.#byNameKey.get(r.key) ?? []), r.id]);
      }
    }
    await this.load(em, [...ids].sort());
  }

  /** The loaded accounts whose name is the payer's, as the matcher compares names. */
  payerAccounts(payerName: string | null): string[] {
    return payerName ? (this.#byNameKey.get(normaliseName(payerName)) ?? []) : [];
  }

  accountIds(): string[] {
    return [...this.#accounts.keys()];
  }

  has(accountId: string): boolean {
    return this.#accounts.has(accountId);
  }

  /**
   * Matches a payment to the account's open promises first in, first out, as the promise matching of a single
   * payment does: only promises in its currency whose deadline had not passed when the money was received. The
   * shares are taken off the promises here, so the next payment of the batch sees what this one left.
   */
  matchPromises(accountId: string, payment: { currency: string; amountMinor: bigint; receivedAt: Date }): PromiseMatch[] {
    const open = this.#openPromises.get(accountId);
    if (!open) return [];
    const receivedUs = BigInt(payment.receivedAt.getTime()) * 1000n;
    const eligible = open.filter((p) => p.currency === payment.currency && p.untilUs > receivedUs);
    const matches = matchPaymentToPromises(eligible, payment.amountMinor);
    for (const match of matches) {
      const promise = open.find((p) => p.id === match.promiseId);
      if (promise) promise.paidMinor += match.amountMinor;
    }
    const stillOpen = open.filter((p) => p.paidMinor < p.amountMinor);
    if (stillOpen.length > 0) this.#openPromises.set(accountId, stillOpen);
    else this.#openPromises.delete(accountId);
    return matches;
  }

  /** The account as the matcher sees it: its open invoices in its own currency, with what they still owe. */
  matchAccount(accountId: string): MatchAccount {
    const account = this.#accounts.get(accountId);
    if (!account) throw new Error(`Account ${accountId} was not loaded.`);
    const openInvoices = (this.#invoicesOf.get(accountId) ?? [])
      .flatMap((id) => {
        const invoice = this.#invoices.get(id);
        return invoice && invoice.openMinor > 0n && invoice.currency === account.currency ? [invoice] : [];
      })
      .map((i) => ({ invoiceId: i.invoiceId, number: i.number, dueDate: i.dueDate, openMinor: i.openMinor }));
    return { accountId, externalRef: account.external_ref, name: account.name, currency: account.currency, openInvoices };
  }

  /** The locked invoices the allocations name, as the ledger rules check them. */
  invoices(allocations: readonly AllocationRequest[]): LedgerInvoice[] {
    return allocations.flatMap((a) => {
      const invoice = this.#invoices.get(a.invoiceId);
      return invoice ? [invoice] : [];
    });
  }

  /** Lowers the open amounts after allocations were written. */
  allocated(allocations: readonly AllocationRequest[]): void {
    for (const a of allocations) {
      const invoice = this.#invoices.get(a.invoiceId);
      if (invoice) invoice.openMinor -= a.amountMinor;
    }
  }
}
