import { Migration } from '@mikro-orm/migrations';

// Allocations move money once per statement instead of once per row. A bank statement batch inserts hundreds of
// allocations in one statement; the row trigger of the initial schema locked, checked and updated a payment and an
// invoice for each of them, which was most of the batch's time. These statement triggers see every row the
// statement wrote (its transition table) and do the same work set-based:
// - refuse the whole statement if any row mixes currencies or pays a cancelled invoice;
// - lock the payments, then the invoices, in id order, as every other path does, so they cannot deadlock;
// - move the sums per payment and per invoice. The CHECK constraints on unallocated_minor and open_minor then refuse
//   a statement whose rows together take more than a payment has or an invoice owes, even when each row alone fits.
// The deferred ledger check (open = amount - allocations - credit notes at commit) still runs for every invoice
// these updates touch, with the same rule and message; it reads the invoice and both sums in one query instead of
// three, since a batch commits hundreds of them. Updating an allocation stays refused row by row.

const INSERT_ROWS = `create function "recoup_allocation_insert_rows"() returns trigger language plpgsql as $$
declare
  bad record;
begin
  select n."invoice_id", p."currency" as payment_currency, i."currency" as invoice_currency, i."status"
    into bad
    from "new_rows" n join "payment" p on p."id" = n."payment_id" join "invoice" i on i."id" = n."invoice_id"
   where p."currency" <> i."currency" or i."status" = 'cancelled'
   limit 1;
  if found then
    if bad.payment_currency <> bad.invoice_currency then
      raise exception 'allocation currency mismatch: payment is in %, invoice is in %', bad.payment_currency, bad.invoice_currency
        using errcode = 'check_violation', constraint = 'allocation_currency_match', table = 'allocation';
    end if;
    raise exception 'allocation refused: invoice % is cancelled', bad.invoice_id
      using errcode = 'check_violation', constraint = 'allocation_invoice_not_cancelled', table = 'allocation';
  end if;
  perform 1 from "payment" where "id" in (select "payment_id" from "new_rows") order by "id" for update;
  perform 1 from "invoice" where "id" in (select "invoice_id" from "new_rows") order by "id" for update;
  update "payment" p set "unallocated_minor" = p."unallocated_minor" - s."total"
    from (select "payment_id", sum("amount_minor") as "total" from "new_rows" group by "payment_id") s
   where p."id" = s."payment_id";
  update "invoice" i set
      "open_minor" = i."open_minor" - s."total",
      "status" = case when i."open_minor" - s."total" = 0 then 'paid' else i."status" end
    from (select "invoice_id", sum("amount_minor") as "total" from "new_rows" group by "invoice_id") s
   where i."id" = s."invoice_id";
  return null;
end
$$`;

const DELETE_ROWS = `create function "recoup_allocation_delete_rows"() returns trigger language plpgsql as $$
begin
  perform 1 from "payment" where "id" in (select "payment_id" from "old_rows") order by "id" for update;
  perform 1 from "invoice" where "id" in (select "invoice_id" from "old_rows") order by "id" for update;
  update "payment" p set "unallocated_minor" = p."unallocated_minor" + s."total"
    from (select "payment_id", sum("amount_minor") as "total" from "old_rows" group by "payment_id") s
   where p."id" = s."payment_id";
  update "invoice" i set
      "open_minor" = i."open_minor" + s."total",
      "status" = case when i."status" = 'paid' then 'open' else i."status" end
    from (select "invoice_id", sum("amount_minor") as "total" from "old_rows" group by "invoice_id") s
   where i."id" = s."invoice_id";
  return null;
end
$$`;

const LEDGER_CHECK_BODY = (read: string) => `create or replace function "recoup_invoice_ledger_check"() returns trigger language plpgsql as $$
declare
  current_number text;
  current_amount bigint;
  current_open bigint;
  allocated bigint;
  credited bigint;
begin
  ${read}
  if current_number is null then
    return null;
  end if;
  if current_open <> current_amount - allocated - credited then
    raise exception 'ledger broken on invoice %: open % but amount % - allocations % - credit notes % = %',
      current_number, current_open, current_amount, allocated, credited, current_amount - allocated - credited
      using errcode = 'check_violation', constraint = 'invoice_ledger_balanced', table = 'invoice';
  end if;
  return null;
end
$$`;

// Deferred to commit, when NEW is the row as it was at the queued event: the invoice is read again, as it is now.
const LEDGER_CHECK_ONE_QUERY = LEDGER_CHECK_BODY(`select i."number", i."amount_minor", i."open_minor",
         coalesce((select sum(a."amount_minor") from "allocation" a where a."invoice_id" = i."id"), 0),
         coalesce((select sum(c."amount_minor") from "credit_note" c where c."invoice_id" = i."id"), 0)
    into current_number, current_amount, current_open, allocated, credited
    from "invoice" i where i."id" = new."id";`);

const LEDGER_CHECK_BEFORE = LEDGER_CHECK_BODY(`select "number", "amount_minor", "open_minor" into current_number, current_amount, current_open
    from "invoice" where "id" = new."id";
  select coalesce(sum("amount_minor"), 0) into allocated from "allocation" where "invoice_id" = new."id";
  select coalesce(sum("amount_minor"), 0) into credited from "credit_note" where "invoice_id" = new."id";`);

export class Migration20261201100000_set_based_allocations extends Migration {
  override name = 'Migration20261201100000_set_based_allocations';

  override up(): void {
    this.addSql(`drop trigger "allocation_apply" on "allocation"`);
    this.addSql(INSERT_ROWS);
    this.addSql(DELETE_ROWS);
    this.addSql(`create trigger "allocation_apply_insert" after insert on "allocation"
      referencing new table as "new_rows" for each statement execute function "recoup_allocation_insert_rows"()`);
    this.addSql(`create trigger "allocation_apply_delete" after delete on "allocation"
      referencing old table as "old_rows" for each statement execute function "recoup_allocation_delete_rows"()`);
    this.addSql(LEDGER_CHECK_ONE_QUERY);
  }

  override down(): void {
    this.addSql(LEDGER_CHECK_BEFORE);
    this.addSql(`drop trigger "allocation_apply_delete" on "allocation"`);
    this.addSql(`drop trigger "allocation_apply_insert" on "allocation"`);
    this.addSql(`drop function "recoup_allocation_delete_rows"()`);
    this.addSql(`drop function "recoup_allocation_insert_rows"()`);
    this.addSql(`create trigger "allocation_apply" after insert or delete on "allocation"
      for each row execute function "recoup_allocation_apply"()`);
  }
}
