import { Migration } from '@mikro-orm/migrations';

// Promises to pay, payment plans, disputes and credit notes. As in the initial schema, the money invariants live in
// the database: triggers move amounts (a payment into promises, a credit note off an invoice) and refuse what would
// break them, so no code path can leave a promise paid twice or an invoice credited below zero.

const CURRENCY = `~ '^[A-Z]{3}$'`;

const TABLES = [
  `create table "payment_plan" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "payment_plan_account_id_foreign" references "account" ("id"),
    "key" text not null constraint "payment_plan_key_unique" unique,
    "workflow_id" text null,
    "node_id" text null,
    "installments" int not null,
    "interval_days" int not null,
    "grace_days" int not null,
    "total_minor" bigint not null,
    "currency" char(3) not null,
    "status" text not null default 'active',
    "created_at" timestamptz not null default now(),
    "resolved_at" timestamptz null,
    constraint "payment_plan_installments_check" check ("installments" >= 1),
    constraint "payment_plan_interval_days_check" check ("interval_days" >= 1),
    constraint "payment_plan_grace_days_check" check ("grace_days" between 0 and 30),
    constraint "payment_plan_total_minor_check" check ("total_minor" > 0),
    constraint "payment_plan_currency_check" check ("currency" ${CURRENCY}),
    constraint "payment_plan_status_check" check ("status" in ('active', 'completed', 'broken')),
    constraint "payment_plan_resolved_check" check (("status" = 'active') = ("resolved_at" is null))
  )`,
  `create index "payment_plan_account_id_index" on "payment_plan" ("account_id")`,

  `create table "promise" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "promise_account_id_foreign" references "account" ("id"),
    "amount_minor" bigint not null,
    "currency" char(3) not null,
    "due_date" date not null,
    "grace_days" int not null default 0,
    "until" timestamptz not null,
    "paid_minor" bigint not null default 0,
    "status" text not null default 'open',
    "source" text not null,
    "plan_id" uuid null constraint "promise_plan_id_foreign" references "payment_plan" ("id"),
    "installment_no" int null,
    "task_id" uuid null constraint "promise_task_id_foreign" references "collector_task" ("id"),
    "created_by" uuid null constraint "promise_created_by_foreign" references "app_user" ("id"),
    "created_at" timestamptz not null default now(),
    "resolved_at" timestamptz null,
    constraint "promise_amount_minor_check" check ("amount_minor" > 0),
    constraint "promise_paid_minor_check" check ("paid_minor" >= 0 and "paid_minor" <= "amount_minor"),
    constraint "promise_currency_check" check ("currency" ${CURRENCY}),
    constraint "promise_grace_days_check" check ("grace_days" between 0 and 30),
    constraint "promise_status_check" check ("status" in ('open', 'kept', 'broken', 'cancelled')),
    constraint "promise_source_check" check ("source" in ('api', 'task', 'plan')),
    constraint "promise_plan_check" check (("source" = 'plan') = ("plan_id" is not null and "installment_no" is not null)),
    constraint "promise_task_check" check ("source" <> 'task' or "task_id" is not null),
    constraint "promise_kept_check" check ("status" <> 'kept' or "paid_minor" = "amount_minor"),
    constraint "promise_resolved_check" check (("status" = 'open') = ("resolved_at" is null)),
    constraint "promise_plan_id_installment_no_unique" unique ("plan_id", "installment_no")
  )`,
  `create index "promise_account_id_index" on "promise" ("account_id", "due_date", "created_at")`,
  `create index "promise_open_until_index" on "promise" ("until") where "status" = 'open'`,

  `create table "promise_allocation" (
    "id" uuid not null default gen_random_uuid() primary key,
    "payment_id" uuid not null constraint "promise_allocation_payment_id_foreign" references "payment" ("id"),
    "promise_id" uuid not null constraint "promise_allocation_promise_id_foreign" references "promise" ("id"),
    "amount_minor" bigint not null,
    "created_at" timestamptz not null default now(),
    constraint "promise_allocation_amount_minor_check" check ("amount_minor" > 0),
    constraint "promise_allocation_payment_id_promise_id_unique" unique ("payment_id", "promise_id")
  )`,
  `create index "promise_allocation_promise_id_index" on "promise_allocation" ("promise_id")`,

  `create table "dispute" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "dispute_account_id_foreign" references "account" ("id"),
    "reason" text not null,
    "status" text not null default 'open',
    "opened_by" uuid null constraint "dispute_opened_by_foreign" references "app_user" ("id"),
    "opened_at" timestamptz not null default now(),
    "resolved_by" uuid null constraint "dispute_resolved_by_foreign" references "app_user" ("id"),
    "resolved_at" timestamptz null,
    "resolution_note" text null,
    constraint "dispute_reason_check" check (length("reason") > 0),
    constraint "dispute_status_check" check ("status" in ('open', 'resolved-valid', 'resolved-invalid')),
    constraint "dispute_resolved_check" check (("status" = 'open') = ("resolved_at" is null))
  )`,
  `create index "dispute_account_id_index" on "dispute" ("account_id", "opened_at")`,

  `create table "dispute_item" (
    "id" uuid not null default gen_random_uuid() primary key,
    "dispute_id" uuid not null constraint "dispute_item_dispute_id_foreign" references "dispute" ("id"),
    "invoice_id" uuid not null constraint "dispute_item_invoice_id_foreign" references "invoice" ("id"),
    "amount_minor" bigint not null,
    constraint "dispute_item_amount_minor_check" check ("amount_minor" > 0),
    constraint "dispute_item_dispute_id_invoice_id_unique" unique ("dispute_id", "invoice_id")
  )`,
  `create index "dispute_item_invoice_id_index" on "dispute_item" ("invoice_id")`,

  `create table "credit_note" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "credit_note_account_id_foreign" references "account" ("id"),
    "invoice_id" uuid not null constraint "credit_note_invoice_id_foreign" references "invoice" ("id"),
    "amount_minor" bigint not null,
    "currency" char(3) not null,
    "reason" text not null,
    "dispute_id" uuid null constraint "credit_note_dispute_id_foreign" references "dispute" ("id"),
    "created_by" uuid null constraint "credit_note_created_by_foreign" references "app_user" ("id"),
    "created_at" timestamptz not null default now(),
    constraint "credit_note_amount_minor_check" check ("amount_minor" > 0),
    constraint "credit_note_currency_check" check ("currency" ${CURRENCY}),
    constraint "credit_note_reason_check" check (length("reason") > 0)
  )`,
  `create index "credit_note_invoice_id_index" on "credit_note" ("invoice_id")`,
  `create index "credit_note_account_id_index" on "credit_note" ("account_id", "created_at")`,
];

