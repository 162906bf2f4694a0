// A generated portfolio CSV for the import benchmarks: `accounts` accounts of `invoicesPerAccount` invoices each,
// due from 40 days ago to 30 days ahead, so workflows start at every stage of the strategy.

const DAY = 86_400_000;
const isoDate = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

export function portfolioCsv(options: { accounts: number; invoicesPerAccount: number; prefix: string }): string {
  const lines = ['account_ref,account_name,customer_type,time_zone,contact_name,email,consent_email,invoice_number,issue_date,due_date,amount_minor,currency'];
  for (let a = 0; a < options.accounts; a++) {
    const ref = `${options.prefix}-${String(a).padStart(6, '0')}`;
    for (let i = 0; i < options.invoicesPerAccount; i++) {
      const due = ((a * 7 + i * 13) % 71) - 40;
      const amount = 5_000 + ((a * 7919 + i * 104_729) % 2_000_000);
      lines.push(
        `${ref},${options.prefix} Customer ${a},business,Europe/Berlin,Pat Payer,ap${a}@${options.prefix.toLowerCase()}.example,true,${ref}-INV-${i},${isoDate(due - 30)},${isoDate(due)},${amount},EUR`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
