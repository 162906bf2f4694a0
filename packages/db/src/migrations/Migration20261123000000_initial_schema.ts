import { Migration } from '@mikro-orm/migrations';

// The whole initial schema, written by hand: the constraints and triggers here are the last line of defence for
// money and audit invariants, so they live in the database rather than only in application code.

const CURRENCY = `~ '^[A-Z]{3}$'`;

const TABLES = [
  `create table "app_user" (
    "id" uuid not null default gen_random_uuid() primary key,
    "email" text not null constraint "app_user_email_unique" unique,
    "name" text not null,
    "role" text not null,
    "password_hash" text not null,
    "active" boolean not null default true,
    "capacity" int not null default 50,
    "created_at" timestamptz not null default now(),
    constraint "app_user_email_lower_check" check ("email" = lower("email") and position('@' in "email") > 1),
    constraint "app_user_role_check" check ("role" in ('admin', 'manager', 'collector')),
    constraint "app_user_capacity_check" check ("capacity" >= 0)
  )`,

  `create table "account" (
    "id" uuid not null default gen_random_uuid() primary key,
    "external_ref" text not null constraint "account_external_ref_unique" unique,
    "name" text not null,
    "customer_type" text not null,
    "segment" text not null default 'standard',
    "risk_score" int null,
    "currency" char(3) not null,
    "time_zone" text not null,
    "assigned_collector_id" uuid null
      constraint "account_assigned_collector_id_foreign" references "app_user" ("id") on delete set null,
    "created_at" timestamptz not null default now(),
    "updated_at" timestamptz not null default now(),
    constraint "account_customer_type_check" check ("customer_type" in ('consumer', 'business')),
    constraint "account_risk_score_check" check ("risk_score" between 0 and 1000),
    constraint "account_currency_check" check ("currency" ${CURRENCY}),
    constraint "account_external_ref_check" check (length("external_ref") > 0)
  )`,
  `create index "account_assigned_collector_id_index" on "account" ("assigned_collector_id")`,
  `create index "account_name_index" on "account" (lower("name"))`,

  `create table "contact" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "contact_account_id_foreign" references "account" ("id") on delete cascade,
    "name" text not null,
    "email" text null,
    "phone" text null,
    "time_zone" text not null,
    "is_primary" boolean not null default false,
    "consent_email" boolean not null default false,
    "consent_sms" boolean not null default false,
    "consent_phone" boolean not null default false,
    "consent_letter" boolean not null default false,
    "created_at" timestamptz not null default now()
  )`,
  `create index "contact_account_id_index" on "contact" ("account_id")`,
  // At most one primary contact per account.
  `create unique index "contact_primary_unique" on "contact" ("account_id") where "is_primary"`,

  `create table "invoice" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "invoice_account_id_foreign" references "account" ("id"),
    "number" text not null constraint "invoice_number_unique" unique,
    "issue_date" date not null,
    "due_date" date not null,
    "currency" char(3) not null,
    "amount_minor" bigint not null,
    "open_minor" bigint not null,
    "status" text not null default 'open',
    "created_at" timestamptz not null default now(),
    constraint "invoice_currency_check" check ("currency" ${CURRENCY}),
    constraint "invoice_amount_minor_check" check ("amount_minor" > 0),
    constraint "invoice_open_minor_check" check ("open_minor" >= 0 and "open_minor" <= "amount_minor"),
    constraint "invoice_status_check" check ("status" in ('open', 'paid', 'cancelled')),
    constraint "invoice_paid_check" check ("status" <> 'paid' or "open_minor" = 0)
  )`,
  `create index "invoice_account_id_index" on "invoice" ("account_id")`,
  `create index "invoice_open_account_id_index" on "invoice" ("account_id", "due_date") where "status" = 'open'`,
  `create index "invoice_open_due_date_index" on "invoice" ("due_date") where "status" = 'open'`,

  `create table "payment" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "payment_account_id_foreign" references "account" ("id"),
    "amount_minor" bigint not null,
    "currency" char(3) not null,
    "received_at" timestamptz not null,
    "reference" text not null,
    "payer_name" text null,
    "idempotency_key" text null constraint "payment_idempotency_key_unique" unique,
    "unallocated_minor" bigint not null,
    "created_at" timestamptz not null default now(),
    constraint "payment_currency_check" check ("currency" ${CURRENCY}),
    constraint "payment_amount_minor_check" check ("amount_minor" > 0),
    constraint "payment_unallocated_minor_check" check ("unallocated_minor" >= 0 and "unallocated_minor" <= "amount_minor")
  )`,
  `create index "payment_account_id_index" on "payment" ("account_id", "received_at")`,

  `create table "allocation" (
    "id" uuid not null default gen_random_uuid() primary key,
    "payment_id" uuid not null constraint "allocation_payment_id_foreign" references "payment" ("id"),
    "invoice_id" uuid not null constraint "allocation_invoice_id_foreign" references "invoice" ("id"),
    "amount_minor" bigint not null,
    "created_at" timestamptz not null default now(),
    constraint "allocation_amount_minor_check" check ("amount_minor" > 0)
  )`,
  `create index "allocation_payment_id_index" on "allocation" ("payment_id")`,
  `create index "allocation_invoice_id_index" on "allocation" ("invoice_id")`,

  `create table "collector_task" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "collector_task_account_id_foreign" references "account" ("id"),
    "key" text not null constraint "collector_task_key_unique" unique,
    "workflow_id" text not null,
    "node_id" text not null,
    "task_type" text not null,
    "title" text not null,
    "status" text not null default 'open',
    "assignee_id" uuid null
      constraint "collector_task_assignee_id_foreign" references "app_user" ("id") on delete set null,
    "outcomes" text[] not null default '{}',
    "outcome" text null,
    "note" text null,
    "due_at" timestamptz not null,
    "created_at" timestamptz not null default now(),
    "completed_at" timestamptz null,
    "completed_by" uuid null constraint "collector_task_completed_by_foreign" references "app_user" ("id"),
    constraint "collector_task_task_type_check" check ("task_type" in ('call', 'review', 'escalation')),
    constraint "collector_task_status_check" check ("status" in ('open', 'done', 'cancelled')),
    constraint "collector_task_outcome_check" check ("outcome" is null or "outcome" = any ("outcomes")),
    constraint "collector_task_done_check" check ("status" <> 'done' or ("outcome" is not null and "completed_at" is not null))
  )`,
  `create index "collector_task_assignee_status_index" on "collector_task" ("assignee_id", "status", "due_at")`,
  `create index "collector_task_account_id_index" on "collector_task" ("account_id")`,
  `create index "collector_task_open_due_at_index" on "collector_task" ("due_at") where "status" = 'open'`,

  `create table "communication" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "communication_account_id_foreign" references "account" ("id"),
    "key" text not null constraint "communication_key_unique" unique,
    "channel" text not null default 'email',
    "direction" text not null default 'outbound',
    "template_key" text not null,
    "to_address" text not null,
    "subject" text not null,
    "body_text" text not null,
    "body_html" text null,
    "status" text not null,
    "message_id" text null,
    "workflow_id" text null,
    "node_id" text null,
    "created_at" timestamptz not null default now(),
    "sent_at" timestamptz null,
    constraint "communication_channel_check" check ("channel" in ('email')),
    constraint "communication_direction_check" check ("direction" in ('outbound')),
    constraint "communication_status_check" check ("status" in ('sent', 'failed'))
  )`,
  `create index "communication_account_id_index" on "communication" ("account_id", "created_at")`,

  `create table "escalation" (
    "id" uuid not null default gen_random_uuid() primary key,
    "account_id" uuid not null constraint "escalation_account_id_foreign" references "account" ("id"),
    "key" text not null constraint "escalation_key_unique" unique,
    "level" int not null,
    "action" text not null,
    "workflow_id" text not null,
    "node_id" text not null,
    "created_at" timestamptz not null default now(),
    constraint "escalation_level_check" check ("level" >= 1)
  )`,
  `create index "escalation_account_id_index" on "escalation" ("account_id", "created_at")`,

  `create table "template" (
    "id" uuid not null default gen_random_uuid() primary key,
    "key" text not null constraint "template_key_unique" unique,
    "channel" text not null default 'email',
    "name" text not null,
    "subject" text not null,
    "body_text" text not null,
    "updated_at" timestamptz not null default now(),
    constraint "template_channel_check" check ("channel" in ('email'))
  )`,

  `create table "strategy" (
    "id" uuid not null default gen_random_uuid() primary key,
    "name" text not null constraint "strategy_name_unique" unique,
    "description" text not null default '',
    "draft" jsonb not null,
    "is_default" boolean not null default false,
    "created_by" uuid null constraint "strategy_created_by_foreign" references "app_user" ("id"),
    "created_at" timestamptz not null default now(),
    "updated_at" timestamptz not null default now()
  )`,
  // Exactly one strategy can be the default that new collection workflows use.
  `create unique index "strategy_default_unique" on "strategy" ("is_default") where "is_default"`,

  `create table "strategy_version" (
    "id" uuid not null default gen_random_uuid() primary key,
    "strategy_id" uuid not null constraint "strategy_version_strategy_id_foreign" references "strategy" ("id"),
    "version" int not null,
    "graph" jsonb not null,
    "checksum" text not null,
    "published_at" timestamptz not null default now(),
    "published_by" uuid null constraint "strategy_version_published_by_foreign" references "app_user" ("id"),
    constraint "strategy_version_strategy_id_version_unique" unique ("strategy_id", "version"),
    constraint "strategy_version_version_check" check ("version" >= 1),
    constraint "strategy_version_checksum_check" check ("checksum" ~ '^[0-9a-f]{64}$')
  )`,

  `create table "audit_log" (
    "id" bigserial primary key,
    "at" timestamptz not null default now(),
    "actor_id" uuid null,
    "action" text not null,
    "entity" text not null,
    "entity_id" text not null,
    "details" jsonb not null default '{}',
    "prev_hash" text null,
    "hash" text not null constraint "audit_log_hash_unique" unique,
    constraint "audit_log_hash_check" check ("hash" ~ '^[0-9a-f]{64}$')
  )`,
  `create index "audit_log_entity_index" on "audit_log" ("entity", "entity_id")`,
  `create index "audit_log_at_index" on "audit_log" ("at")`,

  `create table "import_batch" (
    "id" uuid not null default gen_random_uuid() primary key,
    "kind" text not null,
    "format" text not null,
    "filename" text not null,
    "raw" bytea not null,
    "status" text not null,
    "rows_total" int not null,
    "rows_imported" int not null,
    "errors" jsonb not null default '[]',
    "created_by" uuid null constraint "import_batch_created_by_foreign" references "app_user" ("id"),
    "created_at" timestamptz not null default now(),
    constraint "import_batch_kind_check" check ("kind" in ('customers-invoices')),
    constraint "import_batch_format_check" check ("format" in ('csv', 'json')),
    constraint "import_batch_status_check" check ("status" in ('imported', 'partially-imported', 'rejected')),
    constraint "import_batch_rows_check" check ("rows_imported" >= 0 and "rows_imported" <= "rows_total")
  )`,
  `create index "import_batch_created_at_index" on "import_batch" ("created_at")`,

  `create table "idempotency_record" (
    "key" text not null primary key,
    "scope" text not null,
    "request_hash" text not null,
    "status_code" int not null,
    "response" jsonb not null,
    "created_at" timestamptz not null default now(),
    constraint "idempotency_record_status_code_check" check ("status_code" between 100 and 599)
  )`,
  `create index "idempotency_record_created_at_index" on "idempotency_record" ("created_at")`,

  `create table "outbox_message" (
    "id" uuid not null default gen_random_uuid() primary key,
    "received_at" timestamptz not null default now(),
    "mail_from" text not null,
    "rcpt_to" text[] not null,
    "subject" text not null,
    "text_body" text not null,
    "html_body" text null,
    "raw" text not null,
    "message_id" text null
  )`,
  `create index "outbox_message_received_at_index" on "outbox_message" ("received_at")`,

  // The table connect-pg-simple expects (its table.sql), so the API need not create it at run time.
  `create table "session" (
    "sid" varchar not null collate "default" constraint "session_pkey" primary key,
    "sess" json not null,
    "expire" timestamp(6) not null
  )`,
  `create index "IDX_session_expire" on "session" ("expire")`,
];

