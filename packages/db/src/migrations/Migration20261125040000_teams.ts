import { Migration } from '@mikro-orm/migrations';

// Teams: a manager leads collectors. Object-level access follows the team (a manager sees their collectors' accounts
// and tasks), so the link lives on the collector. Removing a manager leaves their collectors without a team rather
// than removing the collectors.
export class Migration20261125040000_teams extends Migration {
  override name = 'Migration20261125040000_teams';

  override up(): void {
    this.addSql(`alter table "app_user"
      add column "manager_id" uuid null constraint "app_user_manager_id_foreign" references "app_user" ("id") on delete set null,
      add constraint "app_user_manager_not_self_check" check ("manager_id" is null or "manager_id" <> "id")`);
    this.addSql(`create index "app_user_manager_id_index" on "app_user" ("manager_id")`);
  }

  override down(): void {
    this.addSql(`drop index if exists "app_user_manager_id_index"`);
    this.addSql(`alter table "app_user" drop constraint if exists "app_user_manager_not_self_check", drop column if exists "manager_id"`);
  }
}
