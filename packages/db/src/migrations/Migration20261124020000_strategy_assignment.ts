import { Migration } from '@mikro-orm/migrations';

// Champion/challenger: a segment's accounts can be split between strategy versions, and every started collection
// run records the version and arm it began with, so outcomes can later be compared arm against arm.
export class Migration20261124020000_strategy_assignment extends Migration {
  override name = 'Migration20261124020000_strategy_assignment';

  override up(): void {
    this.addSql(`create table "strategy_assignment" (
      "id" uuid not null default gen_random_uuid() primary key,
      "segment" text not null constraint "strategy_assignment_segment_unique" unique,
      "splits" jsonb not null,
      "created_by" uuid null constraint "strategy_assignment_created_by_foreign" references "app_user" ("id"),
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "strategy_assignment_segment_check" check (length("segment") between 1 and 64),
      constraint "strategy_assignment_splits_check"
        check (jsonb_typeof("splits") = 'array' and jsonb_array_length("splits") between 1 and 5)
    )`);

    this.addSql(`create table "collection_run" (
      "id" uuid not null default gen_random_uuid() primary key,
      "account_id" uuid not null constraint "collection_run_account_id_foreign" references "account" ("id"),
      "workflow_id" text not null,
      "strategy_version_id" uuid not null
        constraint "collection_run_strategy_version_id_foreign" references "strategy_version" ("id"),
      "arm_label" text null,
      "assigned" boolean not null,
      "segment" text not null,
      "started_at" timestamptz not null default now(),
      constraint "collection_run_workflow_id_check" check (length("workflow_id") > 0)
    )`);
    // An account's runs newest first (its current arm); all runs of a version (reports per arm).
    this.addSql(`create index "collection_run_account_started_index" on "collection_run" ("account_id", "started_at" desc)`);
    this.addSql(`create index "collection_run_version_started_index" on "collection_run" ("strategy_version_id", "started_at")`);
    this.addSql(`create index "collection_run_workflow_id_index" on "collection_run" ("workflow_id")`);
  }

  override down(): void {
    this.addSql('drop table if exists "collection_run"');
    this.addSql('drop table if exists "strategy_assignment"');
  }
}
