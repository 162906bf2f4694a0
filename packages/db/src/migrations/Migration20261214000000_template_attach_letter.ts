import { Migration } from '@mikro-orm/migrations';

// An e-mail reminder may carry its PDF letter. The built-in final notice does, so a final notice always reaches
// the debtor as a letter they can file or print, whichever channel the strategy sends it on.
export class Migration20261214000000_template_attach_letter extends Migration {
  override name = 'Migration20261214000000_template_attach_letter';

  override up(): void {
    this.addSql(`alter table "template" add column "attach_letter" boolean not null default false`);
    this.addSql(`update "template" set "attach_letter" = true where "key" = 'final-notice'`);
  }

  override down(): void {
    this.addSql(`alter table "template" drop column "attach_letter"`);
  }
}
