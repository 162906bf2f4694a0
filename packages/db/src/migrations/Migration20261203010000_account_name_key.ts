import { Migration } from '@mikro-orm/migrations';

// A payer's name in a bank file finds the customer of the same name wherever it is in the ledger, as the matcher
// compares names: accents, case, punctuation, word order and legal suffixes aside ("PIKE & HARBOUR LTD" is
// "Harbour & Pike"). The key is the matcher's normalised name (normaliseName in the domain), computed by the
// database so that an index serves the lookup; a test holds the two to the same result.
const NAME_KEY = `create function "recoup_name_key"(name text) returns text language sql immutable parallel safe strict as $$
  select coalesce(string_agg(w, ' ' order by w collate "C"), '')
    from regexp_split_to_table(lower(regexp_replace(normalize(name, NFKD), '[\\u0300-\\u036f]', '', 'g')), '[^a-z0-9]+') as w
   where w <> '' and w not in ('ltd', 'limited', 'gmbh', 'ag', 'inc', 'llc', 'plc', 'sa', 'sas', 'srl', 'bv', 'nv', 'co', 'kg')
$$`;

export class Migration20261203010000_account_name_key extends Migration {
  override name = 'Migration20261203010000_account_name_key';

  override up(): void {
    this.addSql(NAME_KEY);
    this.addSql(`create index "account_name_key_index" on "account" ("recoup_name_key"("name"))`);
  }

  override down(): void {
    this.addSql('drop index if exists "account_name_key_index"');
    this.addSql('drop function if exists "recoup_name_key"(text)');
  }
}
