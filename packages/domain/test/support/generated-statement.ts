import { mulberry32, type MatchAccount, type MatchProposal, type OpenInvoice, type StatementLine } from '../../src/index.ts';

// A generated bank statement whose truth is known: customers with open invoices, and lines written the way kinds of
// payers write them (the exact invoice number, a sloppy one, only the customer number, several invoices at once, a
// part, too much, only a name, nothing usable). The matching test and the matching benchmark both use it.

export type Kind = 'exact-reference' | 'sloppy-reference' | 'customer-exact' | 'several' | 'partial' | 'overpaid' | 'name-only' | 'unusable';

export interface Truth {
  kind: Kind;
  accountId: string | null;
  invoiceIds: string[];
}

export interface GeneratedStatement {
  accounts: MatchAccount[];
  lines: { line: StatementLine; truth: Truth }[];
}

const WORDS = ['Harbour', 'Pike', 'Nordlicht', 'Cedar', 'Street', 'Bakery', 'Atlas', 'Meridian', 'Oak', 'River', 'Summit', 'Vega', 'Linden', 'Falcon', 'Orchard'];
const SUFFIXES = ['Ltd', 'GmbH', 'SA', 'Inc', 'BV', ''];
const MIX: [Kind, number][] = [
  ['exact-reference', 0.35],
  ['sloppy-reference', 0.15],
  ['customer-exact', 0.15],
  ['several', 0.1],
  ['partial', 0.08],
  ['overpaid', 0.05],
  ['name-only', 0.08],
  ['unusable', 0.04],
];

export function generateStatement(options: { lines: number; customers: number; seed: number }): GeneratedStatement {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const kindOf = (): Kind => {
    let r = random();
    for (const [kind, share] of MIX) {
      if (r < share) return kind;
      r -= share;
    }
    return 'unusable';
  };
  const accounts: MatchAccount[] = [];
  let invoiceNo = 0;
  for (let c = 0; c < options.customers; c++) {
    const openInvoices: OpenInvoice[] = [];
    const count = 1 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) {
      invoiceNo += 1;
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
      openInvoices.push({
        invoiceId: `inv-${invoiceNo}`,
        number: `INV-2026-${String(invoiceNo).padStart(6, '0')}`,
        dueDate: `2026-${month}-15`,
        openMinor: BigInt(1_000 + Math.floor(random() * 500_000)),
      });
    }
    accounts.push({
      accountId: `acc-${c}`,
      externalRef: `C-${String(10_000 + c)}`,
      name: `${pick(WORDS)} ${pick(WORDS)} ${c} ${pick(SUFFIXES)}`.trim(),
      currency: 'EUR',
      openInvoices,
    });
  }
  const lines: GeneratedStatement['lines'] = [];
  for (let n = 0; n < options.lines; n++) {
    const account = pick(accounts);
    const invoices = account.openInvoices;
    const first = invoices[0] as OpenInvoice;
    const kind = kindOf();
    const base = { currency: 'EUR', payerName: account.name.toUpperCase() };
    switch (kind) {
      case 'exact-reference':
        lines.push({ line: { ...base, amountMinor: first.openMinor, remittance: `Payment ${first.number}` }, truth: { kind, accountId: account.accountId, invoiceIds: [first.invoiceId] } });
        break;
      case 'sloppy-reference':
        lines.push({
          line: { ...base, amountMinor: first.openMinor, remittance: `inv ${first.number.slice(4).replace(/-/g, '/')} thx` },
          truth: { kind, accountId: account.accountId, invoiceIds: [first.invoiceId] },
        });
        break;
      case 'customer-exact': {
        const target = pick(invoices);
        lines.push({ line: { ...base, amountMinor: target.openMinor, remittance: `Kd ${account.externalRef}` }, truth: { kind, accountId: account.accountId, invoiceIds: [target.invoiceId] } });
        break;
      }
      case 'several': {
        const chosen = invoices.filter(() => random() < 0.6);
        const set = chosen.length >= 2 ? chosen : invoices.slice(0, 2);
        const amount = set.reduce((s, i) => s + i.openMinor, 0n);
        lines.push({ line: { ...base, amountMinor: amount, remittance: account.externalRef }, truth: { kind, accountId: account.accountId, invoiceIds: set.map((i) => i.invoiceId) } });
        break;
      }
      case 'partial':
        lines.push({ line: { ...base, amountMinor: first.openMinor / 3n + 7n, remittance: `${account.externalRef} part payment` }, truth: { kind, accountId: account.accountId, invoiceIds: [] } });
        break;
      case 'overpaid': {
        const total = invoices.reduce((s, i) => s + i.openMinor, 0n);
        lines.push({ line: { ...base, amountMinor: total + 4_321n, remittance: account.externalRef }, truth: { kind, accountId: account.accountId, invoiceIds: invoices.map((i) => i.invoiceId) } });
        break;
      }
      case 'name-only':
        lines.push({ line: { ...base, amountMinor: first.openMinor, remittance: 'transfer' }, truth: { kind, accountId: account.accountId, invoiceIds: [first.invoiceId] } });
        break;
      case 'unusable':
        lines.push({ line: { currency: 'EUR', amountMinor: 12_345n, remittance: 'misc' }, truth: { kind, accountId: null, invoiceIds: [] } });
        break;
    }
  }
  return { accounts, lines };
}

/** Right when the customer is right and, where the truth names invoices, the allocations hit exactly those. */
export function isCorrect(proposal: MatchProposal, truth: Truth): boolean {
  if (proposal.accountId !== truth.accountId) return false;
  if (truth.invoiceIds.length === 0) return true;
  const applied = proposal.allocations.map((a) => a.invoiceId).sort();
  return JSON.stringify(applied) === JSON.stringify([...truth.invoiceIds].sort());
}
