import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
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
  const detail = load.isSuccess ? load.data : null;
  const [paymentId, setPaymentId] = useState<string | null>(null);
  const pair = useMutation({ mutationFn: (payment: string) => pairReturn(api, line.id, payment) });
  const sending = pair.isPending;
  const error = pair.isError ? describeFailure(pair.error, 'The return could not be paired.').message : null;

  const candidates = detail ? detail.payments.filter((p) => p.amount.currency === line.amount.currency && p.amount.amountMinor === line.amount.amountMinor) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!account || !paymentId) return;
    pair.mutate(paymentId, { onSuccess: (resolution) => onPaired(resolution, account.name) });
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
      {load.isLoading ? <p role="status">Loading the account’s payments…</p> : null}
      {load.isError ? (
        <p className="notice notice--warning" role="alert">
          {describeFailure(load.error, 'Could not load the account.').message}
        </p>
      ) : null}
      {detail && candidates.length === 0 ? (
        <p className="empty">
          {detail.account.name} has no payment of {moneyText(line.amount.amountMinor, line.amount.currency)}. Pick another account, or skip the line
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
