import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '@recoup/db';
import { scopedAccountsSql } from '../shared/access-scope.ts';
import type { PortfolioAccount } from './portfolio.ts';

// The import's reads and writes, as set-based statements over one chunk of accounts at a time (the parse worker
// cut them, see portfolio-parse.worker.ts). Persisting tens of thousands of entities and flushing them at once held
// the request thread for seconds while the ORM computed its change sets; a chunk here costs the request thread a
// few milliseconds of JSON, and the rest is the database's.
//
// Each statement's rows travel as one JSON document, bound as a real parameter (see query in @recoup/db).
// The database checks every row as it did for the ORM's inserts: unique references and invoice numbers (a
// concurrent import that took one first makes this one fail whole), one primary contact per account, the amount
// checks, and the ledger check deferred to commit. What the ORM filled in on its side comes from the columns'
// defaults: ids, created_at, updated_at, opt-out tokens. Account ids are chosen here, so a chunk's contacts and
// invoices can name their account without a round trip.

/** The elements of a JSON array parameter, as a set to test membership in. */
const LIST = `(select jsonb_array_elements_text(?::jsonb))`;
export const UUID_LIST = `(select jsonb_array_elements_text(?::jsonb)::uuid)`;

/** Which of these invoice numbers are already stored. */
export const storedInvoiceNumbers = async (em: EntityManager, numbers: readonly string[]): Promise<string[]> => {
  if (numbers.length === 0) return [];
  const rows = await query<{ number: string }>(em, `select "number" from "invoice" where "number" in ${LIST}`, [JSON.stringify(numbers)]);
  return rows.map((row) => row.number);
};

/**
 * The accounts already stored under these references, and whether the user's scope reaches each. References are
 * unique across every team, so one outside the scope is someone else's account, which an import must neither
 * change nor create again.
 */
export const storedAccounts = async (
  em: EntityManager,
  refs: readonly string[],
): Promise<{ id: string; externalRef: string; inScope: boolean }[]> => {
  if (refs.length === 0) return [];
  const scope = scopedAccountsSql(em, 'a');
  return query(em, `select a."id", a."external_ref" as "externalRef", ${scope.sql} as "inScope" from "account" a where a."external_ref" in ${LIST}`, [
    ...scope.params,
    JSON.stringify(refs),
  ]);
};

export interface ChunkCounts {
  accountsCreated: number;
  accountsUpdated: number;
  invoicesCreated: number;
  accountIds: string[];
}

interface StoredContact {
  accountId: string;
  name: string;
  email: string | null;
  phone: string | null;
  isPrimary: boolean;
}

/**
 * The file's contacts to add: one already stored for its account with the same name, e-mail and phone is not
 * added again, and the schema allows one primary contact per account, so a stored primary keeps the role.
 */
const contactsToAdd = async (em: EntityManager, accounts: readonly PortfolioAccount[], ids: ReadonlyMap<string, string>, updated: readonly string[]) => {
  const stored = new Map<string, StoredContact[]>();
  if (updated.length > 0) {
    const rows = await query<StoredContact>(
      em,
      `select "account_id" as "accountId", "name", "email", "phone", "is_primary" as "isPrimary" from "contact" where "account_id" in ${UUID_LIST}`,
      [JSON.stringify(updated)],
    );
    for (const row of rows) stored.set(row.accountId, [...(stored.get(row.accountId) ?? []), row]);
  }
  return accounts.flatMap((account) => {
    const accountId = ids.get(account.externalRef) as string;
    const known = stored.get(accountId) ?? [];
    let hasPrimary = known.some((contact) => contact.isPrimary);
    return account.contacts.flatMap((contact) => {
      if (known.some((c) => c.name === contact.name && c.email === contact.email && c.phone === contact.phone)) return [];
      const isPrimary = contact.isPrimary && !hasPrimary;
      hasPrimary ||= isPrimary;
      return [
        {
          account_id: accountId,
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          postal_address: contact.postalAddress,
          // No zone given is no zone known: contact hours then read the phone number and the address.
          time_zone: contact.timeZone,
          is_primary: isPrimary,
          consent_email: contact.consent.email,
          consent_sms: contact.consent.sms,
          consent_phone: contact.consent.phone,
          consent_letter: contact.consent.letter,
        },
      ];
    });
  });
};

