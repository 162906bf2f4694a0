import { Migration } from '@mikro-orm/migrations';

// The admin audit log filters by actor and by the start of the action name, newest first. Without these indexes
// a rare actor or action would mean reading the whole log backwards to fill one page.
export class Migration20261203000000_audit_log_filters extends Migration {
  override name = 'Migration20261203000000_audit_log_filters';

  override up(): void {
    this.addSql('create index "audit_log_actor_id_id_index" on "audit_log" ("actor_id", "id")');
    this.addSql('create index "audit_log_action_prefix_index" on "audit_log" ("action" text_pattern_ops)');
  }

  override down(): void {
    this.addSql('drop index if exists "audit_log_action_prefix_index"');
    this.addSql('drop index if exists "audit_log_actor_id_id_index"');
  }
}
