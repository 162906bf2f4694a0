import { Migration } from '@mikro-orm/migrations';

// The collector inbox: the priority a strategy's task node gave each task, and the notes collectors keep on an
// account. Notes are append-only records of what was said, so they have no update or delete path.
export class Migration20261125030000_inbox_notes extends Migration {
  override name = 'Migration20261125030000_inbox_notes';

  override up(): void {
    this.addSql(`alter table "collector_task" add column "priority" text not null default 'normal'`);
    this.addSql(
      `alter table "collector_task" add constraint "collector_task_priority_check" check ("priority" in ('low', 'normal', 'high', 'urgent'))`,
    );
    // The unassigned queue collectors claim from.
    this.addSql(`create index "collector_task_unassigned_open_index" on "collector_task" ("due_at") where "status" = 'open' and "assignee_id" is null`);
    this.addSql(`create table "account_note" (
      "id" uuid not null default gen_random_uuid() primary key,
      "account_id" uuid not null constraint "account_note_account_id_foreign" references "account" ("id"),
      "body" text not null,
      "author_id" uuid null constraint "account_note_author_id_foreign" references "app_user" ("id") on delete set null,
      "task_id" uuid null constraint "account_note_task_id_foreign" references "collector_task" ("id") on delete set null,
      "created_at" timestamptz not null default now(),
      constraint "account_note_body_check" check (length(btrim("body")) between 1 and 4000)
    )`);
    this.addSql(`create index "account_note_account_id_created_at_index" on "account_note" ("account_id", "created_at")`);
  }

  override down(): void {
    this.addSql(`drop table "account_note"`);
    this.addSql(`drop index "collector_task_unassigned_open_index"`);
    this.addSql(`alter table "collector_task" drop constraint "collector_task_priority_check"`);
    this.addSql(`alter table "collector_task" drop column "priority"`);
  }
}
