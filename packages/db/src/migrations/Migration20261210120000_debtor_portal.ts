import { Migration } from '@mikro-orm/migrations';

// The debtor portal: one-time codes for expired links, the checkouts debtors start, the portal's request counts
// (in rate-limiter-flexible's Postgres store shape, like sign_in_throttle, so every API process shares them) and
// the language a contact reads in.
export class Migration20261210120000_debtor_portal extends Migration {
  override name = 'Migration20261210120000_debtor_portal';

  override up(): void {
    this.addSql(`alter table "contact" add column "locale" text null`);
    this.addSql(`create table "portal_code" (
      "id" uuid primary key,
      "account_id" uuid not null references "account" ("id") on delete cascade,
      "contact_id" uuid not null references "contact" ("id") on delete cascade,
      "code_hash" text not null,
      "expires_at" timestamptz not null,
      "attempts" integer not null default 0,
      "used_at" timestamptz null,
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "portal_code_contact_index" on "portal_code" ("contact_id", "created_at")`);
    this.addSql(`create table "portal_checkout" (
      "id" uuid primary key,
      "account_id" uuid not null references "account" ("id") on delete cascade,
      "contact_id" uuid not null references "contact" ("id") on delete cascade,
      "provider_session_id" text not null unique,
      "amount_minor" bigint not null check ("amount_minor" > 0),
      "currency" char(3) not null,
      "invoice_ids" text[] not null default '{}',
      "status" text not null default 'open' check ("status" in ('open', 'paid', 'expired')),
      "payment_id" uuid null references "payment" ("id"),
      "created_at" timestamptz not null,
      "paid_at" timestamptz null
    )`);
    this.addSql(`create index "portal_checkout_account_index" on "portal_checkout" ("account_id", "created_at")`);
    this.addSql(`create table "portal_rate_limit" (
      "key" varchar(255) primary key,
      "points" integer not null default 0,
      "expire" bigint
    )`);
    this.addSql(`create index "portal_rate_limit_expire_index" on "portal_rate_limit" ("expire")`);
  }

  override down(): void {
    this.addSql(`drop table if exists "portal_rate_limit"`);
    this.addSql(`drop table if exists "portal_checkout"`);
    this.addSql(`drop table if exists "portal_code"`);
    this.addSql(`alter table "contact" drop column if exists "locale"`);
  }
}
