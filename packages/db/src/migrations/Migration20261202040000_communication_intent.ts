import { Migration } from '@mikro-orm/migrations';

// A message is recorded as "sending" and committed before it is handed to the provider, so a worker that dies
// mid-send leaves a trace. Its retry then either sends again, where the provider drops a resend by its idempotency
// key, or marks the message "unconfirmed" for a person, never sending it twice.
export class Migration20261202040000_communication_intent extends Migration {
  override name = 'Migration20261202040000_communication_intent';

  override up(): void {
    this.addSql('alter table "communication" drop constraint "communication_status_check"');
    this.addSql(
      `alter table "communication" add constraint "communication_status_check" check ("status" in ('sending', 'sent', 'unconfirmed', 'failed', 'deferred', 'suppressed', 'refused'))`,
    );
    this.addSql('alter table "communication" drop constraint "communication_reason_check"');
    this.addSql(
      `alter table "communication" add constraint "communication_reason_check" check ("status" not in ('deferred', 'suppressed', 'unconfirmed') or "reason" is not null)`,
    );
  }

  override down(): void {
    this.addSql(`update "communication" set "status" = 'sent' where "status" in ('sending', 'unconfirmed')`);
    this.addSql('alter table "communication" drop constraint "communication_reason_check"');
    this.addSql(
      `alter table "communication" add constraint "communication_reason_check" check ("status" not in ('deferred', 'suppressed') or "reason" is not null)`,
    );
    this.addSql('alter table "communication" drop constraint "communication_status_check"');
    this.addSql(
      `alter table "communication" add constraint "communication_status_check" check ("status" in ('sent', 'failed', 'deferred', 'suppressed', 'refused'))`,
    );
  }
}
