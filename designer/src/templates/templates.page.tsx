import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { EMPTY_FIELDS, fieldsOf, isTemplateField, missingFields, newTemplateOf, sameFields, updateOf } from './template-fields.ts';
import type { TemplateField, TemplateFields } from './template-fields.ts';
import { TemplateEditor } from './template-editor.tsx';
import { TemplateList } from './template-list.tsx';
import { TemplatePreview } from './template-preview.tsx';
import { createTemplate, updateTemplate } from './templates.api.ts';
import type { Template } from './templates.api.ts';
import { TEMPLATES_KEY, useTemplates } from './use-templates.ts';
import './templates.css';

export interface TemplatesPageProps {
  /** Managers and admins edit; collectors read. The API enforces the same. */
  canEdit: boolean;
}

type Selection = { kind: 'existing'; key: string } | { kind: 'new' };
type FieldErrors = Partial<Record<TemplateField, string>>;
/** What a save sends: a new template, or the fields of one that exists. */
type Save = { kind: 'new'; fields: TemplateFields } | { kind: 'existing'; template: Template; fields: TemplateFields };

/** The field a server-reported path names: "subject", or "body.subject" from a validation error. */
function fieldOfPath(path: string): TemplateField | null {
  return path.split('.').find(isTemplateField) ?? null;
}

const byKey = (a: Template, b: Template): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function TemplatesPage({ canEdit }: TemplatesPageProps) {
  const api = useApi();
  const queries = useQueryClient();
  const id = useId();
  const list = useTemplates();
  const [chosen, setChosen] = useState<Selection | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, TemplateFields>>(new Map());
  const [newDraft, setNewDraft] = useState<TemplateFields>(EMPTY_FIELDS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const saving = useMutation({
    mutationFn: (save: Save) =>
      save.kind === 'new' ? createTemplate(api, newTemplateOf(save.fields)) : updateTemplate(api, save.template.key, updateOf(save.template, save.fields)),
    onSuccess: (template, save) => {
      replaceInList(template);
      if (save.kind === 'new') {
        setNewDraft(EMPTY_FIELDS);
        setChosen({ kind: 'existing', key: template.key });
        setSaved(`Created ${template.name}.`);
      } else {
        // The first template, open by default, stays open should the sorted list put another first.
        setChosen((picked) => picked ?? { kind: 'existing', key: template.key });
        setDrafts((current) => withoutDraft(current, template.key));
        setSaved('Saved.');
      }
    },
    onError: showFailure,
  });

  const templates = list.data ?? [];
  // Until someone picks, the first template is open.
  const selection: Selection | null = chosen ?? (templates[0] ? { kind: 'existing', key: templates[0].key } : null);
  const current = selection?.kind === 'existing' ? templates.find((t) => t.key === selection.key) : undefined;
  const creating = selection?.kind === 'new';
  const fields = creating ? newDraft : current ? (drafts.get(current.key) ?? fieldsOf(current)) : null;
  const dirty = creating ? !sameFields(newDraft, EMPTY_FIELDS) : current !== undefined && drafts.has(current.key);

  function select(next: Selection) {
    setChosen(next);
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
    setDrafts(sameFields(next, fieldsOf(current)) ? withoutDraft(drafts, current.key) : new Map(drafts).set(current.key, next));
  }

  function revert() {
    if (creating) setNewDraft(EMPTY_FIELDS);
    else if (current) setDrafts(withoutDraft(drafts, current.key));
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

  /** A template the server created or changed: the cached list takes it in place of a refetch. */
  function replaceInList(template: Template) {
    queries.setQueryData<Template[]>(TEMPLATES_KEY, (listed = []) => [...listed.filter((t) => t.key !== template.key), template].sort(byKey));
  }

  function save() {
    if (!fields) return;
    if (creating) {
      const missing = missingFields(fields, true);
      if (Object.keys(missing).length > 0) {
        setErrors(missing);
        setFormError('Fill in the marked fields.');
        return;
      }
    }
    setErrors({});
    setFormError(null);
    if (creating) saving.mutate({ kind: 'new', fields });
    else if (current) saving.mutate({ kind: 'existing', template: current, fields });
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

      {list.isError ? (
        <div className="form__error templates__load-error" role="alert">
          <p>{describeFailure(list.error, 'Could not load the templates.').message}</p>
          <button type="button" className="button button--small" onClick={() => void list.refetch()}>
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
          {list.isPending ? (
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
                aria-busy={saving.isPending}
                onSubmit={(event) => {
                  event.preventDefault();
                  if (canEdit && !saving.isPending) save();
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
                    <button type="submit" className="button button--primary" disabled={saving.isPending || (!creating && !dirty)}>
                      {saving.isPending ? (
                        <>
                          <span className="spinner" aria-hidden="true" /> Saving…
                        </>
                      ) : creating ? (
                        'Create template'
                      ) : (
                        'Save'
                      )}
                    </button>
                    <button type="button" className="button" disabled={saving.isPending || !dirty} onClick={revert}>
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

function withoutDraft(drafts: ReadonlyMap<string, TemplateFields>, key: string): ReadonlyMap<string, TemplateFields> {
  const remaining = new Map(drafts);
  remaining.delete(key);
  return remaining;
}
