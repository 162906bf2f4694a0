import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { skipLine, type ExceptionLine, type LineResolution } from './statement-lines.api.ts';
import { FormActions } from './form-actions.tsx';

const MIN_REASON = 3;

const refusal = (failure: unknown) => describeFailure(failure, 'The line could not be set aside.');
const reasonRefused = (failure: unknown) => refusal(failure).fields.find((f) => f.path === 'reason')?.reason ?? null;

/** Sets a line aside (a bank fee, a transfer between own accounts), with the reason the audit log keeps. */
export function SkipLineForm({ line, onSkipped, onCancel }: { line: ExceptionLine; onSkipped(resolution: LineResolution): void; onCancel(): void }) {
  const api = useApi();
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const skip = useMutation({ mutationFn: (why: string) => skipLine(api, line.id, why) });
  const sending = skip.isPending;
  // A refusal of the reason itself is shown on the field, where it is put right; any other under the form.
  const error = skip.isError && reasonRefused(skip.error) === null ? refusal(skip.error).message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setProblem('Say why this line is not a customer’s payment (at least 3 characters); it goes to the audit log.');
      return;
    }
    skip.mutate(reason.trim(), {
      onSuccess: onSkipped,
      onError: (failure) => {
        const refused = reasonRefused(failure);
        if (refused) setProblem(refused);
      },
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