/**
 * Writes one chunk of accounts that passed every check, in the caller's transaction: creates the new ones, updates
 * those `stored` maps by reference to their ids, adds their unseen contacts and creates their invoices, open for
 * their whole amount.
 */
export const writeAccounts = async (
  em: EntityManager,
  accounts: readonly PortfolioAccount[],
  stored: ReadonlyMap<string, string>,
): Promise<ChunkCounts> => {
  const ids = new Map(accounts.map((account) => [account.externalRef, stored.get(account.externalRef) ?? randomUUID()]));
  const created = accounts.filter((account) => !stored.has(account.externalRef));
  const updated = accounts.filter((account) => stored.has(account.externalRef));
  if (created.length > 0) {
    await query(
      em,
      `insert into "account" ("id", "external_ref", "name", "customer_type", "segment", "currency", "time_zone")
       select r."id", r."external_ref", r."name", r."customer_type", coalesce(r."segment", 'standard'), r."currency", r."time_zone"
         from jsonb_to_recordset(?::jsonb) as r("id" uuid, "external_ref" text, "name" text, "customer_type" text, "segment" text, "currency" text, "time_zone" text)`,
      [
        JSON.stringify(
          created.map((a) => ({
            id: ids.get(a.externalRef),
            external_ref: a.externalRef,
            name: a.name,
            customer_type: a.customerType,
            segment: a.segment,
            currency: a.currency,
            time_zone: a.timeZone,
          })),
        ),
      ],
    );
  }
  if (updated.length > 0) {
    // The currency stays: the account's invoices and payments are in it. An account the file leaves as it is keeps
    // its updated_at, as the ORM left an entity without changes alone.
    await query(
      em,
      `update "account" a set "name" = r."name", "customer_type" = r."customer_type", "segment" = coalesce(r."segment", a."segment"),
              "time_zone" = r."time_zone", "updated_at" = now()
         from jsonb_to_recordset(?::jsonb) as r("id" uuid, "name" text, "customer_type" text, "segment" text, "time_zone" text)
        where a."id" = r."id"
          and (a."name", a."customer_type", a."segment", a."time_zone") is distinct from (r."name", r."customer_type", coalesce(r."segment", a."segment"), r."time_zone")`,
      [
        JSON.stringify(
          updated.map((a) => ({ id: ids.get(a.externalRef), name: a.name, customer_type: a.customerType, segment: a.segment, time_zone: a.timeZone })),
        ),
      ],
    );
  }
  const contacts = await contactsToAdd(em, accounts, ids, updated.map((a) => ids.get(a.externalRef) as string));
  if (contacts.length > 0) {
    await query(
      em,
      `insert into "contact" ("account_id", "name", "email", "phone", "postal_address", "time_zone", "is_primary",
                              "consent_email", "consent_sms", "consent_phone", "consent_letter")
       select r."account_id", r."name", r."email", r."phone", r."postal_address", r."time_zone", r."is_primary",
              r."consent_email", r."consent_sms", r."consent_phone", r."consent_letter"
         from jsonb_to_recordset(?::jsonb) as r("account_id" uuid, "name" text, "email" text, "phone" text, "postal_address" text,
              "time_zone" text, "is_primary" boolean, "consent_email" boolean, "consent_sms" boolean, "consent_phone" boolean, "consent_letter" boolean)`,
      [JSON.stringify(contacts)],
    );
  }
  const invoices = accounts.flatMap((a) =>
    a.invoices.map((invoice) => ({
      account_id: ids.get(a.externalRef),
      number: invoice.number,
      issue_date: invoice.issueDate,
      due_date: invoice.dueDate,
      currency: invoice.currency,
      amount_minor: invoice.amountMinor.toString(),
    })),
  );
  if (invoices.length > 0) {
    // Open for the whole amount: the allocation triggers take payments off it from here on.
    await query(
      em,
      `insert into "invoice" ("account_id", "number", "issue_date", "due_date", "currency", "amount_minor", "open_minor", "status")
       select r."account_id", r."number", r."issue_date", r."due_date", r."currency", r."amount_minor", r."amount_minor", 'open'
         from jsonb_to_recordset(?::jsonb) as r("account_id" uuid, "number" text, "issue_date" date, "due_date" date, "currency" text, "amount_minor" bigint)`,
      [JSON.stringify(invoices)],
    );
  }
  return {
    accountsCreated: created.length,
    accountsUpdated: updated.length,
    invoicesCreated: invoices.length,
    accountIds: [...ids.values()],
  };
};
