import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { Link } from '../routing/link.tsx';
import { fillInOrder, moneyText } from './cash-money.ts';
import { listShortPayments, openDispute, type DisputeItem, type ShortPayment } from './statement-lines.api.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';
import { FormActions } from './form-actions.tsx';

/** The residual spread over the invoices the payment named, each up to what it still owes. */
export function disputeItemsFor(short: ShortPayment): DisputeItem[] {
  return fillInOrder(short.invoices, (i) => BigInt(i.openMinor), BigInt(short.residualMinor)).map((share) => ({
    invoiceId: share.item.invoiceId,
    amount: { amountMinor: share.amountMinor.toString(), currency: short.amount.currency },
  }));
}

/** Short payments: applied, with a residual left open on their invoices, to be disputed or chased. */
export function ShortPaymentsView() {
  const api = useApi();
  const load = useQuery({ queryKey: ['short-payments'], queryFn: ({ signal }) => listShortPayments(api, signal) });

  if (load.isPending) return <Loading what="Loading the short payments…" />;
  if (load.isError) return <LoadFailed message={describeFailure(load.error, 'Could not load the short payments.').message} />;
  if (load.data.length === 0) {
    return (
      <p className="empty card">
        No short payments. When a customer pays an invoice less a deduction, the payment is applied and the residual stays open; it is listed here
        to be disputed or chased.
      </p>
    );
  }
  return (
    <ul className="cash-exceptions" aria-label="Short payments">
      {load.data.map((short) => (
        <ShortPaymentCard key={short.lineId} short={short} />
      ))}
    </ul>
  );
}

/** The server's refusal of a dispute, with every field it named. */
function refusal(failure: unknown): string {
  const described = describeFailure(failure, 'The dispute could not be opened.');
  return [described.message, ...described.fields.map((f) => `${f.path}: ${f.reason}`)].join(' ');
}

function ShortPaymentCard({ short }: { short: ShortPayment }) {
  const api = useApi();
  const id = useId();
  const currency = short.amount.currency;
  const residual = moneyText(short.residualMinor, currency);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(`Short payment: ${residual} deducted from the payment of ${moneyText(short.amount.amountMinor, currency)}.`);
  const [reasonMissing, setReasonMissing] = useState(false);
  const items = disputeItemsFor(short);
  // The card itself says what became of its dispute. The list is not read again: the line stays in view with the
  // dispute's notice, as it was when the manager opened it.
  const dispute = useMutation({ mutationFn: (why: string) => openDispute(api, short.account.id, why, items) });
  const disputeId = dispute.data?.id ?? null;
  const sending = dispute.isPending;
  const error = reasonMissing ? 'Give the reason for the dispute.' : dispute.isError ? refusal(dispute.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = reason.trim() === '';
    setReasonMissing(missing);
    if (!missing) dispute.mutate(reason.trim(), { onSuccess: () => setOpen(false) });
  }

  return (
    <li className="cash-exception" aria-label={`Short payment from ${short.account.name}`}>
      <div className="cash-exception__head">
        <p className="cash-exception__amount">{residual}</p>
        <div>
          <p className="cash-exception__title">
            <Link to={`/accounts/${short.account.id}`}>{short.account.name}</Link> <span className="table__sub">{short.account.externalRef}</span>
          </p>
          <p className="table__sub">
            {short.valueDate ?? 'no value date'} · paid {moneyText(short.amount.amountMinor, currency)}, {residual} left open
          </p>
          <p className="cash-exception__text">{short.text || 'No remittance text.'}</p>
        </div>
      </div>
      <ul className="cash-plain" aria-label="Invoices it named">
        {short.invoices.map((invoice) => (
          <li key={invoice.invoiceId}>
            {invoice.number}: {moneyText(invoice.openMinor, currency)} still open
          </li>
        ))}
      </ul>
      {disputeId ? (
        <p className="notice cash-ok" role="status">
          Dispute opened for {residual}: the disputed amount is out of every reminder until a manager resolves it.
        </p>
      ) : null}
      {!disputeId && !open ? (
        <div className="cash-actions">
          <button type="button" className="button button--small button--primary" disabled={items.length === 0} onClick={() => setOpen(true)}>
            Open dispute…
          </button>
          {items.length === 0 ? <span className="table__sub">Its invoices owe nothing any more.</span> : null}
        </div>
      ) : null}
      {open ? (
        <form className="form cash-form" onSubmit={submit} noValidate aria-label="Open a dispute for the residual">
          <p className="table__sub">
            Disputes {items.map((i) => `${moneyText(i.amount.amountMinor, currency)} of ${short.invoices.find((v) => v.invoiceId === i.invoiceId)?.number ?? 'an invoice'}`).join(', ')}.
          </p>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-reason`}>
              Reason
            </label>
            <textarea id={`${id}-reason`} className="field__input" rows={2} value={reason} disabled={sending} onChange={(e) => setReason(e.target.value)} />
          </div>
          <FormActions error={error} sending={sending} label="Open dispute" busyLabel="Opening…" onCancel={() => setOpen(false)} />
        </form>
      ) : null}
    </li>
  );
}
