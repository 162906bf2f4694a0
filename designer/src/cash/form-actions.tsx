/** The end of a cash form: what the server refused, if anything, then submit (busy while sending) and cancel. */
export function FormActions(props: { error?: string | null; sending: boolean; canSubmit?: boolean; label: string; busyLabel: string; onCancel: () => void }) {
  const { error, sending, canSubmit = true, label, busyLabel, onCancel } = props;
  return (
    <>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="cash-actions">
        <button type="submit" className="button button--primary" disabled={!canSubmit || sending}>
          {sending ? busyLabel : label}
        </button>
        <button type="button" className="button" disabled={sending} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