const PROMISE_ALLOCATION_TRIGGER = [
  // Moves a payment's money into promises: paid_minor goes up, and a promise paid in full is kept. The CHECK on
  // paid_minor refuses paying a promise beyond its amount; this function refuses matching more than the payment.
  // Rows are locked payment first, then promise, like the invoice allocation trigger, so the two cannot deadlock.
  `create function "recoup_promise_allocation_apply"() returns trigger language plpgsql as $$
  declare
    payment_currency char(3);
    payment_amount bigint;
    promise_currency char(3);
    promise_status text;
    matched bigint;
  begin
    if tg_op = 'INSERT' then
      select "currency", "amount_minor" into payment_currency, payment_amount
        from "payment" where "id" = new."payment_id" for update;
      select "currency", "status" into promise_currency, promise_status
        from "promise" where "id" = new."promise_id" for update;
      if payment_currency is null or promise_currency is null then
        return new;
      end if;
      if payment_currency <> promise_currency then
        raise exception 'promise allocation currency mismatch: payment is in %, promise is in %',
          payment_currency, promise_currency
          using errcode = 'check_violation', constraint = 'promise_allocation_currency_match', table = 'promise_allocation';
      end if;
      if promise_status <> 'open' then
        raise exception 'promise allocation refused: promise % is %, not open', new."promise_id", promise_status
          using errcode = 'check_violation', constraint = 'promise_allocation_promise_open', table = 'promise_allocation';
      end if;
      select coalesce(sum("amount_minor"), 0) into matched from "promise_allocation" where "payment_id" = new."payment_id";
      if matched > payment_amount then
        raise exception 'promise allocation refused: % minor units matched exceed payment % of % minor units',
          matched, new."payment_id", payment_amount
          using errcode = 'check_violation', constraint = 'promise_allocation_within_payment', table = 'promise_allocation';
      end if;
      update "promise" set
          "paid_minor" = "paid_minor" + new."amount_minor",
          "status" = case when "paid_minor" + new."amount_minor" = "amount_minor" then 'kept' else "status" end,
          "resolved_at" = case when "paid_minor" + new."amount_minor" = "amount_minor" then now() else "resolved_at" end
        where "id" = new."promise_id";
      return new;
    elsif tg_op = 'DELETE' then
      perform 1 from "payment" where "id" = old."payment_id" for update;
      perform 1 from "promise" where "id" = old."promise_id" for update;
      -- Undoing a payment reopens a promise it had kept; a broken promise stays broken.
      update "promise" set
          "paid_minor" = "paid_minor" - old."amount_minor",
          "status" = case when "status" = 'kept' then 'open' else "status" end,
          "resolved_at" = case when "status" = 'kept' then null else "resolved_at" end
        where "id" = old."promise_id";
      return old;
    end if;
    raise exception 'promise allocations are immutable: delete and insert instead of %', tg_op
      using errcode = 'check_violation', constraint = 'promise_allocation_immutable', table = 'promise_allocation';
  end
  $$`,
  `create trigger "promise_allocation_apply" after insert or delete on "promise_allocation"
    for each row execute function "recoup_promise_allocation_apply"()`,
  `create trigger "promise_allocation_immutable" before update on "promise_allocation"
    for each row execute function "recoup_promise_allocation_apply"()`,

  // A plan follows its installments: broken as soon as one is broken (or cancelled), completed when all are kept.
  `create function "recoup_payment_plan_follow"() returns trigger language plpgsql as $$
  declare
    next_status text;
  begin
    if new."plan_id" is null or new."status" is not distinct from old."status" then
      return new;
    end if;
    select case
        when bool_or("status" in ('broken', 'cancelled')) then 'broken'
        when bool_and("status" = 'kept') then 'completed'
        else 'active'
      end into next_status
      from "promise" where "plan_id" = new."plan_id";
    update "payment_plan" set
        "status" = next_status,
        "resolved_at" = case when next_status = 'active' then null else coalesce("resolved_at", now()) end
      where "id" = new."plan_id" and "status" is distinct from next_status;
    return new;
  end
  $$`,
  `create trigger "promise_plan_follow" after update of "status" on "promise"
    for each row execute function "recoup_payment_plan_follow"()`,
];

