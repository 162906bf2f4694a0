import { Migration } from '@mikro-orm/migrations';

// What a model's forecast would have said at past dates against what was collected (the dashboard's backtest), and
// for each stored prediction the features that moved it most (the account page's and the inbox's reasons).
export class Migration20261209000000_model_backtest extends Migration {
  override name = 'Migration20261209000000_model_backtest';

  override up(): void {
    this.addSql(`alter table "payment_model" add column "backtest" jsonb null`);
    this.addSql(`alter table "invoice_prediction" add column "reasons" jsonb not null default '[]'::jsonb`);
    this.addSql(`alter table "invoice_prediction" add column "recent" jsonb null`);
  }

  override down(): void {
    this.addSql(`alter table "invoice_prediction" drop column "recent"`);
    this.addSql(`alter table "invoice_prediction" drop column "reasons"`);
    this.addSql(`alter table "payment_model" drop column "backtest"`);
  }
}
