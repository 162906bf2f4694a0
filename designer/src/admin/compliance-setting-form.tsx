import { useId, useState } from 'react';
import type { ComplianceSettingInput } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { CUSTOMER_TYPES, FIELD_SPECS, formatMinutes, inWords, parseCount, parseTime, SETTING_GROUPS, type FieldSpec, type SettingField } from './compliance-fields.ts';
import { saveComplianceSetting, type ComplianceSetting } from './compliance-settings.api.ts';

type Drafts = Record<SettingField, string>;
type Problems = Partial<Record<SettingField, string>>;

const draftsOf = (setting: ComplianceSetting): Drafts => {
  const drafts = {} as Drafts;
  for (const spec of FIELD_SPECS) drafts[spec.field] = spec.kind === 'time' ? formatMinutes(setting[spec.field]) : String(setting[spec.field]);
  return drafts;
};

/** What the form can send: every field read, or the fields it could not read with why. */
function readDrafts(drafts: Drafts): { input: ComplianceSettingInput } | { problems: Problems } {
  const values: Partial<Record<SettingField, number>> = {};
  const problems: Problems = {};
  for (const spec of FIELD_SPECS) {
    const value = spec.kind === 'time' ? parseTime(drafts[spec.field]) : parseCount(drafts[spec.field]);
    if (value === null) problems[spec.field] = spec.kind === 'time' ? 'Write the time as HH:MM on a 24-hour clock, for example 08:00.' : 'Enter a whole number.';
    else values[spec.field] = value;
  }
  if (Object.keys(problems).length > 0) return { problems };
  return { input: values as ComplianceSettingInput };
}

export interface ComplianceSettingFormProps {
  setting: ComplianceSetting;
  canEdit: boolean;
  onSaved: (setting: ComplianceSetting) => void;
}

/** One customer type's settings, each group with what it means and the rule behind it; admins change them here. */
export function ComplianceSettingForm({ setting, canEdit, onSaved }: ComplianceSettingFormProps) {
  const api = useApi();
  const id = useId();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(setting));
  const [problems, setProblems] = useState<Problems>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const type = CUSTOMER_TYPES[setting.customerType];

  async function save() {
    setSaved(null);
    setFormError(null);
    const read = readDrafts(drafts);
    if ('problems' in read) {
      setProblems(read.problems);
      setFormError('Nothing was saved: correct the marked fields.');
      return;
    }
    setProblems({});
    setSaving(true);
    try {
      const updated = await saveComplianceSetting(api, setting.customerType, read.input);
      setDrafts(draftsOf(updated));
      onSaved(updated);
      setSaved('Saved. Workflows apply it from their next reminder or call; the change is in the audit log.');
    } catch (failure) {
      const described = describeFailure(failure, 'The settings were not saved.');
      const next: Problems = {};
      const unplaced: string[] = [];
      for (const field of described.fields) {
        const spec = FIELD_SPECS.find((s) => s.field === field.path);
        if (spec && next[spec.field] === undefined) next[spec.field] = inWords(field.reason);
        else if (!spec) unplaced.push(inWords(field.reason));
      }
      setProblems(next);
      const placed = Object.keys(next).length > 0 ? 'Nothing was saved; the marked field says why.' : 'Nothing was saved.';
      setFormError([described.message, ...unplaced, placed].join(' '));
    } finally {
      setSaving(false);
    }
  }

  const input = (spec: FieldSpec) => {
    const fieldId = `${id}-${spec.field}`;
    const problem = problems[spec.field];
    return (
      <div className="field" key={spec.field}>
        <label className="field__label" htmlFor={fieldId}>
          {spec.label}
        </label>
        <input
          id={fieldId}
          className="field__input compliance__input"
          inputMode={spec.kind === 'time' ? 'text' : 'numeric'}
          placeholder={spec.kind === 'time' ? 'HH:MM' : undefined}
          value={drafts[spec.field]}
          readOnly={!canEdit}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={`${fieldId}-note`}
          onChange={(event) => setDrafts({ ...drafts, [spec.field]: event.target.value })}
        />
        <span id={`${fieldId}-note`} className={problem ? 'admin-field-error' : 'admin-sub'}>
          {problem ?? spec.hint}
        </span>
      </div>
    );
  };

  return (
    <section className="card compliance__card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="compliance__title">
        {type.title}
      </h2>
      <p className="admin-sub">
        {type.scope} Last changed {new Date(setting.updatedAt).toLocaleString()}.
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (canEdit && !saving) void save();
        }}
      >
        <fieldset className="compliance__fieldset" disabled={saving}>
          <legend className="admin-visually-hidden">{type.title}</legend>
          {SETTING_GROUPS.map((group) => (
            <div key={group.title} className="compliance__group">
              <h3 className="compliance__group-title">{group.title}</h3>
              <div className="compliance__fields">{group.fields.map(input)}</div>
              <p className="compliance__meaning">{group.meaning}</p>
              <p className="compliance__rule">{group.rule}</p>
            </div>
          ))}
        </fieldset>
        {formError ? (
          <p className="form__error" role="alert">
            {formError}
          </p>
        ) : null}
        {canEdit ? (
          <div>
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? 'Saving…' : `Save ${type.title.toLowerCase()}`}
            </button>{' '}
            <span role="status">{saved}</span>
          </div>
        ) : null}
      </form>
    </section>
  );
}
