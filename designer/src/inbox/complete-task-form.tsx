import { useEffect, useId, useState, type FormEvent } from 'react';
import { CALL_BACK, CALL_OUTCOME_VALUES, type CallCheckView, type CompleteTaskRequest, type InboxItem } from '@recoup/contracts';
import { parseMajorAmount } from '@recoup/domain';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { checkCall, completeTask, loadOpenInvoices, type InvoiceChoice } from './inbox.api.ts';
import { defaultCallResult, moneyText } from './ranking-text.ts';

const OUTCOME_LABELS: Record<string, string> = {
  'promise-to-pay': 'Promise to pay',
  'payment-plan': 'Payment plan',
  'no-contact': 'No contact',
  'wrong-number': 'Wrong number',
  dispute: 'Dispute',
  [CALL_BACK]: 'Call back later',
};

const CALL_RESULT_LABELS: Record<(typeof CALL_OUTCOME_VALUES)[number], string> = {
  conversation: 'Spoke with the debtor',
  'no-answer': 'No answer',
  voicemail: 'Left a voicemail',
  busy: 'Line busy',
  'wrong-number': 'Wrong number',
};

const today = () => new Date().toISOString().slice(0, 10);

interface Props {
  task: InboxItem;
  currency: string;
  onDone(message: string): void;
  onCancel(): void;
}

