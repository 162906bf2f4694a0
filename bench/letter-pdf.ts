// How long a debtor document takes to print as a PDF, one at a time on one core as the portal renders them:
//   - a reminder letter with 5 open items, an invoice copy (one page), and account statements of 10, 100 and 1,000 open invoices (1, 3 and 26 pages);
//   - per size: 3 warm-up renders, then the median and p95 over the timed renders, and the file size.
// Run: sh scripts/pnpm.sh run bench:letters
import { renderInvoicePdf, renderLetterPdf, renderStatementPdf, type StatementPdfInput } from '@recoup/documents';

const creditor = { name: 'Recoup Demo GmbH', addressLines: ['Musterstraße 1', '10115 Berlin'], bankName: 'Demo Bank', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' };
const recipient = { name: 'Łukasz Żółć – Müller & Söhne KG', postalAddress: 'Hauptstraße 5\n80331 München' };
const eur = (amountMinor: string) => ({ amountMinor, currency: 'EUR' });

const statement = (open: number): StatementPdfInput => ({
  creditor,
  recipient,
  account: { ref: 'C-1042' },
  open: Array.from({ length: open }, (_, i) => ({
    number: `INV-${String(i + 1).padStart(5, '0')}`,
    issueDate: '2026-09-01',
    dueDate: '2026-10-01',
    amount: eur(String(10_000 + i * 313)),
    open: eur(String(10_000 + i * 313)),
    disputedMinor: i % 25 === 0 ? '5000' : '0',
  })),
  payments: Array.from({ length: 12 }, (_, i) => ({ receivedAt: `2026-${String(i + 1).padStart(2, '0')}-15T10:00:00.000Z`, amount: eur('25000'), reference: `C-1042 INV-${i}` })),
  totals: [{ currency: 'EUR', openMinor: '1', overdueMinor: '1', payableMinor: '1' }],
  asOf: '2026-12-04',
});

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const time = async (label: string, runs: number, render: () => Promise<Buffer>) => {
  for (let i = 0; i < 3; i += 1) await render();
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    bytes = (await render()).length;
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(38)} median ${quantile(ms, 0.5).toFixed(1).padStart(7)} ms   p95 ${quantile(ms, 0.95).toFixed(1).padStart(7)} ms   ${(bytes / 1024).toFixed(1).padStart(7)} KiB`);
};

const invoice = { number: 'LM-2057', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: eur('250000'), open: eur('123456'), disputedMinor: '0' };
console.log('debtor documents as PDF (German, embedded DejaVu Sans subset)');
const letterBody = 'Sehr geehrte Damen und Herren,\n\nbis heute konnten wir keinen Zahlungseingang feststellen. Bitte begleichen Sie die offenen Posten binnen 7 Tagen.\n\nMit freundlichen Grüßen';
const { open: letterItems, totals } = statement(5);
await time('reminder letter, 5 open items', 40, () =>
  renderLetterPdf({ creditor, recipient, account: { ref: 'C-1042' }, subject: 'Letzte Mahnung', body: letterBody, open: letterItems, totals, asOf: '2026-12-04' }, 'de-DE'),
);
await time('invoice copy', 40, () => renderInvoicePdf({ creditor, recipient, account: { ref: 'C-1042' }, invoice, asOf: '2026-12-04' }, 'de-DE'));
for (const [open, runs] of [[10, 40], [100, 20], [1000, 8]] as const) {
  await time(`statement, ${open} open invoices`, runs, () => renderStatementPdf(statement(open), 'de-DE'));
}
