import { useMemo } from 'react';
import { describeSchema, typePhrase, type SchemaField } from './schema-view.ts';
import { InlineText } from './prose.tsx';

const childIntro = (field: SchemaField): string | null => {
  switch (field.childKind) {
    case 'oneOf':
      return field.isArray ? 'Each item is exactly one of:' : 'Exactly one of:';
    case 'anyOf':
      return field.isArray ? 'Each item matches one or more of:' : 'One or more of:';
    case 'tuple':
      return 'In this order:';
    case 'fields':
      return field.isArray ? 'Each item has:' : null;
    case null:
      return null;
  }
};

/** What is known of one field beyond its name: its allowed values, limits, description, and where it repeats. */
function FieldNotes({ field }: { field: SchemaField }) {
  return (
    <>
      {field.description ? (
        <p className="schema-field__description">
          <InlineText text={field.description} />
        </p>
      ) : null}
      {field.enumValues && field.enumValues.length > 0 ? (
        <p className="schema-field__note">
          One of{' '}
          {field.enumValues.map((value, index) => (
            <span key={value}>
              {index > 0 ? ', ' : null}
              <code>{value}</code>
            </span>
          ))}
        </p>
      ) : null}
      {field.constraints.length > 0 ? <p className="schema-field__note">{field.constraints.join(' · ')}</p> : null}
      {field.repeats !== null ? (
        <p className="schema-field__note">
          The same shape as {field.repeats === '' ? 'the whole schema' : <code>{field.repeats}</code>} above, nested again.
        </p>
      ) : null}
      {field.truncated ? <p className="schema-field__note">Nested deeper than shown here: the downloaded document has the rest.</p> : null}
    </>
  );
}

function FieldItem({ field }: { field: SchemaField }) {
  return (
    <li className="schema-field">
      <div className="schema-field__line">
        {field.name !== null ? <code className="schema-field__name">{field.name}</code> : <span className="schema-field__label">{field.label ?? 'Value'}</span>}
        <span className="schema-field__type">{typePhrase(field)}</span>
        {field.required === true ? <span className="schema-field__flag schema-field__flag--required">required</span> : null}
        {field.required === false ? <span className="schema-field__flag">optional</span> : null}
        {field.nullable ? <span className="schema-field__flag">nullable</span> : null}
        {field.refName ? <span className="schema-field__ref">{field.refName}</span> : null}
      </div>
      <FieldNotes field={field} />
      <FieldList field={field} />
    </li>
  );
}

function FieldList({ field }: { field: SchemaField }) {
  if (field.children.length === 0) return null;
  const intro = childIntro(field);
  return (
    <>
      {intro ? <p className="schema-field__note">{intro}</p> : null}
      <ul className="schema-fields">
        {field.children.map((child, index) => (
          <FieldItem key={child.name ?? `${child.label ?? ''}-${index}`} field={child} />
        ))}
      </ul>
    </>
  );
}

/** A schema as a nested list of fields, `$ref`s resolved within `document`. */
export function SchemaFields({ schema, document }: { schema: unknown; document: unknown }) {
  const root = useMemo(() => describeSchema(schema, document), [schema, document]);
  return (
    <div className="schema">
      <p className="schema__root">
        <span className="schema-field__type">{typePhrase(root)}</span>
        {root.nullable ? <span className="schema-field__flag">nullable</span> : null}
        {root.refName ? <span className="schema-field__ref">{root.refName}</span> : null}
      </p>
      <FieldNotes field={root} />
      <FieldList field={root} />
    </div>
  );
}
