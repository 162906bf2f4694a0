import { Migration } from '@mikro-orm/migrations';

// Bank statements as received (raw bytes kept), their transaction lines, and the column mappings for CSV exports.
// A file already seen, or a transaction already seen on the same account, is recognised and changes nothing.
export class Migration20261124060000_bank_statements extends Migration {
  override name = 'Migration20261124060000_bank_statements';

  override up(): void {
    this.addSql(`create table "bank_statement" (
      "id" uuid not null default gen_random_uuid() primary key,
      "format" text not null,
      "statement_ref" text not null,
      "file_sha256" text not null constraint "bank_statement_file_sha256_unique" unique,
      "filename" text not null,
      "raw" bytea not null,
      "line_count" int not null,
      "new_line_count" int not null,
      "status" text not null default 'received',
      "created_by_id" uuid null references "app_user" ("id") on delete set null,
      "created_at" timestamptz not null default now(),
      constraint "bank_statement_format_check" check ("format" in ('camt.053', 'camt.054', 'mt940', 'bai2', 'csv')),
      constraint "bank_statement_status_check" check ("status" in ('received', 'reconciling', 'reconciled', 'failed')),
      constraint "bank_statement_ref_unique" unique ("format", "statement_ref")
    )`);
    this.addSql(`create table "statement_line" (
      "id" uuid not null default gen_random_uuid() primary key,
      "bank_statement_id" uuid not null references "bank_statement" ("id"),
      "position" int not null,
      "account_number" text not null,
      "bank_ref" text not null,
      "customer_ref" text null,
      "direction" text not null,
      "amount_minor" bigint not null,
      "currency" char(3) not null,
      "value_date" date null,
      "text" text not null,
      "counterparty" text null,
      "type_code" text not null,
      "returned" boolean not null,
      "source" text not null,
      "status" text not null default 'pending',
      "created_at" timestamptz not null default now(),
      constraint "statement_line_direction_check" check ("direction" in ('credit', 'debit')),
      constraint "statement_line_amount_check" check ("amount_minor" > 0),
      constraint "statement_line_status_check" check ("status" in ('pending', 'matched', 'exception', 'applied', 'skipped')),
      constraint "statement_line_seen_unique" unique ("account_number", "bank_ref")
    )`);
    this.addSql(`create index "statement_line_statement_index" on "statement_line" ("bank_statement_id", "position")`);
    this.addSql(`create table "csv_statement_mapping" (
      "name" text not null primary key,
      "mapping" jsonb not null,
      "updated_by_id" uuid null references "app_user" ("id") on delete set null,
      "updated_at" timestamptz not null default now()
    )`);
  }

  override down(): void {
    this.addSql(`drop table "csv_statement_mapping"`);
    this.addSql(`drop table "statement_line"`);
    this.addSql(`drop table "bank_statement"`);
  }
}
