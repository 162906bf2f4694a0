import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { DropZone, type PickedFile } from './drop-zone.tsx';
import { StatementProgressPanel } from './statement-progress-panel.tsx';
import {
  describeRefusal,
  STATEMENTS_KEY,
  uploadStatement,
  type FormatChoice,
  type StatementImport,
  type StatementRefusal,
  type StatementUpload as Upload,
} from './statements.api.ts';

const FORMAT_OPTIONS: { value: FormatChoice; label: string }[] = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'camt.053', label: 'camt.053 (ISO 20022 statement)' },
  { value: 'camt.054', label: 'camt.054 (ISO 20022 notification)' },
  { value: 'mt940', label: 'MT940 (SWIFT)' },
  { value: 'bai2', label: 'BAI2' },
  { value: 'csv', label: 'CSV export (needs a saved mapping)' },
];

/** Takes a bank statement file, says what became of it, and follows its reconciliation live. */
export function StatementUpload() {
  const api = useApi();
  const queries = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [format, setFormat] = useState<FormatChoice>('auto');
  const [mapping, setMapping] = useState('');
  const [mappingMissing, setMappingMissing] = useState(false);
  // The file goes in one request without progress events, so a mutation carries its sending, refusal and result.
  const upload = useMutation({
    mutationFn: (sent: Upload) => uploadStatement(api, sent),
    // Not awaited: what became of the file is shown at once, and the list takes the statement in behind it.
    onSuccess: () => void queries.invalidateQueries({ queryKey: STATEMENTS_KEY }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (format === 'csv' && mapping.trim() === '') {
      setMappingMissing(true);
      return;
    }
    upload.mutate({ content: file.content, filename: file.name, format, mapping });
  }

  const sending = upload.isPending;
  return (
    <section className="card cash-upload" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Import a bank statement
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <DropZone
          label="Bank statement file"
          hint="Drop a camt.053, camt.054, MT940, BAI2 or CSV file here. The same file twice changes nothing."
          accept=".xml,.txt,.sta,.mt940,.940,.bai,.bai2,.csv,text/plain,application/xml,text/xml,text/csv"
          file={file}
          disabled={sending}
          onFile={(picked) => {
            setFile(picked);
            upload.reset();
          }}
        />
        <div className="cash-upload__options">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-format`}>
              Format
            </label>
            <select id={`${id}-format`} className="field__input" value={format} disabled={sending} onChange={(e) => setFormat(e.target.value as FormatChoice)}>
              {FORMAT_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          {format === 'csv' ? (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-mapping`}>
                Column mapping
              </label>
              <input
                id={`${id}-mapping`}
                className="field__input"
                value={mapping}
                placeholder="The saved mapping's name"
                aria-invalid={mappingMissing ? 'true' : undefined}
                aria-describedby={mappingMissing ? `${id}-mapping-error` : undefined}
                disabled={sending}
                onChange={(e) => {
                  setMapping(e.target.value);
                  setMappingMissing(false);
                }}
              />
              {mappingMissing ? (
                <p id={`${id}-mapping-error`} className="form__error">
                  A CSV export is read through a saved column mapping: give its name.
                </p>
              ) : null}
            </div>
          ) : null}
          <button type="submit" className="button button--primary" disabled={!file || sending}>
            {sending ? 'Importing…' : 'Import statement'}
          </button>
        </div>
      </form>
      {upload.isError ? <Refusal refusal={describeRefusal(upload.error)} /> : null}
      {upload.isSuccess ? <ImportOutcome result={upload.data} /> : null}
    </section>
  );
}

function Refusal({ refusal }: { refusal: StatementRefusal }) {
  return (
    <div className="notice notice--warning cash-refusal" role="alert">
      <p>{refusal.message}</p>
      {refusal.where ? (
        <p>
          At: <code>{refusal.where}</code>
        </p>
      ) : null}
      {refusal.fields.length > 0 ? (
        <ul>
          {refusal.fields.map((f) => (
            <li key={f.path}>
              {f.path}: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ImportOutcome({ result }: { result: StatementImport }) {
  return (
    <div className="cash-outcome">
      {result.duplicate ? (
        <p className="notice notice--warning" role="status">
          This file or statement ({result.statementRef}) was imported before. Nothing changed; its figures are below.
        </p>
      ) : (
        <p className="notice cash-ok" role="status">
          Imported {result.statementRef} as {result.format}: {result.lines} lines, {result.newLines} new
          {result.alreadySeen > 0 ? `, ${result.alreadySeen} already imported before and skipped` : ''}.
        </p>
      )}
      {result.status === 'unbalanced' ? (
        <p className="notice notice--warning">It does not balance, so it is held: nothing is applied until a manager releases it from the list below.</p>
      ) : null}
      {result.alreadySeenLines.length > 0 ? (
        <table className="table" aria-label="Lines already imported">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Why it was skipped</th>
              <th scope="col">Matched line</th>
            </tr>
          </thead>
          <tbody>
            {result.alreadySeenLines.map((line) => (
              <tr key={`${line.source}-${line.matchedLineId}`}>
                <td>
                  <code>{line.source}</code>
                </td>
                <td>{line.reason}</td>
                <td className="table__sub">
                  <code>{line.matchedSource}</code> of statement {line.matchedStatementId.slice(0, 8)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <StatementProgressPanel statementId={result.id} />
    </div>
  );
}