const ALLOCATION_TRIGGER = [
  // Moves money between payment.unallocated_minor and invoice.open_minor. The CHECK constraints on those columns
  // then refuse an allocation above what the payment has left or above what the invoice still owes.
  // Rows are locked payment first, then invoice, in every transaction, so concurrent allocations cannot deadlock.
  `create function "recoup_allocation_apply"() returns trigger language plpgsql as $$
  declare
    payment_currency char(3);
    invoice_currency char(3);
    invoice_status text;
  begin
    if tg_op = 'INSERT' then
      select "currency" into payment_currency from "payment" where "id" = new."payment_id" for update;
      select "currency", "status" into invoice_currency, invoice_status
        from "invoice" where "id" = new."invoice_id" for update;
      if payment_currency is null or invoice_currency is null then
        -- the foreign key constraints report the missing row
        return new;
      end if;
      if payment_currency <> invoice_currency then
        raise exception 'allocation currency mismatch: payment is in %, invoice is in %',
          payment_currency, invoice_currency
          using errcode = 'check_violation', constraint = 'allocation_currency_match', table = 'allocation';
      end if;
      if invoice_status = 'cancelled' then
        raise exception 'allocation refused: invoice % is cancelled', new."invoice_id"
          using errcode = 'check_violation', constraint = 'allocation_invoice_not_cancelled', table = 'allocation';
      end if;
      update "payment" set "unallocated_minor" = "unallocated_minor" - new."amount_minor"
        where "id" = new."payment_id";
      update "invoice" set
          "open_minor" = "open_minor" - new."amount_minor",
          "status" = case when "open_minor" - new."amount_minor" = 0 then 'paid' else "status" end
        where "id" = new."invoice_id";
      return new;
    elsif tg_op = 'DELETE' then
      perform 1 from "payment" where "id" = old."payment_id" for update;
      perform 1 from "invoice" where "id" = old."invoice_id" for update;
      update "payment" set "unallocated_minor" = "unallocated_minor" + old."amount_minor"
        where "id" = old."payment_id";
      update "invoice" set
          "open_minor" = "open_minor" + old."amount_minor",
          "status" = case when "status" = 'paid' then 'open' else "status" end
        where "id" = old."invoice_id";
      return old;
    end if;
    raise exception 'allocations are immutable: delete and insert instead of %', tg_op
      using errcode = 'check_violation', constraint = 'allocation_immutable', table = 'allocation';
  end
  $$`,
  `create trigger "allocation_apply" after insert or delete on "allocation"
    for each row execute function "recoup_allocation_apply"()`,
  `create trigger "allocation_immutable" before update on "allocation"
    for each row execute function "recoup_allocation_apply"()`,
];

