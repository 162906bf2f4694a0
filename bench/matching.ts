import { buildMatchIndex, matchStatementLine, mulberry32, type MatchAccount, type MatchProposal, type OpenInvoice, type StatementLine } from '@recoup/domain';

// Matching accuracy on a generated statement whose truth is known. Customers and invoices are drawn from a seeded
// generator; each line is written the way a kind of payer writes it (the exact invoice number, a sloppy one, only
// the customer number, several invoices at once, a part, too much, only a name, nothing usable). The matcher's
// proposals are compared with the truth: how many lines are applied automatically, and how many of those by each
// rule are right.
//
//   sh scripts/pnpm.sh run bench:matching        (LINES=10000 CUSTOMERS=2000 SEED=7 by default)

const LINES = Number(process.env.LINES ?? 10_000);
const CUSTOMERS = Number(process.env.CUSTOMERS ?? 2_000);
const random = mulberry32(Number(process.env.SEED ?? 7));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const WORDS = ['Harbour', 'Pike', 'Nordlicht', 'Cedar', 'Street', 'Bakery', 'Atlas', 'Meridian', 'Oak', 'River', 'Summit', 'Vega', 'Linden', 'Falcon', 'Orchard'];
const SUFFIXES = ['Ltd', 'GmbH', 'SA', 'Inc', 'BV', ''];

const accounts: MatchAccount[] = [];
let invoiceNo = 0;
for (let c = 0; c < CUSTOMERS; c++) {
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

type Kind = 'exact-reference' | 'sloppy-reference' | 'customer-exact' | 'several' | 'partial' | 'overpaid' | 'name-only' | 'unusable';
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
const kindOf = (): Kind => {
  let r = random();
  for (const [kind, share] of MIX) {
    if (r < share) return kind;
    r -= share;
  }
  return 'unusable';
};

interface Truth {
  kind: Kind;
  accountId: string | null;
  invoiceIds: string[];
}

const lines: { line: StatementLine; truth: Truth }[] = [];
for (let n = 0; n < LINES; n++) {
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

const index = buildMatchIndex(accounts);
const began = performance.now();
const proposals: MatchProposal[] = lines.map(({ line }) => matchStatementLine(line, index));
const seconds = (performance.now() - began) / 1000;

/** Right when the customer is right and, where the truth names invoices, the allocations hit exactly those. */
const correct = (proposal: MatchProposal, truth: Truth): boolean => {
  if (proposal.accountId !== truth.accountId) return false;
  if (truth.invoiceIds.length === 0) return true;
  const applied = proposal.allocations.map((a) => a.invoiceId).sort();
  return JSON.stringify(applied) === JSON.stringify([...truth.invoiceIds].sort());
};

const byRule = new Map<string, { matched: number; right: number }>();
const byKind = new Map<Kind, { lines: number; matched: number; right: number }>();
let matched = 0;
let suggested = 0;
let suggestedRight = 0;
lines.forEach(({ truth }, i) => {
  const proposal = proposals[i] as MatchProposal;
  if (proposal.status === 'exception' && proposal.accountId !== null) {
    suggested += 1;
    if (proposal.accountId === truth.accountId) suggestedRight += 1;
  }
  const kind = byKind.get(truth.kind) ?? { lines: 0, matched: 0, right: 0 };
  kind.lines += 1;
  if (proposal.status === 'matched') {
    matched += 1;
    kind.matched += 1;
    const rule = byRule.get(proposal.rule) ?? { matched: 0, right: 0 };
    rule.matched += 1;
    if (correct(proposal, truth)) {
      rule.right += 1;
      kind.right += 1;
    }
    byRule.set(proposal.rule, rule);
  }
  byKind.set(truth.kind, kind);
});

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(2)}%`);
console.log(`lines: ${LINES}, customers: ${CUSTOMERS}, matched in ${seconds.toFixed(3)} s (${Math.round(LINES / seconds)} lines/s)`);
console.log(`auto-match rate: ${pct(matched, LINES)} (${matched} of ${LINES}); the rest go to the exception queue`);
console.log(`exceptions with a suggested customer: ${suggested}, the suggestion right: ${pct(suggestedRight, suggested)}`);
console.log('precision by rule (right / applied automatically):');
for (const [rule, c] of [...byRule.entries()].sort()) console.log(`  ${rule.padEnd(22)} ${pct(c.right, c.matched)} (${c.right}/${c.matched})`);
console.log('by kind of line (applied automatically, right):');
for (const [kind, c] of [...byKind.entries()].sort()) console.log(`  ${kind.padEnd(18)} ${pct(c.matched, c.lines)} applied, ${pct(c.right, c.matched)} right (${c.lines} lines)`);
