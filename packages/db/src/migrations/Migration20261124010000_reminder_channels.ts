import { Migration } from '@mikro-orm/migrations';

// Reminders go out by e-mail, SMS, letter or webhook. The communication log records every channel, and a
// suppressed contact (opt-out, no consent, cease-communication, no provider) with its reason, next to deferrals
// whose reason moves from the body into the same column. Contacts gain a postal address and per-channel opt-outs
// kept apart from consent; accounts gain the debtor's request to cease communication.
export class Migration20261124010000_reminder_channels extends Migration {
  override name = 'Migration20261124010000_reminder_channels';

  override up(): void {
    this.addSql(`alter table "communication" add column "reason" text null`);
    this.addSql(`update "communication" set "reason" = "body_text" where "status" = 'deferred'`);
    this.addSql('alter table "communication" drop constraint "communication_channel_check"');
    this.addSql(
      `alter table "communication" add constraint "communication_channel_check" check ("channel" in ('email', 'sms', 'letter', 'webhook'))`,
    );
    this.addSql('alter table "communication" drop constraint "communication_status_check"');
    this.addSql(
      `alter table "communication" add constraint "communication_status_check" check ("status" in ('sent', 'failed', 'deferred', 'suppressed'))`,
    );
    this.addSql(
      `alter table "communication" add constraint "communication_reason_check" check ("status" not in ('deferred', 'suppressed') or "reason" is not null)`,
    );

    this.addSql(`alter table "contact" add column "postal_address" text null`);
    this.addSql(`alter table "contact" add column "email_opted_out_at" timestamptz null`);
    this.addSql(`alter table "contact" add column "sms_opted_out_at" timestamptz null`);
    this.addSql(`alter table "contact" add column "letter_opted_out_at" timestamptz null`);
    // Opt-outs made through the e-mail link before this migration are known from the audit log.
    this.addSql(`update "contact" set "email_opted_out_at" = optouts."at"
      from (select "entity_id", min("at") as "at" from "audit_log"
             where "action" = 'contact.email-opt-out' and "entity" = 'contact' group by "entity_id") optouts
      where optouts."entity_id" = "contact"."id"::text`);

    this.addSql(`alter table "account" add column "cease_communication" boolean not null default false`);
    this.addSql(`alter table "account" add column "cease_communication_at" timestamptz null`);
    this.addSql(
      `alter table "account" add constraint "account_cease_communication_check" check ("cease_communication" = ("cease_communication_at" is not null))`,
    );

    this.addSql(`alter table "template" add column "sms_text" text null`);
    this.addSql('alter table "template" drop constraint "template_channel_check"');
    this.addSql(
      `alter table "template" add constraint "template_channel_check" check ("channel" in ('email', 'sms', 'letter', 'webhook'))`,
    );
  }

  override down(): void {
    this.addSql('alter table "template" drop constraint "template_channel_check"');
    this.addSql(`update "template" set "channel" = 'email'`);
    this.addSql(`alter table "template" add constraint "template_channel_check" check ("channel" in ('email'))`);
    this.addSql(`alter table "template" drop column "sms_text"`);

    this.addSql(`alter table "account" drop constraint "account_cease_communication_check"`);
    this.addSql(`alter table "account" drop column "cease_communication_at"`);
    this.addSql(`alter table "account" drop column "cease_communication"`);

    this.addSql(`alter table "contact" drop column "letter_opted_out_at"`);
    this.addSql(`alter table "contact" drop column "sms_opted_out_at"`);
    this.addSql(`alter table "contact" drop column "email_opted_out_at"`);
    this.addSql(`alter table "contact" drop column "postal_address"`);

    this.addSql(`delete from "communication" where "status" = 'suppressed' or "channel" <> 'email'`);
    this.addSql(`update "communication" set "body_text" = "reason" where "status" = 'deferred' and "reason" is not null`);
    this.addSql(`alter table "communication" drop constraint "communication_reason_check"`);
    this.addSql('alter table "communication" drop constraint "communication_status_check"');
    this.addSql(`alter table "communication" add constraint "communication_status_check" check ("status" in ('sent', 'failed', 'deferred'))`);
    this.addSql('alter table "communication" drop constraint "communication_channel_check"');
    this.addSql(`alter table "communication" add constraint "communication_channel_check" check ("channel" in ('email'))`);
    this.addSql(`alter table "communication" drop column "reason"`);
  }
}
