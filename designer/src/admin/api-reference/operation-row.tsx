import { useId } from 'react';
import {
  accessText,
  descriptionParagraphs,
  securityAlternatives,
  statusText,
  tokenText,
  type ApiOperation,
  type ApiReference,
  type MediaType,
} from './openapi-document.ts';
import { InlineText, Prose } from './prose.tsx';
import { SchemaFields } from './schema-fields.tsx';
import { describeSchema, typePhrase } from './schema-view.ts';

/** The badge of the scope a token needs, or of an operation anyone may call. */
export function ScopeBadge({ operation }: { operation: ApiOperation }) {
  if (operation.access === 'public' || (operation.access === null && operation.security?.length === 0)) {
    return <span className="badge api-ref__badge api-ref__badge--public">public</span>;
  }
  if (operation.tokenScope === null) return null;
  return (
    <span className="badge api-ref__badge api-ref__badge--scope" title="The scope an API token needs">
      <span className="admin-visually-hidden">token scope </span>
      {operation.tokenScope === 'none' ? 'any token' : operation.tokenScope}
    </span>
  );
}

function MediaTypes({ content, document, none }: { content: readonly MediaType[]; document: unknown; none: string }) {
  if (content.length === 0) return <p className="admin-sub">{none}</p>;
  // Files (a statement, a CSV) come in several media types with no schema: one line says so for all of them.
  const files = content.filter((media) => media.schema === undefined);
  return (
    <>
      {content
        .filter((media) => media.schema !== undefined)
        .map((media) => (
          <div key={media.mediaType} className="api-ref__media">
            <p className="api-ref__media-type">
              <code>{media.mediaType}</code>
            </p>
            <SchemaFields schema={media.schema} document={document} />
          </div>
        ))}
      {files.length > 0 ? (
        <div className="api-ref__media">
          <p className="api-ref__media-type">
            {files.map((media, index) => (
              <span key={media.mediaType}>
                {index > 0 ? ', ' : null}
                <code>{media.mediaType}</code>
              </span>
            ))}
          </p>
          <p className="admin-sub">Sent as it is: not described field by field.</p>
        </div>
      ) : null}
    </>
  );
}

function Parameters({ operation, document }: { operation: ApiOperation; document: unknown }) {
  return (
    <table className="admin-table api-ref__parameters">
      <caption className="admin-visually-hidden">
        Parameters of {operation.method.toUpperCase()} {operation.path}
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">In</th>
          <th scope="col">Required</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {operation.parameters.map((parameter) => {
          const field = describeSchema(parameter.schema, document);
          const description = parameter.description ?? field.description;
          const notes = [
            ...(field.enumValues && field.enumValues.length > 0 ? [`One of ${field.enumValues.join(', ')}`] : []),
            ...field.constraints,
            ...(parameter.deprecated ? ['deprecated'] : []),
          ];
          return (
            <tr key={`${parameter.in} ${parameter.name}`}>
              <th scope="row">
                <code>{parameter.name}</code>
              </th>
              <td>{parameter.in}</td>
              <td>{parameter.required ? 'Yes' : 'No'}</td>
              <td>
                {typePhrase(field)}
                {field.nullable ? ', nullable' : ''}
              </td>
              <td>
                {description ? <InlineText text={description} /> : null}
                {notes.length > 0 ? <div className="admin-sub">{notes.join(' · ')}</div> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Everything the document says of one operation: what it does, who may call it, what goes in and what comes out. */
function OperationDetails({ operation, reference }: { operation: ApiOperation; reference: ApiReference }) {
  const id = useId();
  const { document } = reference;
  const ways = securityAlternatives(operation, reference.securitySchemes);
  const body = operation.requestBody;
  return (
    <>
      <Prose paragraphs={descriptionParagraphs(operation)} className="api-ref__description" />
      <dl className="api-ref__facts">
        <dt>Who may call it</dt>
        <dd>{accessText(operation)}</dd>
        <dt>API tokens</dt>
        <dd>
          {operation.tokenScope !== null && operation.tokenScope !== 'none' ? (
            <>
              Tokens with the scope <code>{operation.tokenScope}</code>.
            </>
          ) : (
            tokenText(operation)
          )}
        </dd>
        {ways.length > 0 ? (
          <>
            <dt>Sent with</dt>
            <dd>{ways.join(', or ')}</dd>
          </>
        ) : null}
        {operation.operationId ? (
          <>
            <dt>Operation id</dt>
            <dd>
              <code>{operation.operationId}</code>
            </dd>
          </>
        ) : null}
      </dl>

      {operation.parameters.length > 0 ? (
        <section className="api-ref__part">
          <h4 id={`${id}-parameters`} className="api-ref__part-title">
            Parameters
          </h4>
          {/* Focusable, so the table can be scrolled sideways from the keyboard on a narrow screen. */}
          <div className="api-ref__table-wrap" role="region" aria-labelledby={`${id}-parameters`} tabIndex={0}>
            <Parameters operation={operation} document={document} />
          </div>
        </section>
      ) : null}

      {body ? (
        <section className="api-ref__part">
          <h4 className="api-ref__part-title">Request body</h4>
          <p className="admin-sub">{body.required ? 'Required.' : 'Optional.'}</p>
          {body.description ? <Prose text={body.description} /> : null}
          <MediaTypes content={body.content} document={document} none="No media type is given." />
        </section>
      ) : null}

      <section className="api-ref__part">
        <h4 className="api-ref__part-title">Responses</h4>
        {operation.responses.length === 0 ? <p className="admin-sub">None described.</p> : null}
        {operation.responses.map((response) => (
          <section key={response.status} className="api-ref__response">
            <h5 className="api-ref__response-title">
              <span className={`api-ref__status api-ref__status--${response.status[0] ?? 'd'}`}>{response.status === 'default' ? 'default' : response.status}</span>{' '}
              {statusText(response.status)}
            </h5>
            {response.description ? <Prose text={response.description} /> : null}
            <MediaTypes content={response.content} document={document} none="No body." />
          </section>
        ))}
      </section>
    </>
  );
}

/** One operation: a row that opens to its details. The details are only built once it is open. */
export function OperationRow({ operation, reference, open, onToggle }: { operation: ApiOperation; reference: ApiReference; open: boolean; onToggle: () => void }) {
  const panel = useId();
  return (
    <li className={`api-ref__operation${open ? ' api-ref__operation--open' : ''}`}>
      <h3 className="api-ref__operation-heading">
        <button type="button" className="api-ref__toggle" aria-expanded={open} aria-controls={panel} onClick={onToggle}>
          <span className={`api-ref__method api-ref__method--${operation.method}`}>{operation.method.toUpperCase()}</span>{' '}
          <code className="api-ref__path">{operation.path}</code>{' '}
          <span className="api-ref__summary">
            <InlineText text={operation.summary} />
            {operation.deprecated ? ' (deprecated)' : null}
          </span>{' '}
          <ScopeBadge operation={operation} />
        </button>
      </h3>
      <div id={panel} className="api-ref__panel" hidden={!open}>
        {open ? <OperationDetails operation={operation} reference={reference} /> : null}
      </div>
    </li>
  );
}
