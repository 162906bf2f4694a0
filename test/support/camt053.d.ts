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
export declare function camt053(statement: {
    messageId: string;
    iban: string;
    currency: string;
    entries: readonly CamtEntry[];
}): string;
