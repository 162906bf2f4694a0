import { Migration } from '@mikro-orm/migrations';

// API tokens for machines, and the table their per-token rate limit is counted in (in the rate limiter's shape,
// like sign_in_throttle). The checks hold what the API checks: known scopes, a SHA-256 hash, a revocation with
// its time and its author together.
export class Migration20261215000000_api_tokens extends Migration {
  override name = 'Migration20261215000000_api_tokens';

  override up(): void {
    this.addSql(`create table "api_token" (
      "id" uuid not null default gen_random_uuid() primary key,
      "name" text not null,
      "user_id" uuid not null constraint "api_token_user_id_foreign" references "app_user" ("id"),
      "scopes" text[] not null default '{}',
      "token_hash" text not null constraint "api_token_token_hash_unique" unique,
      "prefix" text not null,
      "expires_at" timestamptz null,
      "last_used_at" timestamptz null,
      "created_by" uuid null,
      "created_at" timestamptz not null default now(),
      "revoked_at" timestamptz null,
      "revoked_by" uuid null,
      constraint "api_token_name_check" check (length("name") between 1 and 100),
      constraint "api_token_scopes_check" check (cardinality("scopes") >= 1 and "scopes" <@ array['accounts:read', 'accounts:write', 'invoices:write', 'payments:read', 'payments:write', 'tasks:read', 'tasks:write', 'kpis:read']::text[]),
      constraint "api_token_token_hash_check" check ("token_hash" ~ '^[0-9a-f]{64}$')
    )`);
    this.addSql(`create index "api_token_user_id_index" on "api_token" ("user_id")`);
    this.addSql(`create table "api_token_rate_limit" (
      "key" varchar(255) primary key,
      "points" integer not null default 0,
      "expire" bigint
    )`);
    this.addSql(`create index "api_token_rate_limit_expire_index" on "api_token_rate_limit" ("expire")`);
  }

  override down(): void {
    this.addSql(`drop table if exists "api_token_rate_limit"`);
    this.addSql(`drop table if exists "api_token"`);
  }
}
