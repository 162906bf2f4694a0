import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.ts';
import { describeFailure } from '../../api/api-failure.ts';
import { LoadFailed, Loading } from '../../components/load-feedback.tsx';
import { API_REFERENCE_KEY, getApiReference } from './api-reference.api.ts';
import { groupByTag, matchesFilter, OPENAPI_PATH, type ApiReference } from './openapi-document.ts';
import { OperationRow } from './operation-row.tsx';
import { InlineText, Prose } from './prose.tsx';
import '../admin-area.css';
import './api-reference.css';

function Introduction({ reference }: { reference: ApiReference }) {
  const id = useId();
  return (
    <section className="card api-ref__intro" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="api-ref__intro-title">
        {reference.title}
        {reference.version ? <span className="admin-sub"> version {reference.version}, OpenAPI {reference.openapi}</span> : null}
      </h2>
      <Prose text={reference.description} />
      {reference.securitySchemes.length > 0 ? (
        <>
          <h3 className="api-ref__intro-subtitle">Ways to authenticate</h3>
          <dl className="api-ref__schemes">
            {reference.securitySchemes.map((scheme) => (
              <div key={scheme.id}>
                <dt>
                  <code>{scheme.id}</code>: {scheme.label}
                </dt>
                {scheme.description ? (
                  <dd>
                    <InlineText text={scheme.description} />
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

function Operations({ reference }: { reference: ApiReference }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [tokensOnly, setTokensOnly] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  // Typing stays quick with a hundred operations: the list follows a moment later.
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(
    () => reference.operations.filter((operation) => matchesFilter(operation, { query: deferredQuery, tokensOnly })),
    [reference, deferredQuery, tokensOnly],
  );
  const groups = useMemo(() => groupByTag(shown, reference.tags), [shown, reference.tags]);
  const filtering = deferredQuery.trim() !== '' || tokensOnly;

  function toggle(key: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  return (
    <>
      <form className="card admin-filters api-ref__filters" role="search" aria-label="Find operations" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-q`}>
            Search operations
          </label>
          <input
            id={`${id}-q`}
            className="field__input"
            type="search"
            value={query}
            placeholder="payments, /api/accounts/{id}, import…"
            aria-describedby={`${id}-q-hint`}
            onChange={(event) => setQuery(event.target.value)}
          />
          <span id={`${id}-q-hint`} className="admin-sub">
            Matches the path, summary, tag or method; every word must match.
          </span>
        </div>
        <div className="field field--inline api-ref__token-filter">
          <input id={`${id}-tokens`} type="checkbox" checked={tokensOnly} aria-describedby={`${id}-tokens-hint`} onChange={(event) => setTokensOnly(event.target.checked)} />
          <label className="field__label" htmlFor={`${id}-tokens`}>
            Open to API tokens
          </label>
          <span id={`${id}-tokens-hint`} className="admin-sub field__hint">
            Only what an API token can call, each with the scope it needs.
          </span>
        </div>
      </form>

      <p className="admin-sub" role="status">
        {filtering ? `${shown.length} of ${reference.operations.length} operations match.` : `${reference.operations.length} operations.`}
      </p>
      {groups.length === 0 ? <p className="empty">No operation matches. Try fewer words, or part of a path such as /api/payments.</p> : null}

      {groups.map((group, index) => (
        <section key={group.tag.name} className="api-ref__group" aria-labelledby={`${id}-tag-${index}`}>
          <h2 id={`${id}-tag-${index}`} className="api-ref__group-title">
            {group.tag.name}
          </h2>
          {group.tag.description ? (
            <p className="api-ref__group-description">
              <InlineText text={group.tag.description} />
            </p>
          ) : null}
          <ul className="api-ref__operations">
            {group.operations.map((operation) => (
              <OperationRow key={operation.key} operation={operation} reference={reference} open={open.has(operation.key)} onToggle={() => toggle(operation.key)} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** The API's contract as people read it: every operation by tag, who may call it, and what goes in and comes out. */
export function ApiReferencePage() {
  const api = useApi();
  // The document changes only when the server is deployed again.
  const load = useQuery({ queryKey: API_REFERENCE_KEY, queryFn: ({ signal }) => getApiReference(api, signal), staleTime: Infinity });

  return (
    <div className="page api-ref">
      <header className="page__header api-ref__header">
        <div>
          <h1 className="page__title">API reference</h1>
          <p className="page__lead">
            Every route of Recoup’s API as the running server describes it: who may call it, the scope an API token needs, and what goes in and
            comes out.
          </p>
        </div>
        <a className="button button--small" href={OPENAPI_PATH} download="recoup-openapi.json">
          Download the OpenAPI document (JSON)
        </a>
      </header>

      {load.isPending ? <Loading what="Loading the API reference…" /> : null}
      {load.isError ? <LoadFailed message={describeFailure(load.error, 'Could not read the API reference.').message} onRetry={() => void load.refetch()} /> : null}
      {load.isSuccess ? (
        <>
          <Introduction reference={load.data} />
          <Operations reference={load.data} />
        </>
      ) : null}
    </div>
  );
}
