import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CALL_BACK, CALL_OUTCOME_VALUES, type AccountDetail, type CompleteTaskRequest, type InboxItem } from '@recoup/contracts';
import { parseMajorAmount } from '@recoup/domain';
import { accountKey, getAccount } from '../accounts/account.api.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { checkCall, completeTask, INBOX_KEY } from './inbox.api.ts';
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

/** The invoices a dispute can name: those with something still open. */
const openInvoices = (detail: AccountDetail) => detail.invoices.filter((i) => i.status === 'open' && i.open.amountMinor !== '0');

/** What the collector is told once the outcome is recorded. */
const doneText = (task: InboxItem, request: CompleteTaskRequest) =>
  request.outcome === CALL_BACK
    ? `The call to ${task.account.name} is due again ${new Date(request.callBackAt ?? '').toLocaleString()}.`
    : `Recorded “${OUTCOME_LABELS[request.outcome] ?? request.outcome}” for ${task.account.name}.`;

interface Props {
  task: InboxItem;
  currency: string;
  onDone(message: string): void;
  onCancel(): void;
}

/** Records what came of a task; for a call, logs the call under the call-frequency rules and warns before dialling. */
export function CompleteTaskForm({ task, currency, onDone, onCancel }: Props) {
  const api = useApi();
  const queries = useQueryClient();
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
  const [disputed, setDisputed] = useState<ReadonlySet<string>>(new Set());
  const [callBackAt, setCallBackAt] = useState('');
  /** What the form itself refuses before asking the server. */
  const [invalid, setInvalid] = useState<string | null>(null);
  // A check holds for the moment it was asked, so it is dropped with the form and the next opening asks again. When it
  // fails the form warns of nothing: the server still refuses to log a call that breaks the rules.
  const check = useQuery({
    queryKey: ['call-check', task.id],
    queryFn: ({ signal }) => checkCall(api, task.id, signal),
    enabled: isCall,
    gcTime: 0,
  }).data;
  // The same read as the account 360's, so either one's answer serves the other.
  const invoices = useQuery({
    queryKey: accountKey(task.accountId),
    queryFn: ({ signal }) => getAccount(api, task.accountId, signal),
    select: openInvoices,
    enabled: outcome === 'dispute',
  });
  // Without the account's invoices there is nothing to tick, as when it has none.
  const choices = invoices.data ?? (invoices.isError ? [] : null);
  const complete = useMutation({
    mutationFn: (request: CompleteTaskRequest) => completeTask(api, task.id, request),
    onSuccess: (_, request) => {
      // The task leaves the list, and the account's tasks, promises and disputes change with it. Neither is awaited,
      // so the form closes at once.
      void queries.invalidateQueries({ queryKey: INBOX_KEY });
      void queries.invalidateQueries({ queryKey: accountKey(task.accountId) });
      onDone(doneText(task, request));
    },
  });
  // A refusal of the form's own means the latest attempt never reached the server, so it wins over the server's last one.
  const error = invalid !== null ? { message: invalid, fields: [] } : complete.isError ? describeFailure(complete.error, 'The outcome could not be recorded.') : null;

  function chooseOutcome(next: string) {
    setOutcome(next);
    setCallResult(defaultCallResult(next));
    setInvalid(null);
    complete.reset();
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

  function submit(event: FormEvent) {
    event.preventDefault();
    const request = body();
    setInvalid(typeof request === 'string' ? request : null);
    if (typeof request !== 'string') complete.mutate(request);
  }

  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="complete-form" aria-label={`Complete the task for ${task.account.name}`} onSubmit={submit}>
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
            {choices === null ? <p>Loading the open invoices…</p> : null}
            {choices?.length === 0 ? <p>The account has no open invoice to dispute.</p> : null}
            {choices?.map((invoice) => (
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
        <button type="submit" className="button button--primary" disabled={complete.isPending}>
          {complete.isPending ? 'Recording…' : 'Record outcome'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={complete.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
