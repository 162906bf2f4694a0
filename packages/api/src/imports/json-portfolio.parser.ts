import { accountInputSchema, portfolioImportRequestSchema } from '@recoup/contracts';
import { ValidationError } from '../errors.ts';
import { issuesOf } from '../http/validate.ts';
import type { PortfolioAccount, PortfolioParse } from './portfolio.ts';

// In JSON the unit is the account entry: its "line" is its 1-based position in `accounts`, and field paths point
// into the document (accounts[3].invoices[0].dueDate).

const pathOf = (index: number, path: PropertyKey[]): string =>
  `accounts[${index}]` + path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');

export const parseJsonPortfolio = (body: unknown): PortfolioParse => {
  const envelope = portfolioImportRequestSchema.safeParse(body);
  if (!envelope.success) throw new ValidationError(issuesOf(envelope.error, 'body'));
  const result: PortfolioParse = { rowsTotal: envelope.data.accounts.length, accounts: [], orphans: [], fatal: [] };
  const firstByRef = new Map<string, number>();

  envelope.data.accounts.forEach((entry, index) => {
    const line = index + 1;
    const parsed = accountInputSchema.safeParse(entry);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({ line, field: pathOf(index, issue.path), reason: issue.message }));
      const ref = (entry as { externalRef?: unknown } | null)?.externalRef;
      if (typeof ref === 'string' && ref.trim() !== '') {
        result.accounts.push(brokenAccount(ref.trim(), line, problems));
      } else {
        result.orphans.push({ line, problems });
      }
      return;
    }
    const input = parsed.data;
    const account: PortfolioAccount = {
      externalRef: input.externalRef,
      name: input.name,
      customerType: input.customerType,
      segment: input.segment ?? null,
      currency: input.currency,
      timeZone: input.timeZone,
      contacts: input.contacts.map((contact) => ({
        name: contact.name,
        email: contact.email ?? null,
        phone: contact.phone ?? null,
        postalAddress: contact.postalAddress ?? null,
        timeZone: contact.timeZone ?? null,
        isPrimary: contact.isPrimary ?? false,
        consent: contact.consent,
      })),
      invoices: input.invoices.map((invoice, i) => ({
        number: invoice.number,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        amountMinor: BigInt(invoice.amount.amountMinor),
        currency: invoice.amount.currency,
        line,
        numberField: pathOf(index, ['invoices', i, 'number']),
      })),
      lines: [line],
      problems: [],
    };
    const primaries = account.contacts.filter((c) => c.isPrimary).length;
    if (primaries > 1) {
      account.problems.push({ line, field: pathOf(index, ['contacts']), reason: 'at most one contact may be primary' });
    } else if (primaries === 0 && account.contacts[0]) {
      account.contacts[0].isPrimary = true;
    }
    const first = firstByRef.get(account.externalRef);
    if (first !== undefined) {
      account.problems.push({
        line,
        field: pathOf(index, ['externalRef']),
        reason: `account ${account.externalRef} is listed twice (first as entry ${first})`,
      });
    } else {
      firstByRef.set(account.externalRef, line);
    }
    result.accounts.push(account);
  });
  return result;
};

const brokenAccount = (externalRef: string, line: number, problems: PortfolioAccount['problems']): PortfolioAccount => ({
  externalRef,
  name: '',
  customerType: 'consumer',
  segment: null,
  currency: '',
  timeZone: '',
  contacts: [],
  invoices: [],
  lines: [line],
  problems,
});
