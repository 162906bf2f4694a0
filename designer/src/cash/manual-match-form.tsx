import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { AccountPicker } from '../accounts/account-picker.tsx';
import type { AccountOption } from '../accounts/accounts-search.api.ts';
import { moneyText, typedText } from './cash-money.ts';
import { oldestFirst, planMatch, type OpenInvoice } from './match-plan.ts';
import { matchLine, type ExceptionLine, type LineResolution, type ManualMatch } from './statement-lines.api.ts';
import { useAccountDetail } from './use-account-detail.ts';
import { FormActions } from './form-actions.tsx';

interface ManualMatchFormProps {
  line: ExceptionLine;
  onMatched(resolution: LineResolution, accountName: string): void;
  onCancel(): void;
}

/** Above this many open invoices the form offers a search by number. */
const SEARCH_FROM = 6;

const suggestedAccount = (line: ExceptionLine): AccountOption | null =>
  line.suggestion ? { id: line.suggestion.accountId, name: line.suggestion.accountName, externalRef: line.suggestion.accountRef, currency: '' } : null;

/** Applies a waiting line by hand: to an account's open invoices in the amounts typed, the rest kept as credit. */
export function ManualMatchForm({ line, onMatched, onCancel }: ManualMatchFormProps) {
  const api = useApi();
  const id = useId();
  const currency = line.amount.currency;
  const lineMinor = BigInt(line.amount.amountMinor);
  const [account, setAccount] = useState<AccountOption | null>(suggestedAccount(line));
  const load = useAccountDetail(account?.id ?? null);
  const detail = load.isSuccess ? load.data : null;
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    Object.fromEntries((line.suggestion?.allocations ?? []).map((a) => [a.invoiceId, typedText(a.amountMinor, currency)])),
  );
  const [note, setNote] = useState('');
  const [find, setFind] = useState('');
  const match = useMutation({ mutationFn: (body: ManualMatch) => matchLine(api, line.id, body) });
  const sending = match.isPending;
  const failure = match.isError ? describeFailure(match.error, 'The line could not be matched.') : null;

  const invoices: OpenInvoice[] = useMemo(() => {
    if (!detail) return [];
    return detail.invoices
      .filter((i) => i.status === 'open' && i.open.currency === currency && BigInt(i.open.amountMinor) > 0n)
      .map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, openMinor: BigInt(i.open.amountMinor) }));
  }, [detail, currency]);
  const otherCurrencies = detail ? detail.invoices.filter((i) => i.status === 'open' && i.open.currency !== currency).length : 0;
  const plan = planMatch(lineMinor, currency, invoices, typed);
  // Only what is shown narrows; amounts typed on invoices filtered away still count.
  const shown = find.trim() === '' ? invoices : invoices.filter((i) => i.number.toLowerCase().includes(find.trim().toLowerCase()) || typed[i.id]);
  const over = plan.remainderMinor < 0n;
  const canSend = account !== null && detail !== null && plan.problems.size === 0 && !over && !sending;

  function pick(next: AccountOption | null) {
    setAccount(next);
    // Amounts typed for one account's invoices mean nothing on another's.
    if (next?.id !== account?.id) setTyped({});
    match.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!account || !canSend) return;
    const trimmedNote = note.trim();
    match.mutate(
      {
        accountId: account.id,
        allocations: plan.allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor.toString() })),
        ...(trimmedNote ? { note: trimmedNote } : {}),
      },
      { onSuccess: (resolution) => onMatched(resolution, account.name) },
    );
  }

  const invoiceNumber = (path: string) => {
    const invoiceId = /invoiceId=([^\]]+)/.exec(path)?.[1];
    return invoices.find((i) => i.id === invoiceId)?.number ?? path;
  };

  return (
    <form className="form cash-form" onSubmit={submit} noValidate aria-label={`Match ${moneyText(line.amount.amountMinor, currency)} by hand`}>
      <AccountPicker label="Customer account" value={account} onChange={pick} disabled={sending} />
      {load.isLoading ? <p role="status">Loading the account’s open invoices…</p> : null}
      {load.isError ? (
        <p className="notice notice--warning" role="alert">
          {describeFailure(load.error, 'Could not load the account.').message}
        </p>
      ) : null}
      {detail ? (
        <>
          {invoices.length === 0 ? (
            <p className="empty">
              {detail.account.name} has no open invoice in {currency}
              {otherCurrencies > 0 ? ` (${otherCurrencies} in other currencies; nothing is ever converted)` : ''}. Matched, the whole amount stays on the
              account as credit.
            </p>
          ) : (
            <>
              <div className="cash-form__bar">
                <p className="table__sub">Type what this payment settles on each invoice; leave the others empty.</p>
                <button
                  type="button"
                  className="button button--small"
                  disabled={sending}
                  onClick={() => setTyped(Object.fromEntries([...oldestFirst(lineMinor, invoices)].map(([invoiceId, minor]) => [invoiceId, typedText(minor, currency)])))}
                >
                  Fill oldest first
                </button>
              </div>
              {invoices.length > SEARCH_FROM ? (
                <div className="field">
                  <label className="field__label" htmlFor={`${id}-find`}>
                    Find an invoice
                  </label>
                  <input id={`${id}-find`} className="field__input" type="search" value={find} placeholder="Invoice number" onChange={(e) => setFind(e.target.value)} />
                </div>
              ) : null}
              <table className="table cash-invoices" aria-label="Open invoices">
                <thead>
                  <tr>
                    <th scope="col">Invoice</th>
                    <th scope="col">Due</th>
                    <th scope="col">Still owed</th>
                    <th scope="col">Apply</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((invoice) => {
                    const problem = plan.problems.get(invoice.id);
                    return (
                      <tr key={invoice.id}>
                        <td>{invoice.number}</td>
                        <td>{invoice.dueDate}</td>
                        <td>{moneyText(invoice.openMinor, currency)}</td>
                        <td>
                          <input
                            className="field__input cash-invoices__amount"
                            inputMode="decimal"
                            aria-label={`Amount for ${invoice.number}`}
                            aria-invalid={problem ? 'true' : undefined}
                            aria-describedby={problem ? `${id}-${invoice.id}-problem` : undefined}
                            value={typed[invoice.id] ?? ''}
                            disabled={sending}
                            onChange={(e) => setTyped((previous) => ({ ...previous, [invoice.id]: e.target.value }))}
                          />
                          {problem ? (
                            <p id={`${id}-${invoice.id}-problem`} className="form__error">
                              {problem}
                            </p>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
          <p className={`cash-remainder${over ? ' cash-remainder--over' : ''}`} role="status" aria-label="What remains">
            {over
              ? `Allocated ${moneyText(plan.allocatedMinor, currency)}: ${moneyText(-plan.remainderMinor, currency)} more than the line’s ${moneyText(lineMinor, currency)}.`
              : plan.remainderMinor === 0n
                ? `All of ${moneyText(lineMinor, currency)} goes to the invoices.`
                : `Allocated ${moneyText(plan.allocatedMinor, currency)} of ${moneyText(lineMinor, currency)}; ${moneyText(plan.remainderMinor, currency)} stays on the account as credit.`}
          </p>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-note`}>
              Note for the audit log (optional)
            </label>
            <input id={`${id}-note`} className="field__input" value={note} maxLength={500} disabled={sending} onChange={(e) => setNote(e.target.value)} />
          </div>
        </>
      ) : null}
      {failure ? (
        <div className="form__error" role="alert">
          <p>{failure.message}</p>
          {failure.fields.length > 0 ? (
            <ul>
              {failure.fields.map((f) => (
                <li key={`${f.path}-${f.reason}`}>
                  {invoiceNumber(f.path)}: {f.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <FormActions sending={sending} canSubmit={canSend} label="Apply payment" busyLabel="Matching…" onCancel={onCancel} />
    </form>
  );
}
