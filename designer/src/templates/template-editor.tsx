import { useId } from 'react';
import type { ReactNode } from 'react';
import { CheckboxField } from '../strategies/settings/fields.tsx';
import type { TemplateField, TemplateFields } from './template-fields.ts';
import { checkTemplate, lacksOptOut, PLACEHOLDERS } from './template-placeholders.ts';
import { TEMPLATE_CHANNELS, isTemplateChannel } from './templates.api.ts';

interface TemplateEditorProps {
  fields: TemplateFields;
  creating: boolean;
  canEdit: boolean;
  errors: Partial<Record<TemplateField, string>>;
  onChange(fields: TemplateFields): void;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  warning?: string | null;
  children(describedBy: string | undefined, invalid: boolean): ReactNode;
}

/** A labelled field with its hint, a warning from the quick check, and the server's reason when it refused it. */
function Field({ id, label, hint, error, warning, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const warningId = warning ? `${id}-warning` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, warningId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children(describedBy, error !== undefined)}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {warning ? (
        <p id={warningId} className="field__warning">
          {warning}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function warningFor(text: string): string | null {
  const check = checkTemplate(text);
  const parts: string[] = [];
  if (check.unknown.length > 0) {
    parts.push(`${check.unknown.map((name) => `{{${name}}}`).join(', ')} ${check.unknown.length === 1 ? 'is' : 'are'} not filled in by Recoup and would print as nothing.`);
  }
  if (check.unclosed) parts.push('A "{{" is not closed with "}}".');
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The template's texts. Read-only for people who may not change templates; they can still select and copy. */
export function TemplateEditor({ fields, creating, canEdit, errors, onChange }: TemplateEditorProps) {
  const id = useId();
  const readOnly = !canEdit;
  const set = (field: Exclude<TemplateField, 'attachLetter' | 'channel'>) => (value: string) => onChange({ ...fields, [field]: value });
  const smsLength = [...fields.smsText].length;
  const optOutWarning = lacksOptOut(fields.channel, fields.bodyText)
    ? 'E-mails to debtors must offer an opt-out (Reg F 1006.6(e)): add {{optOutUrl}}, unless only staff receive this template.'
    : null;
  const bodyWarning = [warningFor(fields.bodyText), optOutWarning].filter(Boolean).join(' ') || null;

  return (
    <div className="template-editor">
      {creating ? (
        <div className="template-editor__pair">
          <Field id={`${id}-key`} label="Key" error={errors.key} hint="Strategies name the template by this key. It cannot change later.">
            {(describedBy, invalid) => (
              <input
                id={`${id}-key`}
                className="field__input template-editor__mono"
                value={fields.key}
                spellCheck={false}
                autoComplete="off"
                placeholder="overdue-30"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(event) => set('key')(event.target.value)}
              />
            )}
          </Field>
          <Field id={`${id}-channel`} label="Written for" error={errors.channel}>
            {(describedBy, invalid) => (
              <select
                id={`${id}-channel`}
                className="field__input"
                value={fields.channel}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(event) => {
                  if (isTemplateChannel(event.target.value)) onChange({ ...fields, channel: event.target.value });
                }}
              >
                {TEMPLATE_CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {channel}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : (
        <p className="template-editor__identity">
          <code>{fields.key}</code> <span className="badge">{fields.channel}</span>
        </p>
      )}

      <Field id={`${id}-name`} label="Name" error={errors.name}>
        {(describedBy, invalid) => (
          <input
            id={`${id}-name`}
            className="field__input"
            value={fields.name}
            readOnly={readOnly}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => set('name')(event.target.value)}
          />
        )}
      </Field>

      <Field id={`${id}-subject`} label="Subject" error={errors.subject} warning={warningFor(fields.subject)} hint="E-mails and letters carry it; an SMS has none.">
        {(describedBy, invalid) => (
          <input
            id={`${id}-subject`}
            className="field__input"
            value={fields.subject}
            readOnly={readOnly}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => set('subject')(event.target.value)}
          />
        )}
      </Field>

      <Field id={`${id}-body`} label="Body text" error={errors.bodyText} warning={bodyWarning}>
        {(describedBy, invalid) => (
          <textarea
            id={`${id}-body`}
            className="field__input template-editor__text"
            rows={14}
            value={fields.bodyText}
            readOnly={readOnly}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => set('bodyText')(event.target.value)}
          />
        )}
      </Field>

      <Field
        id={`${id}-sms`}
        label="SMS text"
        error={errors.smsText}
        warning={warningFor(fields.smsText)}
        hint={`Sent instead of the body text by SMS; leave empty to send the body text. ${smsLength} characters.`}
      >
        {(describedBy, invalid) => (
          <textarea
            id={`${id}-sms`}
            className="field__input template-editor__text"
            rows={3}
            value={fields.smsText}
            readOnly={readOnly}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => set('smsText')(event.target.value)}
          />
        )}
      </Field>

      <CheckboxField
        label="Attach the PDF letter to e-mails"
        hint="E-mails from this template also carry it as a PDF letter: the debtor's postal address, the date, the open items and how to pay. A reminder by post is always a PDF letter."
        readOnly={readOnly}
        checked={fields.attachLetter}
        onChange={(attachLetter) => onChange({ ...fields, attachLetter })}
      />

      <details className="template-editor__placeholders">
        <summary>Placeholders</summary>
        <dl>
          {PLACEHOLDERS.map((placeholder) => (
            <div key={placeholder.name} className="template-editor__placeholder">
              <dt>
                <code>{`{{${placeholder.name}}}`}</code>
              </dt>
              <dd>{placeholder.description}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
