/** What a page shows while it reads from the server. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status">
      <span className="spinner" aria-hidden="true" /> {what}
    </p>
  );
}

/** What a page shows when a read failed: the reason, and a way to try again when there is one. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry?: () => void }) {
  if (!onRetry) {
    return (
      <p className="notice notice--warning" role="alert">
        {message}
      </p>
    );
  }
  return (
    <div className="notice notice--warning" role="alert">
      <p>{message}</p>
      <button type="button" className="button button--small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