/** Records what came of a task; for a call, logs the call under the call-frequency rules and warns before dialling. */
export function CompleteTaskForm({ task, currency, onDone, onCancel }: Props) {
  const api = useApi();
  const id = useId();
  const isCall = task.taskType === 'call';
  const outcomes = [...task.outcomes, ...(isCall ? [CALL_BACK] : [])];
  const [outcome, setOutcome] = useState(outcomes[0] ?? '');
  const [callResult, setCallResult] = useState(defaultCallResult(outcomes[0] ?? ''));
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [installments, setInstallments] = useState('3');
  const [intervalDays, setIntervalDays] = useState('30');
  const [firstDueDate, setFirstDueDate] = useState('');
  const [reason, setReason] = useState('');
  const [invoices, setInvoices] = useState<InvoiceChoice[] | null>(null);
  const [disputed, setDisputed] = useState<ReadonlySet<string>>(new Set());
  const [callBackAt, setCallBackAt] = useState('');
  const [check, setCheck] = useState<CallCheckView | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; fields: { path: string; reason: string }[] } | null>(null);

  useEffect(() => {
    if (!isCall) return;
    const controller = new AbortController();
    checkCall(api, task.id, controller.signal).then(
      (result) => setCheck(result),
      () => setCheck(null),
    );
    return () => controller.abort();
  }, [api, task.id, isCall]);

  useEffect(() => {
    if (outcome !== 'dispute' || invoices !== null) return;
    const controller = new AbortController();
    loadOpenInvoices(api, task.accountId, controller.signal).then(setInvoices, () => setInvoices([]));
    return () => controller.abort();
  }, [api, outcome, invoices, task.accountId]);

  function chooseOutcome(next: string) {
    setOutcome(next);
    setCallResult(defaultCallResult(next));
    setError(null);
  }

  function body(): CompleteTaskRequest | string {
    const request: CompleteTaskRequest = { outcome, ...(note.trim() ? { note: note.trim() } : {}) };
    if (isCall) request.call = { result: callResult };
    switch (outcome) {
      case 'promise-to-pay': {
        if (!amount.trim() || !dueDate) return 'Enter the promised amount and date.';
        try {
          const parsed = parseMajorAmount(amount.trim().replace(/,/g, ''), currency, 'amount');
          request.promise = { amount: { amountMinor: parsed.amountMinor.toString(), currency }, dueDate };
        } catch {
          return `The promised amount must be a number such as 250.00 (${currency}).`;
        }
        break;
      }
      case 'payment-plan':
        if (!firstDueDate) return 'Enter the first installment’s date.';
        request.plan = { installments: Number(installments), intervalDays: Number(intervalDays), firstDueDate };
        break;
      case 'dispute':
        if (!reason.trim() || disputed.size === 0) return 'Say what the debtor disputes and tick at least one invoice.';
        request.dispute = { reason: reason.trim(), items: [...disputed].map((invoiceId) => ({ invoiceId })) };
        break;
      case CALL_BACK:
        if (!callBackAt) return 'Say when to call back.';
        request.callBackAt = new Date(callBackAt).toISOString();
        break;
    }
    return request;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = body();
    if (typeof request === 'string') {
      setError({ message: request, fields: [] });
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await completeTask(api, task.id, request);
      onDone(outcome === CALL_BACK ? `The call to ${task.account.name} is due again ${new Date(request.callBackAt ?? '').toLocaleString()}.` : `Recorded “${OUTCOME_LABELS[outcome] ?? outcome}” for ${task.account.name}.`);
    } catch (failure) {
      setError(describeFailure(failure, 'The outcome could not be recorded.'));
    } finally {
      setSaving(false);
    }
  }

  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="complete-form" aria-label={`Complete the task for ${task.account.name}`} onSubmit={(e) => void submit(e)}>
      {check && !check.allowed ? (
        <p className="notice notice--warning" role="alert">
          Do not dial now: {check.reason}
        </p>
      ) : null}
      {check?.allowed ? <p className="complete-form__ok">Calling now keeps to the rules on calls: contact hours and call frequency.</p> : null}
      <div className="field">
        <label className="field__label" htmlFor={field('outcome')}>
          Outcome
        </label>
        <select id={field('outcome')} className="field__input" value={outcome} onChange={(e) => chooseOutcome(e.target.value)}>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o] ?? o}
            </option>
          ))}
        </select>
      </div>
      {isCall ? (
        <div className="field">
          <label className="field__label" htmlFor={field('call')}>
            Call result
          </label>
          <select id={field('call')} className="field__input" value={callResult} onChange={(e) => setCallResult(e.target.value as typeof callResult)}>
            {CALL_OUTCOME_VALUES.map((r) => (
              <option key={r} value={r}>
                {CALL_RESULT_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {outcome === 'promise-to-pay' ? (
        <div className="complete-form__row">
          <div className="field">
            <label className="field__label" htmlFor={field('amount')}>
              Promised amount ({currency})
            </label>
            <input id={field('amount')} className="field__input" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={field('due')}>
              Promised date
            </label>
            <input id={field('due')} className="field__input" type="date" min={today()} value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </div>
        </div>
      ) : null}
      {outcome === 'payment-plan' ? (
        <div className="complete-form__row">
          <div className="field">
            <label className="field__label" htmlFor={field('installments')}>
              Installments
            </label>
            <input id={field('installments')} className="field__input" type="number" min={2} max={60} value={installments} onChange={(e) => setInstallments(e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={field('interval')}>
              Days between installments
            </label>
            <input id={field('interval')} className="field__input" type="number" min={1} max={92} value={intervalDays} onChange={(e) => setIntervalDays(e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={field('first')}>
              First installment due
            </label>
            <input id={field('first')} className="field__input" type="date" min={today()} value={firstDueDate} onChange={(e) => setFirstDueDate(e.target.value)} />
          </div>
        </div>
      ) : null}
      {outcome === 'dispute' ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor={field('reason')}>
              What the debtor disputes
            </label>
            <textarea id={field('reason')} className="field__input" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <fieldset className="complete-form__invoices">
            <legend className="field__label">Disputed invoices</legend>
            {invoices === null ? <p>Loading the open invoices…</p> : null}
            {invoices?.length === 0 ? <p>The account has no open invoice to dispute.</p> : null}
            {invoices?.map((invoice) => (
              <label key={invoice.id} className="complete-form__check">
                <input
                  type="checkbox"
                  checked={disputed.has(invoice.id)}
                  onChange={(e) => {
                    const next = new Set(disputed);
                    if (e.target.checked) next.add(invoice.id);
                    else next.delete(invoice.id);
                    setDisputed(next);
                  }}
                />
                {invoice.number} ({moneyText(invoice.open)} open)
              </label>
            ))}
          </fieldset>
        </>
      ) : null}
      {outcome === CALL_BACK ? (
        <div className="field">
          <label className="field__label" htmlFor={field('callback')}>
            Call back at
          </label>
          <input id={field('callback')} className="field__input" type="datetime-local" value={callBackAt} onChange={(e) => setCallBackAt(e.target.value)} />
        </div>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={field('note')}>
          Note
        </label>
        <textarea id={field('note')} className="field__input" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error ? (
        <div className="notice notice--warning" role="alert">
          <p>{error.message}</p>
          {error.fields.length > 0 ? (
            <ul>
              {error.fields.map((f) => (
                <li key={f.path}>
                  {f.path}: {f.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="complete-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Recording…' : 'Record outcome'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
