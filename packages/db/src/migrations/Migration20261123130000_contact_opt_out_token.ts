import { Migration } from '@mikro-orm/migrations';

// Every e-mail carries a link that lets the recipient stop e-mails without logging in (Reg F 1006.6(e)). The
// link holds a random per-contact token rather than anything guessable such as the contact's id.
export class Migration20261123130000_contact_opt_out_token extends Migration {
  override name = 'Migration20261123130000_contact_opt_out_token';

  override up(): void {
    this.addSql(`alter table "contact" add column "opt_out_token" uuid not null default gen_random_uuid()`);
    this.addSql(`alter table "contact" add constraint "contact_opt_out_token_unique" unique ("opt_out_token")`);
  }

  override down(): void {
    this.addSql(`alter table "contact" drop column "opt_out_token"`);
  }
}
