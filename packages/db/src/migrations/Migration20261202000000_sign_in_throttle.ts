import { Migration } from '@mikro-orm/migrations';

// Failed sign-ins are counted in PostgreSQL so that every API process sees the same counts and locks. The table
// has exactly the shape rate-limiter-flexible's Postgres store reads and writes (it inserts the three columns by
// position); the API tells the library the table exists, so it never creates or alters anything at run time.
// `expire` is epoch milliseconds. The index serves the store's periodic delete of expired rows.
export class Migration20261202000000_sign_in_throttle extends Migration {
  override name = 'Migration20261202000000_sign_in_throttle';

  override up(): void {
    this.addSql(`create table "sign_in_throttle" (
      "key" varchar(255) primary key,
      "points" integer not null default 0,
      "expire" bigint
    )`);
    this.addSql(`create index "sign_in_throttle_expire_index" on "sign_in_throttle" ("expire")`);
  }

  override down(): void {
    this.addSql(`drop table if exists "sign_in_throttle"`);
  }
}
