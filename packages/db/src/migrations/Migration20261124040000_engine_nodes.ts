import { Migration } from '@mikro-orm/migrations';

// What the assign, tag and end nodes of a strategy act on: collectors' pools and skills, an account's pool, tags
// and the way its collection closed (written off or handed to an agency).
export class Migration20261124040000_engine_nodes extends Migration {
  override name = 'Migration20261124040000_engine_nodes';

  override up(): void {
    this.addSql(`alter table "app_user" add column "pools" text[] not null default '{}'`);
    this.addSql(`alter table "app_user" add column "skills" text[] not null default '{}'`);
    this.addSql(`alter table "account" add column "pool" text null`);
    this.addSql(`alter table "account" add column "tags" text[] not null default '{}'`);
    this.addSql(`alter table "account" add column "closed_outcome" text null`);
    this.addSql(`alter table "account" add column "closed_at" timestamptz null`);
    this.addSql(
      `alter table "account" add constraint "account_closed_outcome_check" check ("closed_outcome" in ('written-off', 'agency'))`,
    );
    this.addSql(`create index "account_tags_index" on "account" using gin ("tags")`);
  }

  override down(): void {
    this.addSql(`drop index "account_tags_index"`);
    this.addSql(`alter table "account" drop column "closed_at", drop column "closed_outcome", drop column "tags", drop column "pool"`);
    this.addSql(`alter table "app_user" drop column "skills", drop column "pools"`);
  }
}
