import { useEffect, useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { Link } from '../routing/link.tsx';
import { fillInOrder, moneyText } from './cash-money.ts';
import { listShortPayments, openDispute, type DisputeItem, type ShortPayment } from './statement-lines.api.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';
import { FormActions } from './form-actions.tsx';

type Load = { status: 'loading' } | { status: 'ready'; items: ShortPayment[] } | { status: 'failed'; message: string };

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
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [disputed, setDisputed] = useState<Record<string, string>>({});

  useEffect(() => {
    const controller = new AbortController();
    listShortPayments(api, controller.signal).then(
      (items) => !controller.signal.aborted && setLoad({ status: 'ready', items }),
      (error: unknown) => !controller.signal.aborted && setLoad({ status: 'failed', message: describeFailure(error, 'Could not load the short payments.').message }),
    );
    return () => controller.abort();
  }, [api]);

  if (load.status === 'loading') return <Loading what="Loading the short payments…" />;
  if (load.status === 'failed') return <LoadFailed message={load.message} />;
  if (load.items.length === 0) {
    return (
      <p className="empty card">
        No short payments. When a customer pays an invoice less a deduction, the payment is applied and the residual stays open; it is listed here
        to be disputed or chased.
      </p>
    );
  }
  return (
    <ul className="cash-exceptions" aria-label="Short payments">
      {load.items.map((short) => (
        <ShortPaymentCard key={short.lineId} short={short} disputeId={disputed[short.lineId] ?? null} onDisputed={(id) => setDisputed((d) => ({ ...d, [short.lineId]: id }))} />
      ))}
    </ul>
  );
}

function ShortPaymentCard({ short, disputeId, onDisputed }: { short: ShortPayment; disputeId: string | null; onDisputed(id: string): void }) {
  const api = useApi();
  const id = useId();
  const currency = short.amount.currency;
  const residual = moneyText(short.residualMinor, currency);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(`Short payment: ${residual} deducted from the payment of ${moneyText(short.amount.amountMinor, currency)}.`);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = disputeItemsFor(short);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setError('Give the reason for the dispute.');
      return;
    }
    setSending(true);
    setError(null);
    openDispute(api, short.account.id, reason.trim(), items).then(
      (dispute) => {
        setSending(false);
        setOpen(false);
        onDisputed(dispute.id);
      },
      (failure: unknown) => {
        setSending(false);
        const described = describeFailure(failure, 'The dispute could not be opened.');
        setError([described.message, ...described.fields.map((f) => `${f.path}: ${f.reason}`)].join(' '));
      },
    );
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
