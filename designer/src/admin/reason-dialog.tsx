import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { WorkflowAction } from '@recoup/contracts';
import './reason-dialog.css';

const TITLES: Record<WorkflowAction, string> = {
  pause: 'Pause this workflow',
  resume: 'Resume this workflow',
  terminate: 'Terminate this workflow',
};

const EXPLANATIONS: Record<WorkflowAction, string> = {
  pause: 'No reminder, task or escalation goes out until it is resumed. Payments and other messages are still taken in.',
  resume: 'The workflow continues where it stood. A wait that ran out while it was paused ends at once.',
  terminate: 'The workflow ends now, for good, without any further step. Starting collection again begins a new run.',
};

/** Any other audited decision that needs a reason: its own title, explanation and confirm button. */
export interface ReasonRequest {
  title: string;
  explanation: string;
  confirmLabel: string;
  danger?: boolean;
}

interface ReasonDialogProps {
  action: WorkflowAction | ReasonRequest;
  busy: boolean;
  /** The server's refusal, shown in the dialog; `reasonError` when it named the reason. */
  error: string | null;
  reasonError: string | null;
  onConfirm(reason: string): void;
  onCancel(): void;
}

const requestFor = (action: WorkflowAction | ReasonRequest): ReasonRequest =>
  typeof action === 'string'
    ? { title: TITLES[action], explanation: EXPLANATIONS[action], confirmLabel: `Confirm ${action}`, danger: action === 'terminate' }
    : action;

/** Asks for the reason an audited decision needs (a workflow's pause, resume or termination, a statement's release). */
export function ReasonDialog({ action, busy, error, reasonError, onConfirm, onCancel }: ReasonDialogProps) {
  const request = requestFor(action);
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => input.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  }

  const fieldError = missing ? 'Give a reason: it is written to the audit log.' : reasonError;
  return (
    <div className="reason-dialog__backdrop">
      <div
        className="card reason-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        onKeyDown={(e) => e.key === 'Escape' && !busy && onCancel()}
      >
        <h2 id={`${id}-title`} className="card__title">{request.title}</h2>
        <p id={`${id}-text`}>{request.explanation}</p>
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-reason`}>Reason</label>
            <textarea
              ref={input}
              id={`${id}-reason`}
              className="field__input"
              rows={3}
              value={reason}
              aria-invalid={fieldError ? 'true' : undefined}
              aria-describedby={fieldError ? `${id}-reason-error` : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setMissing(false);
              }}
            />
            {fieldError && (
              <p id={`${id}-reason-error`} className="form__error">{fieldError}</p>
            )}
          </div>
          {error && (
            <p className="form__error" role="alert">{error}</p>
          )}
          <div className="reason-dialog__buttons">
            <button type="button" className="button" onClick={onCancel} disabled={busy}>Cancel</button>
            <button type="submit" className={`button ${request.danger ? 'button--danger' : 'button--primary'}`} disabled={busy}>
              {busy ? 'Working…' : request.confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
