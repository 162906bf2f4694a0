import { useEffect, useId, useState } from 'react';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { EMPTY_FIELDS, fieldsOf, isTemplateField, missingFields, newTemplateOf, sameFields, updateOf } from './template-fields.ts';
import type { TemplateField, TemplateFields } from './template-fields.ts';
import { TemplateEditor } from './template-editor.tsx';
import { TemplateList } from './template-list.tsx';
import { TemplatePreview } from './template-preview.tsx';
import { createTemplate, listTemplates, updateTemplate } from './templates.api.ts';
import type { Template } from './templates.api.ts';
import './templates.css';

export interface TemplatesPageProps {
  /** Managers and admins edit; collectors read. The API enforces the same. */
  canEdit: boolean;
}

type List = { status: 'loading' } | { status: 'ready'; templates: Template[] } | { status: 'failed'; message: string };
type Selection = { kind: 'existing'; key: string } | { kind: 'new' };
type FieldErrors = Partial<Record<TemplateField, string>>;

/** The field a server-reported path names: "subject", or "body.subject" from a validation error. */
function fieldOfPath(path: string): TemplateField | null {
  return path.split('.').find(isTemplateField) ?? null;
}

const byKey = (a: Template, b: Template): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function TemplatesPage({ canEdit }: TemplatesPageProps) {
  const api = useApi();
  const id = useId();
  const [list, setList] = useState<List>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, TemplateFields>>(new Map());
  const [newDraft, setNewDraft] = useState<TemplateFields>(EMPTY_FIELDS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listTemplates(api, controller.signal).then(
      (templates) => {
        if (controller.signal.aborted) return;
        setList({ status: 'ready', templates });
        setSelection((current) => current ?? (templates[0] ? { kind: 'existing', key: templates[0].key } : null));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setList({ status: 'failed', message: describeFailure(error, 'Could not load the templates.').message });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const templates = list.status === 'ready' ? list.templates : [];
  const current = selection?.kind === 'existing' ? templates.find((t) => t.key === selection.key) : undefined;
  const creating = selection?.kind === 'new';
  const fields = creating ? newDraft : current ? (drafts.get(current.key) ?? fieldsOf(current)) : null;
  const dirty = creating ? !sameFields(newDraft, EMPTY_FIELDS) : current !== undefined && drafts.has(current.key);

  function select(next: Selection) {
    setSelection(next);
    setErrors({});
    setFormError(null);
    setSaved(null);
  }

  function edit(next: TemplateFields) {
    setSaved(null);
    if (creating) {
      setNewDraft(next);
      return;
    }
    if (!current) return;
    const updated = new Map(drafts);
    if (sameFields(next, fieldsOf(current))) updated.delete(current.key);
    else updated.set(current.key, next);
    setDrafts(updated);
  }

  function revert() {
    if (creating) setNewDraft(EMPTY_FIELDS);
    else if (current) {
      const updated = new Map(drafts);
      updated.delete(current.key);
      setDrafts(updated);
    }
    setErrors({});
    setFormError(null);
  }

  function showFailure(error: unknown) {
    const failure = describeFailure(error, 'The template could not be saved.');
    const fieldErrors: FieldErrors = {};
    for (const field of failure.fields) {
      const name = fieldOfPath(field.path);
      if (name && fieldErrors[name] === undefined) fieldErrors[name] = field.reason;
    }
    setErrors(fieldErrors);
    setFormError(failure.message);
  }

  function replaceInList(template: Template) {
    setList({ status: 'ready', templates: [...templates.filter((t) => t.key !== template.key), template].sort(byKey) });
  }

  async function save() {
    if (!fields) return;
    if (creating) {
      const missing = missingFields(fields, true);
      if (Object.keys(missing).length > 0) {
        setErrors(missing);
        setFormError('Fill in the marked fields.');
        return;
      }
    }
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      if (creating) {
        const created = await createTemplate(api, newTemplateOf(fields));
        replaceInList(created);
        setNewDraft(EMPTY_FIELDS);
        setSelection({ kind: 'existing', key: created.key });
        setSaved(`Created ${created.name}.`);
      } else if (current) {
        const updated = await updateTemplate(api, current.key, updateOf(current, fields));
        replaceInList(updated);
        const remaining = new Map(drafts);
        remaining.delete(current.key);
        setDrafts(remaining);
        setSaved('Saved.');
      }
    } catch (error) {
      showFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const unsaved = new Set(drafts.keys());
  const editorTitle = creating ? 'New template' : (current?.name ?? 'Template');

  return (
    <div className="page templates">
      <header className="page__header">
        <h1 className="page__title">Templates</h1>
        <p className="page__lead">The messages reminders send. Edit a text and see it rendered for a real account as its debtor would receive it.</p>
      </header>
      {canEdit ? null : <p className="notice notice--info">You can read the templates; managers and admins change them.</p>}

      {list.status === 'failed' ? (
        <div className="form__error templates__load-error" role="alert">
          <p>{list.message}</p>
          <button type="button" className="button button--small" onClick={() => setAttempt(attempt + 1)}>
            Try again
          </button>
        </div>
      ) : null}

      <div className="templates__layout">
        <nav className="card templates__list" aria-label="Templates">
          {canEdit ? (
            <button
              type="button"
              className="button button--small button--block"
              aria-current={creating ? 'true' : undefined}
              onClick={() => select({ kind: 'new' })}
            >
              New template
            </button>
          ) : null}
          {list.status === 'loading' ? (
            <p className="templates__empty" role="status">
              <span className="spinner" aria-hidden="true" /> Loading templates…
            </p>
          ) : (
            <TemplateList
              templates={templates}
              selectedKey={current?.key ?? null}
              unsaved={unsaved}
              onSelect={(key) => select({ kind: 'existing', key })}
            />
          )}
        </nav>

        {fields ? (
          <>
            <section className="card templates__editor" aria-labelledby={`${id}-editor`}>
              <h2 id={`${id}-editor`} className="templates__heading">
                {editorTitle}
              </h2>
              <form
                className="form"
                noValidate
                aria-busy={saving}
                onSubmit={(event) => {
                  event.preventDefault();
                  if (canEdit && !saving) void save();
                }}
              >
                <TemplateEditor fields={fields} creating={creating} canEdit={canEdit} errors={errors} onChange={edit} />
                {formError ? (
                  <p className="form__error" role="alert">
                    {formError}
                  </p>
                ) : null}
                {canEdit ? (
                  <div className="templates__actions">
                    <button type="submit" className="button button--primary" disabled={saving || (!creating && !dirty)}>
                      {saving ? (
                        <>
                          <span className="spinner" aria-hidden="true" /> Saving…
                        </>
                      ) : creating ? (
                        'Create template'
                      ) : (
                        'Save'
                      )}
                    </button>
                    <button type="button" className="button" disabled={saving || !dirty} onClick={revert}>
                      {creating ? 'Clear' : 'Revert changes'}
                    </button>
                    <span className="templates__saved" role="status">
                      {saved}
                    </span>
                  </div>
                ) : null}
              </form>
            </section>
            <div className="card templates__preview">
              <TemplatePreview fields={fields} />
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
