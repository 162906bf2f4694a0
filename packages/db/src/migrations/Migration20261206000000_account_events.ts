import { Migration } from '@mikro-orm/migrations';

// Telling a collection workflow that its account changed (a payment, a reversal, a dispute) becomes a row written in
// the transaction of the change. A crash between the commit and the signal then loses nothing: a drainer finds the
// row unsent and signals again. Sent rows are kept for a week, for inspection, then deleted by the drainer.
export class Migration20261206000000_account_events extends Migration {
  override name = 'Migration20261206000000_account_events';

  override up(): void {
    this.addSql(`create table "account_event" (
      "id" uuid not null default gen_random_uuid() primary key,
      "account_id" uuid not null references "account" ("id") on delete cascade,
      "kind" text not null check ("kind" in ('payment-applied', 'account-changed', 'dispute-opened', 'payment-reversed')),
      "payload" jsonb not null default '{}',
      "created_at" timestamptz not null default now(),
      "attempts" int not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "last_error" text null,
      "sent_at" timestamptz null
    )`);
    // The drainer's question: which rows are unsent and due. Sent rows, the great majority, stay out of the index.
    this.addSql(`create index "account_event_unsent_index" on "account_event" ("next_attempt_at") where "sent_at" is null`);
    this.addSql(`create index "account_event_account_id_index" on "account_event" ("account_id")`);
    this.addSql(`create index "account_event_sent_at_index" on "account_event" ("sent_at") where "sent_at" is not null`);
  }

  override down(): void {
    this.addSql(`drop table "account_event"`);
  }
}
