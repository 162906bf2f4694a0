import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { skipLine, type ExceptionLine, type LineResolution } from './statement-lines.api.ts';
import { FormActions } from './form-actions.tsx';

const MIN_REASON = 3;

/** Sets a line aside (a bank fee, a transfer between own accounts), with the reason the audit log keeps. */
export function SkipLineForm({ line, onSkipped, onCancel }: { line: ExceptionLine; onSkipped(resolution: LineResolution): void; onCancel(): void }) {
  const api = useApi();
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setProblem('Say why this line is not a customer’s payment (at least 3 characters); it goes to the audit log.');
      return;
    }
    setSending(true);
    setError(null);
    skipLine(api, line.id, reason.trim()).then(onSkipped, (failure: unknown) => {
      setSending(false);
      const described = describeFailure(failure, 'The line could not be set aside.');
      const field = described.fields.find((f) => f.path === 'reason');
      if (field) setProblem(field.reason);
      else setError(described.message);
    });
  }

  return (
    <form className="form cash-form" onSubmit={submit} noValidate aria-label="Skip this line">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-reason`}>
          Why skip it
        </label>
        <input
          id={`${id}-reason`}
          className="field__input"
          value={reason}
          maxLength={500}
          placeholder="Bank fee, transfer between our own accounts…"
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? `${id}-reason-problem` : undefined}
          disabled={sending}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(null);
          }}
        />
        {problem ? (
          <p id={`${id}-reason-problem`} className="form__error">
            {problem}
          </p>
        ) : null}
      </div>
      <FormActions error={error} sending={sending} label="Skip line" busyLabel="Skipping…" onCancel={onCancel} />
    </form>
  );
}
