import { Migration } from '@mikro-orm/migrations';

// A debtor's visit to the portal becomes an account event, so a strategy can wait for it.
export class Migration20261211000000_portal_visit_event extends Migration {
  override name = 'Migration20261211000000_portal_visit_event';

  override up(): void {
    this.addSql(`alter table "account_event" drop constraint "account_event_kind_check"`);
    this.addSql(`alter table "account_event" add constraint "account_event_kind_check"
      check ("kind" in ('payment-applied', 'account-changed', 'dispute-opened', 'payment-reversed', 'portal-visited'))`);
    // The portal tells a workflow of at most one visit an hour; this finds the last one.
    this.addSql(`create index "account_event_portal_visit_index" on "account_event" ("account_id", "created_at") where "kind" = 'portal-visited'`);
  }

  override down(): void {
    this.addSql(`drop index if exists "account_event_portal_visit_index"`);
    this.addSql(`delete from "account_event" where "kind" = 'portal-visited'`);
    this.addSql(`alter table "account_event" drop constraint "account_event_kind_check"`);
    this.addSql(`alter table "account_event" add constraint "account_event_kind_check"
      check ("kind" in ('payment-applied', 'account-changed', 'dispute-opened', 'payment-reversed'))`);
  }
}