const IMMUTABILITY_TRIGGERS = [
  `create function "recoup_refuse_change"() returns trigger language plpgsql as $$
  begin
    raise exception '% rows are immutable: % refused', tg_table_name, tg_op
      using errcode = 'restrict_violation', table = tg_table_name;
  end
  $$`,
  `create trigger "strategy_version_immutable" before update or delete on "strategy_version"
    for each row execute function "recoup_refuse_change"()`,
  `create trigger "audit_log_immutable" before update or delete on "audit_log"
    for each row execute function "recoup_refuse_change"()`,
];

export class Migration20261123000000_initial_schema extends Migration {
  override name = 'Migration20261123000000_initial_schema';

  override up(): void {
    for (const sql of [...TABLES, ...ALLOCATION_TRIGGER, ...IMMUTABILITY_TRIGGERS]) {
      this.addSql(sql);
    }
  }

  override down(): void {
    for (const table of [
      'session', 'outbox_message', 'idempotency_record', 'import_batch', 'audit_log', 'strategy_version', 'strategy',
      'template', 'escalation', 'communication', 'collector_task', 'allocation', 'payment', 'invoice', 'contact',
      'account', 'app_user',
    ]) {
      this.addSql(`drop table if exists "${table}" cascade`);
    }
    this.addSql('drop function if exists "recoup_allocation_apply"()');
    this.addSql('drop function if exists "recoup_refuse_change"()');
  }
}
