import { Migration } from '@mikro-orm/migrations';

// What a debtor arranges in the portal: a promise made online, a payment plan asked for (an account event when it
// goes to a collector for review), the review task itself, and a message the debtor writes to the collector, which
// the communication log keeps as the first inbound entry.
export class Migration20261213000000_portal_requests extends Migration {
  override name = 'Migration20261213000000_portal_requests';

  override up(): void {
    this.addSql(`alter table "account_event" drop constraint "account_event_kind_check"`);
    this.addSql(`alter table "account_event" add constraint "account_event_kind_check"
      check ("kind" in ('payment-applied', 'account-changed', 'dispute-opened', 'payment-reversed', 'portal-visited', 'plan-requested'))`);
    this.addSql(`alter table "promise" drop constraint "promise_source_check"`);
    this.addSql(`alter table "promise" add constraint "promise_source_check" check ("source" in ('api', 'task', 'plan', 'portal'))`);
    this.addSql(`alter table "collector_task" drop constraint "collector_task_task_type_check"`);
    this.addSql(`alter table "collector_task" add constraint "collector_task_task_type_check"
      check ("task_type" in ('call', 'review', 'escalation', 'portal-request'))`);
    this.addSql(`alter table "communication" drop constraint "communication_channel_check"`);
    this.addSql(`alter table "communication" add constraint "communication_channel_check" check ("channel" in ('email', 'sms', 'letter', 'webhook', 'call', 'portal'))`);
    this.addSql(`alter table "communication" drop constraint "communication_direction_check"`);
    this.addSql(`alter table "communication" add constraint "communication_direction_check" check ("direction" in ('outbound', 'inbound'))`);
    this.addSql(`alter table "communication" drop constraint "communication_status_check"`);
    this.addSql(`alter table "communication" add constraint "communication_status_check"
      check ("status" in ('sending', 'sent', 'unconfirmed', 'failed', 'deferred', 'suppressed', 'refused', 'received'))`);
    // Only a message from the debtor is received, and a message from the debtor is always received.
    this.addSql(`alter table "communication" add constraint "communication_inbound_check" check (("direction" = 'inbound') = ("status" = 'received'))`);
  }

  override down(): void {
    this.addSql(`delete from "communication" where "direction" = 'inbound'`);
    this.addSql(`alter table "communication" drop constraint "communication_inbound_check"`);
    this.addSql(`alter table "communication" drop constraint "communication_status_check"`);
    this.addSql(`alter table "communication" add constraint "communication_status_check"
      check ("status" in ('sending', 'sent', 'unconfirmed', 'failed', 'deferred', 'suppressed', 'refused'))`);
    this.addSql(`alter table "communication" drop constraint "communication_direction_check"`);
    this.addSql(`alter table "communication" add constraint "communication_direction_check" check ("direction" in ('outbound'))`);
    this.addSql(`alter table "communication" drop constraint "communication_channel_check"`);
    this.addSql(`alter table "communication" add constraint "communication_channel_check" check ("channel" in ('email', 'sms', 'letter', 'webhook', 'call'))`);
    this.addSql(`delete from "account_event" where "kind" = 'plan-requested'`);
    this.addSql(`alter table "account_event" drop constraint "account_event_kind_check"`);
    this.addSql(`alter table "account_event" add constraint "account_event_kind_check"
      check ("kind" in ('payment-applied', 'account-changed', 'dispute-opened', 'payment-reversed', 'portal-visited'))`);
    this.addSql(`update "promise" set "source" = 'api' where "source" = 'portal'`);
    this.addSql(`alter table "promise" drop constraint "promise_source_check"`);
    this.addSql(`alter table "promise" add constraint "promise_source_check" check ("source" in ('api', 'task', 'plan'))`);
    this.addSql(`delete from "collector_task" where "task_type" = 'portal-request'`);
    this.addSql(`alter table "collector_task" drop constraint "collector_task_task_type_check"`);
    this.addSql(`alter table "collector_task" add constraint "collector_task_task_type_check" check ("task_type" in ('call', 'review', 'escalation'))`);
  }
}
