import { buildMatchIndex, matchStatementLine, type MatchProposal } from '@recoup/domain';
import { generateStatement, isCorrect, type Kind } from '../packages/domain/test/support/generated-statement.ts';

// Matching accuracy on a generated statement whose truth is known (see generated-statement.ts): how many lines are
// applied automatically, and how many of those by each rule are right.
//
//   sh scripts/pnpm.sh run bench:matching        (LINES=10000 CUSTOMERS=2000 SEED=7 by default)

const LINES = Number(process.env.LINES ?? 10_000);
const CUSTOMERS = Number(process.env.CUSTOMERS ?? 2_000);
const { accounts, lines } = generateStatement({ lines: LINES, customers: CUSTOMERS, seed: Number(process.env.SEED ?? 7) });

const index = buildMatchIndex(accounts);
const began = performance.now();
const proposals: MatchProposal[] = lines.map(({ line }) => matchStatementLine(line, index));
const seconds = (performance.now() - began) / 1000;

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
    if (isCorrect(proposal, truth)) {
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
