import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ImportRowProblem } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { DropZone, type PickedFile } from './drop-zone.tsx';
import { importPortfolioCsv, type ImportMode, type PortfolioImportOutcome } from './portfolio-imports.api.ts';
import { WorkflowStartsProgress } from './workflow-starts-progress.tsx';

/** Imports a portfolio CSV (accounts, contacts, invoices); a refused file names each bad row's line and reason. */
export function PortfolioImportsView() {
  const api = useApi();
  const id = useId();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  // The file goes in one request without progress events, so a mutation carries its sending, failure and outcome.
  const upload = useMutation({ mutationFn: ({ sent, mode }: { sent: PickedFile; mode: ImportMode }) => importPortfolioCsv(api, sent.content, sent.name, mode) });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) upload.mutate({ sent: file, mode: validOnly ? 'valid-only' : 'all-or-nothing' });
  }

  const sending = upload.isPending;
  return (
    <section className="card cash-upload" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Import a portfolio CSV
      </h2>
      <p className="table__sub">
        One row per invoice, with the account’s columns repeated on each of its rows. A file with a bad row is refused whole, naming every bad row,
        so it can be fixed in one pass; or import only the valid rows.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <DropZone
          label="Portfolio CSV file"
          hint="Drop the CSV export here, or choose it."
          accept=".csv,text/csv"
          file={file}
          disabled={sending}
          onFile={(picked) => {
            setFile(picked);
            upload.reset();
          }}
        />
        <label className="cash-check">
          <input type="checkbox" checked={validOnly} disabled={sending} onChange={(e) => setValidOnly(e.target.checked)} /> Import the valid rows only and
          list the refused ones
        </label>
        <div className="cash-actions">
          <button type="submit" className="button button--primary" disabled={!file || sending}>
            {sending ? 'Importing…' : 'Import portfolio'}
          </button>
        </div>
      </form>
      {upload.isError ? (
        <p className="notice notice--warning" role="alert">
          {describeFailure(upload.error, 'The file could not be imported.').message}
        </p>
      ) : null}
      {upload.isSuccess ? <Outcome outcome={upload.data} /> : null}
    </section>
  );
}

function Outcome({ outcome }: { outcome: PortfolioImportOutcome }) {
  switch (outcome.kind) {
    case 'refused':
      return (
        <div className="cash-outcome">
          <p className="notice notice--warning" role="alert">
            {outcome.message}
            {outcome.rowsTotal !== null ? ` The file has ${outcome.rowsTotal} rows.` : ''}
          </p>
          <RowProblems label="Refused rows" rows={outcome.rows} />
        </div>
      );
    case 'imported': {
      const r = outcome.result;
      const skippedRows = r.skipped.flatMap((s) => s.problems);
      return (
        <div className="cash-outcome">
          <p className="notice cash-ok" role="status">
            {r.status === 'partially-imported' ? 'Imported the valid rows' : 'Imported'}: {r.rowsImported} of {r.rowsTotal} rows, {r.accountsCreated} accounts
            created, {r.accountsUpdated} updated, {r.invoicesCreated} invoices.
          </p>
          <WorkflowStartsProgress
            batchId={r.batchId}
            initial={{
              status: r.workflowStatus,
              total: r.workflowsTotal,
              processed: r.workflowsProcessed,
              started: r.workflowsStarted,
              withoutStrategy: 0,
              errors: r.workflowErrors,
              note: r.workflowNote,
            }}
          />
          {skippedRows.length > 0 ? <RowProblems label="Skipped rows" rows={skippedRows} /> : null}
        </div>
      );
    }
  }
}

function RowProblems({ label, rows }: { label: string; rows: readonly ImportRowProblem[] }) {
  if (rows.length === 0) return <p className="empty">The file itself could not be read; no single row is to blame.</p>;
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Column</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.line}-${row.field}-${index}`}>
            <td>{row.line}</td>
            <td>{row.field ? <code>{row.field}</code> : '—'}</td>
            <td>{row.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
