import { Migration } from '@mikro-orm/migrations';

// An import's collection workflows are started after it commits, by a Temporal workflow of their own, so that a
// crash of the API (or a client that gives up) leaves no account without its workflow. The batch keeps the accounts
// it wrote and how far the starting has gone; each run a batch starts is marked with it, so a retried chunk counts
// the runs an earlier attempt started instead of counting them twice or not at all.
export class Migration20261205000000_import_workflow_starts extends Migration {
  override name = 'Migration20261205000000_import_workflow_starts';

  override up(): void {
    this.addSql(`alter table "import_batch"
      add column "workflow_account_ids" text[] null,
      add column "workflow_status" text null check ("workflow_status" in ('pending', 'starting', 'started', 'failed')),
      add column "workflows_total" int not null default 0,
      add column "workflows_processed" int not null default 0,
      add column "workflows_started" int not null default 0,
      add column "workflows_without_strategy" int not null default 0,
      add column "workflow_errors" jsonb not null default '[]',
      add column "workflow_note" text null`);
    // The launcher looks for batches whose starting has not finished; there are only ever a few.
    this.addSql(`create index "import_batch_workflow_unfinished_index" on "import_batch" ("created_at") where "workflow_status" in ('pending', 'starting')`);
    this.addSql(`alter table "collection_run" add column "import_batch_id" uuid null references "import_batch" ("id") on delete set null`);
    this.addSql(`create index "collection_run_import_batch_index" on "collection_run" ("import_batch_id", "account_id") where "import_batch_id" is not null`);
  }

  override down(): void {
    this.addSql(`alter table "collection_run" drop column "import_batch_id"`);
    this.addSql(`alter table "import_batch"
      drop column "workflow_account_ids", drop column "workflow_status", drop column "workflows_total",
      drop column "workflows_processed", drop column "workflows_started", drop column "workflows_without_strategy",
      drop column "workflow_errors", drop column "workflow_note"`);
  }
}
