// Writes camt.053 statements for tests: one account, booked entries, amounts given in minor units.

export interface CamtEntry {
  /** The bank's reference for the entry (AcctSvcrRef). */
  bankRef: string;
  amountMinor: bigint;
  currency: string;
  direction?: 'credit' | 'debit';
  /** Unstructured remittance text. */
  text?: string;
  endToEndId?: string;
  payer?: string;
  /** A returned payment: a reversal entry with return information. */
  returned?: boolean;
  valueDate?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** "12345" minor units of a two-decimal currency as "123.45". */
const decimal = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;

export function camt053(statement: { messageId: string; iban: string; currency: string; entries: readonly CamtEntry[] }): string {
  const entries = statement.entries.map((e) => {
    const details = [
      e.endToEndId ? `<Refs><EndToEndId>${escape(e.endToEndId)}</EndToEndId></Refs>` : '',
      e.payer ? `<RltdPties><Dbtr><Pty><Nm>${escape(e.payer)}</Nm></Pty></Dbtr></RltdPties>` : '',
      e.text ? `<RmtInf><Ustrd>${escape(e.text)}</Ustrd></RmtInf>` : '',
      e.returned ? '<RtrInf><Rsn><Cd>AM04</Cd></Rsn></RtrInf>' : '',
    ].join('');
    return `
      <Ntry>
        <Amt Ccy="${e.currency}">${decimal(e.amountMinor)}</Amt>
        <CdtDbtInd>${(e.direction ?? 'credit') === 'credit' ? 'CRDT' : 'DBIT'}</CdtDbtInd>${e.returned ? '\n        <RvslInd>true</RvslInd>' : ''}
        <Sts><Cd>BOOK</Cd></Sts>
        <ValDt><Dt>${e.valueDate ?? '2026-11-20'}</Dt></ValDt>
        <AcctSvcrRef>${escape(e.bankRef)}</AcctSvcrRef>
        <NtryDtls><TxDtls>${details}</TxDtls></NtryDtls>
      </Ntry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${escape(statement.messageId)}</MsgId><CreDtTm>2026-11-20T06:00:00Z</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${escape(statement.messageId)}-1</Id>
      <Acct><Id><IBAN>${statement.iban}</IBAN></Id><Ccy>${statement.currency}</Ccy></Acct>${entries.join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}
