import { Migration } from '@mikro-orm/migrations';

// The active payment model's predictions for the open invoices, as of the day it last scored them: what the
// strategy facts, the inbox and the cash forecast read. Each scoring replaces the whole set.
export class Migration20261208000000_invoice_predictions extends Migration {
  override name = 'Migration20261208000000_invoice_predictions';

  override up(): void {
    this.addSql(`create table "invoice_prediction" (
      "invoice_id" uuid not null primary key references "invoice" ("id") on delete cascade,
      "account_id" uuid not null references "account" ("id") on delete cascade,
      "model_id" uuid not null references "payment_model" ("id") on delete cascade,
      "as_of" date not null,
      "late_probability" double precision not null check ("late_probability" between 0 and 1),
      "very_late_probability" double precision not null check ("very_late_probability" between 0 and 1),
      "pay_date" date not null,
      "pay_date_low" date not null,
      "pay_date_high" date not null,
      "days_late" int not null check ("days_late" >= 0),
      "confidence" text not null check ("confidence" in ('normal', 'low')),
      constraint "invoice_prediction_interval_check" check ("pay_date_low" <= "pay_date" and "pay_date" <= "pay_date_high")
    )`);
    this.addSql(`create index "invoice_prediction_account_index" on "invoice_prediction" ("account_id")`);
  }

  override down(): void {
    this.addSql(`drop table "invoice_prediction"`);
  }
}
