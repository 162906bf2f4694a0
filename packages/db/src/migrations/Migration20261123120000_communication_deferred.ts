import { Migration } from '@mikro-orm/migrations';

// A contact the compliance rules refuse for now is logged as 'deferred' (with the time it was moved to), so the
// communication log shows every attempt, including those that did not go out yet.
export class Migration20261123120000_communication_deferred extends Migration {
  override name = 'Migration20261123120000_communication_deferred';

  override up(): void {
    this.addSql('alter table "communication" drop constraint "communication_status_check"');
    this.addSql(`alter table "communication" add constraint "communication_status_check" check ("status" in ('sent', 'failed', 'deferred'))`);
  }

  override down(): void {
    this.addSql(`delete from "communication" where "status" = 'deferred'`);
    this.addSql('alter table "communication" drop constraint "communication_status_check"');
    this.addSql(`alter table "communication" add constraint "communication_status_check" check ("status" in ('sent', 'failed'))`);
  }
}
