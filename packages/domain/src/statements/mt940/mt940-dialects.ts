import type { LineInformation } from './mt940-information.ts';

// What one bank's MT940 means beyond the syntax, in one place. The reader itself is tolerant of every bank's
// syntax (framing, pseudo-headers, spacing, amounts); a dialect says how to recognise the bank and what its lines
// mean: which ones are returns, and where the other party's name is.

export interface Mt940LineFacts {
  mark: 'C' | 'D' | 'RC' | 'RD';
  typeCode: string;
  /** The :61: text after the references (Rabobank writes the other party's account and name there). */
  afterReference: string;
  /** Supplementary details on the :61: line's second line. */
  supplementary: string;
  information: LineInformation;
}

export interface Mt940Dialect {
  id: string;
  bank: string;
  /** The bank's BIC prefixes (from the SWIFT header), pseudo-header lines, or account patterns that identify it. */
  recognises(file: { bic: string | null; headers: readonly string[]; account: string }): boolean;
  /** A returned, bounced or NSF item, beyond what every bank marks the same way (RC, type code RTI). */
  returned?(line: Mt940LineFacts): boolean;
  /** The other party's name when the :86: information does not give it. */
  counterparty?(line: Mt940LineFacts): string | null;
  /**
   * The bank cuts a :61: field's lines anywhere, even inside the bank reference (ING: "//00000000001" then "005"),
   * so its lines are joined without spaces and the reference ends at the next "/".
   */
  cutsLinesAnywhere?: boolean;
}

const bicStarts = (...prefixes: string[]) => (bic: string | null) => bic !== null && prefixes.some((p) => bic.startsWith(p));

/** German banks' business codes for a returned direct debit or a returned credit (DFÜ-Abkommen, Anlage 3). */
const GERMAN_RETURN_CODES: ReadonlySet<string> = new Set(['109', '159']);
const GERMAN_RETURN_WORDS = /\b(RETOURE|R(Ü|UE)CKLASTSCHRIFT|R(Ü|UE)CK(Ü|UE)BERWEISUNG|RUECKGABE|RÜCKGABE)\b/i;

const germanReturn = (line: Mt940LineFacts) =>
  line.mark !== 'RD' &&
  ((line.information.businessCode !== null && GERMAN_RETURN_CODES.has(line.information.businessCode)) || GERMAN_RETURN_WORDS.test(line.information.text));

/** The name Rabobank's older format puts after the account number on the :61: line. */
const nameAfterReference = (line: Mt940LineFacts): string | null => {
  const name = line.afterReference.trim();
  return name === '' ? null : name;
};

export const MT940_DIALECTS: readonly Mt940Dialect[] = [
  {
    id: 'ing',
    bank: 'ING',
    recognises: ({ bic }) => bicStarts('INGB', 'INGD')(bic),
    cutsLinesAnywhere: true,
    // ING marks a returned SEPA item only in the information: /RTRN/ with the reason code.
    returned: (line) => line.information.codes.has('RTRN'),
  },
  {
    id: 'rabobank',
    bank: 'Rabobank',
    recognises: ({ bic, headers }) => bicStarts('RABO')(bic) || headers.some((h) => h === ':940:'),
    returned: (line) => line.information.codes.has('RTRN'),
    counterparty: nameAfterReference,
  },
  {
    id: 'abn-amro',
    bank: 'ABN AMRO',
    recognises: ({ bic, headers }) => bicStarts('ABNA')(bic) || headers.some((h) => h.startsWith('ABNANL')),
    returned: (line) => line.information.codes.has('RTRN'),
  },
  {
    id: 'triodos',
    bank: 'Triodos',
    recognises: ({ bic, account }) => bicStarts('TRIO')(bic) || account.startsWith('TRIODOSBANK'),
  },
  {
    id: 'knab',
    bank: 'Knab',
    recognises: ({ bic }) => bicStarts('KNAB')(bic),
    returned: (line) => line.information.codes.has('RTRN'),
  },
  {
    id: 'sns',
    bank: 'SNS',
    recognises: ({ bic }) => bicStarts('SNSB')(bic),
    // SNS writes the other party's name as the :61: line's supplementary details.
    counterparty: (line) => (line.supplementary.trim() === '' ? null : line.supplementary.trim()),
  },
  {
    id: 'postfinance',
    bank: 'PostFinance',
    recognises: ({ bic }) => bicStarts('POFI')(bic),
  },
  {
    id: 'german',
    bank: 'German banks (Sparkasse, Volksbank, Deutsche Bank, Commerzbank, LBBW and others)',
    // German accounts are written as bank code / account number; the information uses ?-subfields.
    recognises: ({ bic, account }) => bicStarts('DEUT', 'COBA', 'GENO', 'SOLA', 'HYVE', 'BYLA', 'NOLA', 'OLBO')(bic) || /^\d{8}\/\d+$/.test(account),
    returned: germanReturn,
  },
  {
    id: 'generic',
    bank: 'any other bank',
    recognises: () => true,
    // Subfield information is German-style wherever it comes from, and /RTRN/ means a return wherever it appears.
    returned: (line) => line.information.codes.has('RTRN') || germanReturn(line),
  },
];

export function dialectOf(file: { bic: string | null; headers: readonly string[]; account: string }): Mt940Dialect {
  return MT940_DIALECTS.find((d) => d.recognises(file)) ?? (MT940_DIALECTS.at(-1) as Mt940Dialect);
}
