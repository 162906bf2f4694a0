import { Migration } from '@mikro-orm/migrations';

// Cash application from bank statements, reversals, and the ledger rule that ties an invoice's open amount to what
// was paid and credited against it.
//
// - A statement line records how it was matched (account, rule, confidence, reason). A payment made from a line
//   points back at it, and a reversed payment at the line that returned it. Both links are unique, so however
//   often a transaction is retried, one line never becomes two payments and never reverses two.
// - A reversed payment keeps its row (the money came and went) but owns nothing: its allocations are removed, which
//   the allocation trigger turns back into open amounts, and what it held as credit is gone.
// - The ledger check runs at commit for every invoice a transaction touched: open = amount - allocations - credit
//   notes. The triggers keep that true; the check makes sure no code path, present or future, bypasses them.
export class Migration20261124070000_reconciliation extends Migration {
  override name = 'Migration20261124070000_reconciliation';

  override up(): void {
    this.addSql(`alter table "payment"
      add column "statement_line_id" uuid null constraint "payment_statement_line_unique" unique
        constraint "payment_statement_line_id_foreign" references "statement_line" ("id"),
      add column "reversed_at" timestamptz null,
      add column "reversal_reason" text null,
      add column "reversal_line_id" uuid null constraint "payment_reversal_line_unique" unique
        constraint "payment_reversal_line_id_foreign" references "statement_line" ("id"),
      add constraint "payment_reversed_holds_nothing_check" check ("reversed_at" is null or "unallocated_minor" = 0),
      add constraint "payment_reversal_reason_check" check (("reversed_at" is null) = ("reversal_reason" is null))`);

    this.addSql(`alter table "statement_line" drop constraint "statement_line_status_check"`);
    this.addSql(`alter table "statement_line"
      add column "account_id" uuid null constraint "statement_line_account_id_foreign" references "account" ("id"),
      add column "rule" text null,
      add column "confidence" numeric(4, 3) null,
      add column "reason" text null,
      add column "proposal" jsonb null,
      add column "residual_minor" bigint null,
      add column "resolved_by_id" uuid null constraint "statement_line_resolved_by_id_foreign" references "app_user" ("id") on delete set null,
      add column "resolved_at" timestamptz null,
      add constraint "statement_line_status_check" check ("status" in ('pending', 'exception', 'applied', 'skipped'))`);
    this.addSql(`create index "statement_line_open_index" on "statement_line" ("bank_statement_id", "position") where "status" in ('pending', 'exception')`);
    this.addSql(`create index "statement_line_exception_index" on "statement_line" ("created_at") where "status" = 'exception'`);
    // A returned payment is found by the original line's references.
    this.addSql(`create index "statement_line_customer_ref_index" on "statement_line" ("customer_ref", "amount_minor") where "status" = 'applied'`);

    // References in remittance text are compared without case or punctuation: "inv 2026/0042" is INV-2026-0042.
    this.addSql(`create function "recoup_normalised_ref"(value text) returns text language sql immutable parallel safe
      as $$ select upper(regexp_replace(value, '[^A-Za-z0-9]', '', 'g')) $$`);
    this.addSql(`create index "invoice_normalised_number_index" on "invoice" ("recoup_normalised_ref"("number")) where "status" = 'open'`);
    this.addSql(`create index "account_normalised_ref_index" on "account" ("recoup_normalised_ref"("external_ref"))`);
    this.addSql(`create index "account_lower_name_index" on "account" (lower("name"))`);

    // Deferred to commit, when NEW is the row as it was at the queued event: the invoice is read again, as it is now.
    this.addSql(`create function "recoup_invoice_ledger_check"() returns trigger language plpgsql as $$
    declare
      current_number text;
      current_amount bigint;
      current_open bigint;
      allocated bigint;
      credited bigint;
    begin
      select "number", "amount_minor", "open_minor" into current_number, current_amount, current_open
        from "invoice" where "id" = new."id";
      if current_number is null then
        return null;
      end if;
      select coalesce(sum("amount_minor"), 0) into allocated from "allocation" where "invoice_id" = new."id";
      select coalesce(sum("amount_minor"), 0) into credited from "credit_note" where "invoice_id" = new."id";
      if current_open <> current_amount - allocated - credited then
        raise exception 'ledger broken on invoice %: open % but amount % - allocations % - credit notes % = %',
          current_number, current_open, current_amount, allocated, credited, current_amount - allocated - credited
          using errcode = 'check_violation', constraint = 'invoice_ledger_balanced', table = 'invoice';
      end if;
      return null;
    end
    $$`);
    this.addSql(`create constraint trigger "invoice_ledger_balanced" after insert or update on "invoice"
      deferrable initially deferred for each row execute function "recoup_invoice_ledger_check"()`);
  }

  override down(): void {
    this.addSql(`drop trigger "invoice_ledger_balanced" on "invoice"`);
    this.addSql(`drop function "recoup_invoice_ledger_check"()`);
    this.addSql(`drop index "account_lower_name_index"`);
    this.addSql(`drop index "account_normalised_ref_index"`);
    this.addSql(`drop index "invoice_normalised_number_index"`);
    this.addSql(`drop function "recoup_normalised_ref"(text)`);
    this.addSql(`alter table "payment" drop column "statement_line_id", drop column "reversed_at", drop column "reversal_reason",
      drop column "reversal_line_id"`);
    this.addSql(`alter table "statement_line" drop constraint "statement_line_status_check"`);
    this.addSql(`alter table "statement_line" drop column "account_id", drop column "rule", drop column "confidence", drop column "reason", drop column "proposal", drop column "residual_minor",
      drop column "resolved_by_id", drop column "resolved_at",
      add constraint "statement_line_status_check" check ("status" in ('pending', 'matched', 'exception', 'applied', 'skipped'))`);
  }
}
