import { Migration } from '@mikro-orm/migrations';

// Compliance rules on every path:
// - a contact's time zone may be unknown. Imports used to copy the account's zone into every contact that had
//   none, so a copied zone cannot be told from a recorded one; a contact whose zone equals its account's is
//   taken as copied and cleared, so its phone number and address are read for the zones it may be in instead;
// - a call names the debts (invoices) it was about, so the call limits can be counted per debt as Reg F counts
//   them. Calls logged before have none and count on every debt of their account;
// - the communication log keeps contact attempts the rules refused ('refused'), beside deferred and suppressed;
// - each customer type says whether call limits count per debt or per account.
export class Migration20261202030000_compliance_paths extends Migration {
  override name = 'Migration20261202030000_compliance_paths';

  override up(): void {
    this.addSql(`alter table "contact" alter column "time_zone" drop not null`);
    this.addSql(
      `update "contact" c set "time_zone" = null from "account" a where a."id" = c."account_id" and c."time_zone" = a."time_zone"`,
    );
    this.addSql(`alter table "call_attempt" add column "invoice_ids" text[] not null default '{}'`);
    this.addSql('alter table "communication" drop constraint "communication_status_check"');
    this.addSql(
      `alter table "communication" add constraint "communication_status_check" check ("status" in ('sent', 'failed', 'deferred', 'suppressed', 'refused'))`,
    );
    this.addSql(`alter table "compliance_setting" add column "call_limit_scope" text not null default 'debt'`);
    this.addSql(
      `alter table "compliance_setting" add constraint "compliance_setting_call_limit_scope_check" check ("call_limit_scope" in ('debt', 'account'))`,
    );
  }

  override down(): void {
    this.addSql(`alter table "compliance_setting" drop column "call_limit_scope"`);
    this.addSql(`delete from "communication" where "status" = 'refused'`);
    this.addSql('alter table "communication" drop constraint "communication_status_check"');
    this.addSql(
      `alter table "communication" add constraint "communication_status_check" check ("status" in ('sent', 'failed', 'deferred', 'suppressed'))`,
    );
    this.addSql(`alter table "call_attempt" drop column "invoice_ids"`);
    this.addSql(`update "contact" c set "time_zone" = a."time_zone" from "account" a where a."id" = c."account_id" and c."time_zone" is null`);
    this.addSql(`alter table "contact" alter column "time_zone" set not null`);
  }
}
