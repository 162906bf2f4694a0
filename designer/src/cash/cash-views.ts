/** The cash-application workspace's views, each at its own address under /cash. */
export const CASH_VIEWS = [
  { view: 'statements', path: '/cash', title: 'Statements', lead: 'Import bank statements and follow their reconciliation; release or reject the ones that do not balance.' },
  { view: 'exceptions', path: '/cash/exceptions', title: 'Exceptions', lead: 'Lines no rule was sure of: match them by hand, pair a return with its payment, or set them aside.' },
  { view: 'short-payments', path: '/cash/short-payments', title: 'Short payments', lead: 'Payments that left part of their invoices open: open a dispute for the residual, or chase it.' },
  { view: 'imports', path: '/cash/imports', title: 'Portfolio imports', lead: 'Import accounts and invoices from a CSV file; refused rows are listed with their line and reason.' },
] as const;

export type CashView = (typeof CASH_VIEWS)[number]['view'];

export function cashViewAt(path: string): CashView | null {
  return CASH_VIEWS.find((v) => v.path === path)?.view ?? null;
}
