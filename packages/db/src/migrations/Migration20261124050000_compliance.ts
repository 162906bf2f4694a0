import { Migration } from '@mikro-orm/migrations';

// Compliance settings by customer type (contact hours, call limits), the log of call attempts the limits are
// counted on, and call deferrals in the communication log.
export class Migration20261124050000_compliance extends Migration {
  override name = 'Migration20261124050000_compliance';

  override up(): void {
    this.addSql(`create table "compliance_setting" (
      "customer_type" text not null primary key,
      "contact_start_minutes" int not null default 480,
      "contact_end_minutes" int not null default 1260,
      "max_call_attempts" int not null default 7,
      "call_window_days" int not null default 7,
      "quiet_days_after_conversation" int not null default 7,
      "updated_at" timestamptz not null default now(),
      "updated_by_id" uuid null references "app_user" ("id") on delete set null,
      constraint "compliance_setting_customer_type_check" check ("customer_type" in ('consumer', 'business')),
      constraint "compliance_setting_window_check"
        check ("contact_start_minutes" >= 0 and "contact_start_minutes" < "contact_end_minutes" and "contact_end_minutes" <= 1440),
      constraint "compliance_setting_calls_check"
        check ("max_call_attempts" >= 1 and "call_window_days" >= 1 and "quiet_days_after_conversation" >= 0)
    )`);
    this.addSql(`insert into "compliance_setting" ("customer_type") values ('consumer'), ('business')`);
    this.addSql(`create table "call_attempt" (
      "id" uuid not null default gen_random_uuid() primary key,
      "account_id" uuid not null references "account" ("id") on delete cascade,
      "task_id" uuid null references "collector_task" ("id") on delete set null,
      "user_id" uuid null references "app_user" ("id") on delete set null,
      "placed_at" timestamptz not null,
      "outcome" text not null,
      "created_at" timestamptz not null default now(),
      constraint "call_attempt_outcome_check"
        check ("outcome" in ('conversation', 'no-answer', 'voicemail', 'busy', 'wrong-number'))
    )`);
    this.addSql(`create index "call_attempt_account_placed_index" on "call_attempt" ("account_id", "placed_at")`);
    this.addSql(`alter table "communication" drop constraint "communication_channel_check"`);
    this.addSql(
      `alter table "communication" add constraint "communication_channel_check" check ("channel" in ('email', 'sms', 'letter', 'webhook', 'call'))`,
    );
  }

  override down(): void {
    this.addSql(`delete from "communication" where "channel" = 'call'`);
    this.addSql(`alter table "communication" drop constraint "communication_channel_check"`);
    this.addSql(
      `alter table "communication" add constraint "communication_channel_check" check ("channel" in ('email', 'sms', 'letter', 'webhook'))`,
    );
    this.addSql(`drop table "call_attempt"`);
    this.addSql(`drop table "compliance_setting"`);
  }
}
