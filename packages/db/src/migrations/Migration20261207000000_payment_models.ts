import { Migration } from '@mikro-orm/migrations';

// Trained payment prediction models, each with its data window, its description (metrics, importances, the
// comparison with the model it would replace) and its four serialised forests. Every model is kept, so an admin can
// go back to an earlier one. One model at most is active, and only the active one can be pinned against training.
export class Migration20261207000000_payment_models extends Migration {
  override name = 'Migration20261207000000_payment_models';

  override up(): void {
    this.addSql(`create table "payment_model" (
      "id" uuid not null default gen_random_uuid() primary key,
      "created_at" timestamptz not null default now(),
      "trigger" text not null check ("trigger" in ('schedule', 'admin')),
      "requested_by" uuid null references "app_user" ("id") on delete set null,
      "learner" text not null check (length("learner") > 0),
      "data_from_day" int not null,
      "data_to_day" int not null,
      "description" jsonb not null,
      "customer_lateness" bytea not null,
      "customer_offset" bytea not null,
      "population_lateness" bytea not null,
      "population_offset" bytea not null,
      "status" text not null check ("status" in ('active', 'inactive')),
      "reason" text not null,
      "pinned" boolean not null default false,
      "activated_at" timestamptz null,
      "run_key" text null unique,
      constraint "payment_model_window_check" check ("data_from_day" <= "data_to_day"),
      constraint "payment_model_pinned_check" check (not "pinned" or "status" = 'active'),
      constraint "payment_model_activated_check" check ("status" <> 'active' or "activated_at" is not null)
    )`);
    this.addSql(`create unique index "payment_model_one_active" on "payment_model" ("status") where "status" = 'active'`);
    this.addSql(`create index "payment_model_created_at_index" on "payment_model" ("created_at")`);
  }

  override down(): void {
    this.addSql(`drop table "payment_model"`);
  }
}
