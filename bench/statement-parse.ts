import { parseBai2, parseCamt, parseMt940 } from '@recoup/domain';

// Parsing speed of the statement readers on generated files of LINES transactions (100,000 by default). This is
// the first stage of reconciliation only; matching and applying come after it.
//
//   sh scripts/pnpm.sh run bench:statements

const LINES = Number(process.env.LINES ?? 100_000);
const amount = (i: number) => 1_000 + ((i * 7919) % 500_000);
const major = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

function camt(): string {
  const entries: string[] = [];
  for (let i = 0; i < LINES; i++) {
    entries.push(
      `<Ntry><Amt Ccy="EUR">${major(amount(i))}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><ValDt><Dt>2026-11-19</Dt></ValDt>` +
        `<AcctSvcrRef>REF-${i}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Customer ${i % 2000}</Nm></Pty></Dbtr></RltdPties>` +
        `<RmtInf><Ustrd>INV-2026-${String(i).padStart(6, '0')}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    );
  }
  return `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-11-20T06:00:00Z</CreDtTm></GrpHdr><Stmt><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries.join('')}</Stmt></BkToCstmrStmt></Document>`;
}

function bai2(): string {
  const lines: string[] = [];
  let total = 0;
  for (let i = 0; i < LINES; i++) {
    lines.push(`16,165,${amount(i)},0,REF-${i},C-${i % 2000},INV-2026-${String(i).padStart(6, '0')}`);
    total += amount(i);
  }
  return [
    '01,BANK,RECOUP,261120,0600,BENCH,,,2/',
    '02,RECOUP,BANK,1,261119,2400,USD,2/',
    '03,123,USD/',
    ...lines,
    `49,${total},${LINES + 2}/`,
    `98,${total},1,${LINES + 4}/`,
    `99,${total},1,${LINES + 6}/`,
  ].join('\n');
}

function mt940(): string {
  const lines: string[] = [];
  let total = 0;
  for (let i = 0; i < LINES; i++) {
    lines.push(`:61:261119C${major(amount(i)).replace('.', ',')}NTRFC-${i % 2000}//REF-${i}`, `:86:INV-2026-${String(i).padStart(6, '0')}`);
    total += amount(i);
  }
  return [':20:BENCH', ':25:DE89370400440532013000', ':28C:1/1', ':60F:C261119EUR0,00', ...lines, `:62F:C261120EUR${major(total).replace('.', ',')}`, '-'].join('\n');
}

for (const [name, build, parse] of [
  ['camt.053', camt, parseCamt],
  ['BAI2', bai2, parseBai2],
  ['MT940', mt940, parseMt940],
] as const) {
  const text = build();
  const began = performance.now();
  const parsed = parse(text);
  const seconds = (performance.now() - began) / 1000;
  const count = parsed.accounts.reduce((n, a) => n + a.entries.length, 0);
  console.log(`${name.padEnd(9)} ${count} lines (${(text.length / 1_048_576).toFixed(1)} MiB) parsed in ${seconds.toFixed(2)} s: ${Math.round(count / seconds)} lines/s`);
}
