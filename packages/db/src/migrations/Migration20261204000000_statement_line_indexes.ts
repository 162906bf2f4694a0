import { Migration } from '@mikro-orm/migrations';

// Every statement line is written twice, once when the file is stored and once when its batch decides it, and the
// second write changes its status, so PostgreSQL writes a new entry into every index of the table both times. Three
// indexes no query needed any more are dropped:
// - the open-lines index: a batch walks its statement's lines in position order from where the last one stopped,
//   and the statement index serves that walk, stepping over the few lines already decided;
// - the section index: the earlier lines of a section are read through their statement, which the section names;
// - the applied customer-reference index: a returned payment is found through the payments, not the lines.
export class Migration20261204000000_statement_line_indexes extends Migration {
  override name = 'Migration20261204000000_statement_line_indexes';

  override up(): void {
    this.addSql(`drop index "statement_line_open_index"`);
    this.addSql(`drop index "statement_line_section_index"`);
    this.addSql(`drop index "statement_line_customer_ref_index"`);
  }

  override down(): void {
    this.addSql(`create index "statement_line_customer_ref_index" on "statement_line" ("customer_ref", "amount_minor") where "status" = 'applied'`);
    this.addSql(`create index "statement_line_section_index" on "statement_line" ("section_id", "position")`);
    this.addSql(`create index "statement_line_open_index" on "statement_line" ("bank_statement_id", "position") where "status" in ('pending', 'exception')`);
  }
}
