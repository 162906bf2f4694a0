// Answers the cash-application endpoints give, shaped as the API sends them.

export const manager = { id: 'u-manager', email: 'manager@recoup.local', name: 'Mia Manager', role: 'manager' as const };

export const STATEMENT = '11111111-1111-4111-8111-111111111111';
export const HELD = '22222222-2222-4222-8222-222222222222';
export const LINE = '33333333-3333-4333-8333-333333333333';
export const RETURN_LINE = '44444444-4444-4444-8444-444444444444';
export const ACCOUNT = '55555555-5555-4555-8555-555555555555';
export const INV_OLD = '66666666-6666-4666-8666-666666666666';
export const INV_NEW = '77777777-7777-4777-8777-777777777777';
export const PAYMENT = '88888888-8888-4888-8888-888888888888';

export const progress = (overrides: object = {}) => ({
  lines: 4,
  pending: 0,
  applied: 0,
  reversed: 0,
  exceptions: 0,
  skipped: 0,
  appliedMinor: [],
  ...overrides,
});

/** POST /api/bank-statements: what became of the file. */
export const importResult = (overrides: object = {}) => ({
  id: STATEMENT,
  format: 'camt.053',
  statementRef: 'CAMT-2026-11-20',
  filename: 'november.xml',
  status: 'received',
  createdAt: '2026-11-20T08:00:00.000Z',
  duplicate: false,
  lines: 4,
  newLines: 4,
  alreadySeen: 0,
  alreadySeenLines: [],
  imbalances: [],
  review: null,
  ...overrides,
});

export const detail = (status: string, progressOverrides: object = {}) => ({
  ...importResult({ status }),
  progress: progress(progressOverrides),
  workflow: { workflowId: `reconcile-${STATEMENT}`, status: 'RUNNING' },
});

export const heldStatement = {
  id: HELD,
  format: 'mt940',
  statementRef: 'STMT-0099',
  filename: 'held.sta',
  status: 'unbalanced',
  createdAt: '2026-11-21T08:00:00.000Z',
  duplicate: false,
  lines: 2,
  newLines: 2,
  alreadySeen: 0,
  review: null,
  imbalances: [{ where: ':62F:', account: 'DE89370400440532013000', currency: 'EUR', differenceMinor: '-1250', message: 'closing balance is not opening balance plus the lines' }],
  progress: progress({ lines: 2, pending: 2 }),
};

export const reconciledStatement = {
  id: STATEMENT,
  format: 'camt.053',
  statementRef: 'CAMT-2026-11-20',
  filename: 'november.xml',
  status: 'reconciled',
  createdAt: '2026-11-20T08:00:00.000Z',
  duplicate: false,
  lines: 4,
  newLines: 4,
  alreadySeen: 0,
  review: null,
  imbalances: [],
  progress: progress({ applied: 3, exceptions: 1, appliedMinor: [{ currency: 'EUR', amountMinor: '123450' }, { currency: 'USD', amountMinor: '5000' }] }),
};

export const exceptionLine = (overrides: object = {}) => ({
  id: LINE,
  statementId: STATEMENT,
  position: 2,
  source: 'Ntry[2]',
  bankRef: 'BANK-0002',
  customerRef: null,
  direction: 'credit',
  returned: false,
  amount: { amountMinor: '30000', currency: 'EUR' },
  valueDate: '2026-11-20',
  text: 'Payment for two invoices',
  counterparty: 'Harbour & Pike Ltd',
  reason: 'The amount fits no open invoice and the text names none.',
  suggestion: {
    accountId: ACCOUNT,
    accountRef: 'C-1001',
    accountName: 'Harbour & Pike Ltd',
    rule: 'payer-name',
    confidence: 0.4,
    allocations: [],
  },
  ...overrides,
});

export const accountDetail = {
  account: { id: ACCOUNT, externalRef: 'C-1001', name: 'Harbour & Pike Ltd', customerType: 'business', segment: 'sme', currency: 'EUR', timeZone: 'Europe/London' },
  contacts: [],
  invoices: [
    { id: INV_NEW, number: 'INV-2', issueDate: '2026-10-15', dueDate: '2026-11-15', amount: { amountMinor: '20000', currency: 'EUR' }, open: { amountMinor: '20000', currency: 'EUR' }, status: 'open', daysPastDue: 5, agingBucket: '1-30' },
    { id: INV_OLD, number: 'INV-1', issueDate: '2026-09-15', dueDate: '2026-10-15', amount: { amountMinor: '15000', currency: 'EUR' }, open: { amountMinor: '15000', currency: 'EUR' }, status: 'open', daysPastDue: 36, agingBucket: '31-60' },
  ],
  payments: [
    { id: PAYMENT, amount: { amountMinor: '12000', currency: 'EUR' }, unallocated: { amountMinor: '0', currency: 'EUR' }, receivedAt: '2026-11-10T00:00:00.000Z', reference: 'BANK-0001', payerName: 'Harbour & Pike Ltd', allocations: [{ id: 'a1', invoiceId: INV_OLD, amountMinor: '12000' }] },
    { id: 'p-other', amount: { amountMinor: '999', currency: 'EUR' }, unallocated: { amountMinor: '999', currency: 'EUR' }, receivedAt: '2026-11-01T00:00:00.000Z', reference: 'X', payerName: null, allocations: [] },
  ],
  communications: [],
  tasks: [],
  promises: [],
  disputes: [],
  notes: [],
  debtorLocalTime: { timeZone: 'Europe/London', date: '2026-11-20', time: '10:00', withinContactHours: true },
  balance: [{ amountMinor: '35000', currency: 'EUR' }],
  workflow: null,
};