const DISPUTE_TRIGGERS = [
  // An item may dispute at most what the invoice has open when the dispute is opened, on an invoice of the
  // dispute's account that no other open dispute covers. The invoice row is locked first, so two disputes opened
  // at once on the same invoice are checked one after the other.
  `create function "recoup_dispute_item_check"() returns trigger language plpgsql as $$
  declare
    invoice_account uuid;
    invoice_open bigint;
    dispute_account uuid;
    dispute_status text;
  begin
    if tg_op <> 'INSERT' then
      raise exception 'dispute items are immutable: % refused', tg_op
        using errcode = 'restrict_violation', table = 'dispute_item';
    end if;
    select "account_id", "open_minor" into invoice_account, invoice_open
      from "invoice" where "id" = new."invoice_id" for update;
    select "account_id", "status" into dispute_account, dispute_status from "dispute" where "id" = new."dispute_id";
    if invoice_account is null or dispute_account is null then
      return new;
    end if;
    if invoice_account <> dispute_account then
      raise exception 'dispute item refused: invoice % belongs to another account', new."invoice_id"
        using errcode = 'check_violation', constraint = 'dispute_item_same_account', table = 'dispute_item';
    end if;
    if dispute_status <> 'open' then
      raise exception 'dispute item refused: dispute % is %', new."dispute_id", dispute_status
        using errcode = 'check_violation', constraint = 'dispute_item_dispute_open', table = 'dispute_item';
    end if;
    if new."amount_minor" > invoice_open then
      raise exception 'dispute item refused: % minor units exceed the % open on invoice %',
        new."amount_minor", invoice_open, new."invoice_id"
        using errcode = 'check_violation', constraint = 'dispute_item_within_open', table = 'dispute_item';
    end if;
    perform 1 from "dispute_item" i join "dispute" d on d."id" = i."dispute_id"
      where i."invoice_id" = new."invoice_id" and d."status" = 'open' and d."id" <> new."dispute_id";
    if found then
      raise exception 'dispute item refused: invoice % is already under an open dispute', new."invoice_id"
        using errcode = 'check_violation', constraint = 'dispute_item_one_open_dispute', table = 'dispute_item';
    end if;
    return new;
  end
  $$`,
  `create trigger "dispute_item_check" before insert or update or delete on "dispute_item"
    for each row execute function "recoup_dispute_item_check"()`,

  // A credit note lowers what the invoice owes, like an allocation without a payment; it can neither cross
  // currencies nor credit more than is open. Credit notes are accounting records: never changed, never deleted.
  `create function "recoup_credit_note_apply"() returns trigger language plpgsql as $$
  declare
    invoice_account uuid;
    invoice_currency char(3);
    invoice_status text;
    invoice_open bigint;
  begin
    select "account_id", "currency", "status", "open_minor" into invoice_account, invoice_currency, invoice_status, invoice_open
      from "invoice" where "id" = new."invoice_id" for update;
    if invoice_currency is null then
      return new;
    end if;
    if invoice_account <> new."account_id" then
      raise exception 'credit note refused: invoice % belongs to another account', new."invoice_id"
        using errcode = 'check_violation', constraint = 'credit_note_same_account', table = 'credit_note';
    end if;
    if invoice_currency <> new."currency" then
      raise exception 'credit note currency mismatch: credit note is in %, invoice is in %', new."currency", invoice_currency
        using errcode = 'check_violation', constraint = 'credit_note_currency_match', table = 'credit_note';
    end if;
    if invoice_status = 'cancelled' then
      raise exception 'credit note refused: invoice % is cancelled', new."invoice_id"
        using errcode = 'check_violation', constraint = 'credit_note_invoice_not_cancelled', table = 'credit_note';
    end if;
    if new."amount_minor" > invoice_open then
      raise exception 'credit note refused: % minor units exceed the % open on invoice %',
        new."amount_minor", invoice_open, new."invoice_id"
        using errcode = 'check_violation', constraint = 'credit_note_within_open', table = 'credit_note';
    end if;
    update "invoice" set
        "open_minor" = "open_minor" - new."amount_minor",
        "status" = case when "open_minor" - new."amount_minor" = 0 then 'paid' else "status" end
      where "id" = new."invoice_id";
    return new;
  end
  $$`,
  `create trigger "credit_note_apply" after insert on "credit_note"
    for each row execute function "recoup_credit_note_apply"()`,
  `create trigger "credit_note_immutable" before update or delete on "credit_note"
    for each row execute function "recoup_refuse_change"()`,
];

export class Migration20261124030000_promises_disputes extends Migration {
  override name = 'Migration20261124030000_promises_disputes';

  override up(): void {
    for (const sql of [...TABLES, ...PROMISE_ALLOCATION_TRIGGER, ...DISPUTE_TRIGGERS]) {
      this.addSql(sql);
    }
  }

  override down(): void {
    for (const table of ['credit_note', 'dispute_item', 'dispute', 'promise_allocation', 'promise', 'payment_plan']) {
      this.addSql(`drop table if exists "${table}" cascade`);
    }
    this.addSql('drop function if exists "recoup_credit_note_apply"()');
    this.addSql('drop function if exists "recoup_dispute_item_check"()');
    this.addSql('drop function if exists "recoup_payment_plan_follow"()');
    this.addSql('drop function if exists "recoup_promise_allocation_apply"()');
  }
}
