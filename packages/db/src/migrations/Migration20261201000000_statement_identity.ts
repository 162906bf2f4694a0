import { Migration } from '@mikro-orm/migrations';

// A statement file holds statements (one per account and period), and each is known by what identifies it at the
// bank, not by the file's labels: the same :20: reference comes back every day at some banks. A transaction is
// known by a fingerprint: its real bank reference with its amount and date, or, without a reference, its
// statement and its place in it (see the domain's statement identity). A statement whose own balances or control
// totals do not add up is stored whole but held ('unbalanced') until a manager releases or rejects it; a rejected
// statement's transactions no longer count as seen, so a corrected file is read in full.
export class Migration20261201000000_statement_identity extends Migration {
  override name = 'Migration20261201000000_statement_identity';

  override up(): void {
    this.addSql(`alter table "bank_statement" drop constraint "bank_statement_ref_unique"`);
    this.addSql(`alter table "bank_statement" drop constraint "bank_statement_status_check"`);
    this.addSql(`alter table "bank_statement"
      add constraint "bank_statement_status_check"
        check ("status" in ('received', 'unbalanced', 'reconciling', 'reconciled', 'failed', 'rejected')),
      add column "imbalances" jsonb not null default '[]',
      add column "already_seen" jsonb not null default '[]',
      add column "review_reason" text null,
      add column "reviewed_by_id" uuid null constraint "bank_statement_reviewed_by_id_foreign" references "app_user" ("id") on delete set null,
      add column "reviewed_at" timestamptz null,
      add constraint "bank_statement_review_check" check (("reviewed_at" is null) = ("review_reason" is null))`);
    this.addSql(`create table "bank_statement_section" (
      "id" uuid not null default gen_random_uuid() primary key,
      "bank_statement_id" uuid not null constraint "bank_statement_section_statement_foreign" references "bank_statement" ("id"),
      "position" int not null,
      "account_number" text not null,
      "currency" text not null,
      "statement_key" text not null,
      "identity" jsonb not null,
      "source" text not null,
      "opening_date" date null,
      "opening_minor" bigint null,
      "closing_date" date null,
      "closing_minor" bigint null,
      "imbalances" jsonb not null default '[]',
      "information" text null,
      "line_count" int not null,
      "rejected" boolean not null default false
    )`);
    this.addSql(`create unique index "bank_statement_section_key_unique" on "bank_statement_section" ("statement_key") where not "rejected"`);
    this.addSql(`create index "bank_statement_section_statement_index" on "bank_statement_section" ("bank_statement_id", "position")`);

    this.addSql(`alter table "statement_line" add column "fingerprint" text null,
      add column "section_id" uuid null constraint "statement_line_section_id_foreign" references "bank_statement_section" ("id")`);
    this.addSql(`create index "statement_line_section_index" on "statement_line" ("section_id", "position")`);
    // Lines stored before were known by their reference alone; they keep that as their fingerprint.
    this.addSql(`update "statement_line" set "fingerprint" = 'legacy:' || "bank_ref"`);
    this.addSql(`alter table "statement_line" alter column "fingerprint" set not null, alter column "bank_ref" drop not null`);
    this.addSql(`alter table "statement_line" drop constraint "statement_line_seen_unique"`);
    this.addSql(`alter table "statement_line" drop constraint "statement_line_amount_check"`);
    this.addSql(`alter table "statement_line" drop constraint "statement_line_status_check"`);
    this.addSql(`alter table "statement_line"
      add constraint "statement_line_amount_check" check ("amount_minor" >= 0),
      add constraint "statement_line_status_check" check ("status" in ('pending', 'exception', 'applied', 'skipped', 'rejected'))`);
    this.addSql(`create unique index "statement_line_fingerprint_unique" on "statement_line" ("account_number", "fingerprint") where "status" <> 'rejected'`);
  }

  override down(): void {
    this.addSql(`drop index "statement_line_fingerprint_unique"`);
    this.addSql(`delete from "statement_line" where "status" = 'rejected' or "bank_ref" is null or "amount_minor" = 0`);
    this.addSql(`alter table "statement_line" drop constraint "statement_line_status_check", drop constraint "statement_line_amount_check"`);
    this.addSql(`alter table "statement_line"
      add constraint "statement_line_status_check" check ("status" in ('pending', 'exception', 'applied', 'skipped')),
      add constraint "statement_line_amount_check" check ("amount_minor" > 0),
      add constraint "statement_line_seen_unique" unique ("account_number", "bank_ref")`);
    this.addSql(`alter table "statement_line" alter column "bank_ref" set not null, drop column "fingerprint", drop column "section_id"`);
    this.addSql(`drop table "bank_statement_section"`);
    this.addSql(`alter table "bank_statement" drop constraint "bank_statement_review_check", drop constraint "bank_statement_status_check",
      drop column "imbalances", drop column "already_seen", drop column "review_reason", drop column "reviewed_by_id", drop column "reviewed_at"`);
    this.addSql(`update "bank_statement" set "status" = 'received' where "status" in ('unbalanced', 'rejected')`);
    this.addSql(`alter table "bank_statement" add constraint "bank_statement_status_check" check ("status" in ('received', 'reconciling', 'reconciled', 'failed')),
      add constraint "bank_statement_ref_unique" unique ("format", "statement_ref")`);
  }
}
