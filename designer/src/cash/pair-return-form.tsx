import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { AccountPicker } from '../accounts/account-picker.tsx';
import type { AccountOption } from '../accounts/accounts-search.api.ts';
import { moneyText } from './cash-money.ts';
import { pairReturn, type ExceptionLine, type LineResolution } from './statement-lines.api.ts';
import { useAccountDetail } from './use-account-detail.ts';
import { FormActions } from './form-actions.tsx';

interface PairReturnFormProps {
  line: ExceptionLine;
  onPaired(resolution: LineResolution, accountName: string): void;
  onCancel(): void;
}

/**
 * Pairs a returned, bounced or NSF item with the payment it takes back. The candidates are the account's
 * payments of exactly the returned amount and currency: the server refuses any other.
 */
export function PairReturnForm({ line, onPaired, onCancel }: PairReturnFormProps) {
  const api = useApi();
  const id = useId();
  const [account, setAccount] = useState<AccountOption | null>(
    line.suggestion ? { id: line.suggestion.accountId, name: line.suggestion.accountName, externalRef: line.suggestion.accountRef, currency: '' } : null,
  );
  const load = useAccountDetail(account?.id ?? null);
  const [paymentId, setPaymentId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const candidates =
    load.status === 'ready'
      ? load.detail.payments.filter((p) => p.amount.currency === line.amount.currency && p.amount.amountMinor === line.amount.amountMinor)
      : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!account || !paymentId) return;
    setSending(true);
    setError(null);
    pairReturn(api, line.id, paymentId).then(
      (resolution) => onPaired(resolution, account.name),
      (failure: unknown) => {
        setSending(false);
        setError(describeFailure(failure, 'The return could not be paired.').message);
      },
    );
  }

  return (
    <form className="form cash-form" onSubmit={submit} noValidate aria-label="Pair the return with its payment">
      <AccountPicker
        label="Account the payment was applied to"
        value={account}
        disabled={sending}
        onChange={(next) => {
          setAccount(next);
          setPaymentId(null);
        }}
      />
      {load.status === 'loading' ? <p role="status">Loading the account’s payments…</p> : null}
      {load.status === 'failed' ? (
        <p className="notice notice--warning" role="alert">
          {load.message}
        </p>
      ) : null}
      {load.status === 'ready' && candidates.length === 0 ? (
        <p className="empty">
          {load.detail.account.name} has no payment of {moneyText(line.amount.amountMinor, line.amount.currency)}. Pick another account, or skip the line
          with a reason.
        </p>
      ) : null}
      {candidates.length > 0 ? (
        <fieldset className="cash-candidates">
          <legend className="field__label">The payment it returns</legend>
          {candidates.map((p) => (
            <label key={p.id} className="cash-candidates__option">
              <input type="radio" name={`${id}-payment`} value={p.id} checked={paymentId === p.id} disabled={sending} onChange={() => setPaymentId(p.id)} />
              <span>
                {moneyText(p.amount.amountMinor, p.amount.currency)} received {p.receivedAt.slice(0, 10)} · {p.reference}
                {p.payerName ? ` · ${p.payerName}` : ''} · {p.allocations.length} invoice{p.allocations.length === 1 ? '' : 's'}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <FormActions error={error} sending={sending} canSubmit={Boolean(paymentId)} label="Reverse this payment" busyLabel="Reversing…" onCancel={onCancel} />
    </form>
  );
}
