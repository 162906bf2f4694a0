import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatMoney } from '@recoup/domain';
import type { WorkflowAction } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { Link } from '../routing/link.tsx';
import { ReasonDialog } from './reason-dialog.tsx';
import { WorkflowTimeline } from './workflow-timeline.tsx';
import { formatTime, STATUS_LABELS } from './workflow-status.ts';
import { actOnWorkflow, getTimeline, inspectWorkflow } from './workflows.api.ts';
import './admin-workflows.css';

const ACTION_LABELS: Record<WorkflowAction, string> = { pause: 'Paused', resume: 'Resumed', terminate: 'Terminated' };

/** Everything read about one account's workflow sits under this key, so an admin action refreshes all of it at once. */
const workflowKey = (accountId: string) => ['workflow', accountId] as const;

function balance(amountMinor: string, currency: string): string {
  try {
    return formatMoney({ amountMinor: BigInt(amountMinor), currency } as Parameters<typeof formatMoney>[0]);
  } catch {
    return `${amountMinor} ${currency} (minor units)`;
  }
}

/** The server's refusal of an action, with what it said about the reason when it named the reason. */
function refusal(error: unknown, action: WorkflowAction): { message: string; reason: string | null } {
  const failure = describeFailure(error, `Could not ${action} the workflow.`);
  return { message: failure.message, reason: failure.fields.find((f) => f.path === 'reason')?.reason ?? null };
}

/** One account's workflow: where it stands, what happened, and the admin's pause, resume and terminate. */
export function WorkflowInspectorPage({ accountId, user: _user }: { accountId: string; user: User }) {
  const api = useApi();
  const queries = useQueryClient();
  const [dialog, setDialog] = useState<WorkflowAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const inspection = useQuery({ queryKey: [...workflowKey(accountId), 'inspection'], queryFn: ({ signal }) => inspectWorkflow(api, accountId, signal) });
  const timeline = useQuery({ queryKey: [...workflowKey(accountId), 'timeline'], queryFn: ({ signal }) => getTimeline(api, accountId, signal) });
  const act = useMutation({
    mutationFn: ({ action, reason }: { action: WorkflowAction; reason: string }) => actOnWorkflow(api, accountId, action, reason),
    onSuccess: (_record, { action }) => {
      setDialog(null);
      setDone(`${ACTION_LABELS[action]}. The audit log has the reason.`);
      void queries.invalidateQueries({ queryKey: workflowKey(accountId) });
    },
  });
  const dialogError = act.isError ? refusal(act.error, act.variables.action) : null;

  function open(action: WorkflowAction) {
    setDone(null);
    // The dialog starts without the refusal of an earlier attempt.
    act.reset();
    setDialog(action);
  }

  if (inspection.isPending) {
    return (
      <div className="page">
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading the workflow…
        </p>
      </div>
    );
  }
  if (inspection.isError) {
    return (
      <div className="page">
        <p className="notice notice--warning" role="alert">{describeFailure(inspection.error, 'Could not load the workflow.').message}</p>
        <Link to="/admin/workflows">Back to all workflows</Link>
      </div>
    );
  }

  const { account, workflow, state, stateError, temporalUiUrl, historyJsonPath, actions } = inspection.data;
  const live = workflow?.status === 'running' || workflow?.status === 'paused';
  return (
    <div className="page inspector">
      <header className="page__header">
        <p>
          <Link to="/admin/workflows">All workflows</Link>
        </p>
        <h1 className="page__title">
          {account.name} <span className="inspector__ref">{account.externalRef}</span>
        </h1>
        {workflow ? (
          <p className="page__lead">
            <span className={`badge workflows__status workflows__status--${workflow.status}`}>{STATUS_LABELS[workflow.status]}</span> Workflow{' '}
            <code>{workflow.workflowId}</code>, started {formatTime(workflow.startedAt)}
            {workflow.closedAt ? `, closed ${formatTime(workflow.closedAt)}` : ''}.
          </p>
        ) : (
          <p className="page__lead">This account has no collection workflow: it never had open receivables, or Temporal no longer keeps it.</p>
        )}
      </header>

      {workflow && (
        <nav className="inspector__links" aria-label="Raw history">
          <a className="button button--small" href={historyJsonPath} download>Download raw history (JSON)</a>
          {temporalUiUrl && (
            <a className="button button--small" href={temporalUiUrl} target="_blank" rel="noreferrer">Open in Temporal Web UI</a>
          )}
        </nav>
      )}

      {done && <p className="notice" role="status">{done}</p>}

      {workflow && (
        <section className="card inspector__state" aria-label="Current state">
          <h2 className="card__title">Current state</h2>
          {state?.paused && (
            <p className="notice notice--warning">
              Paused since {formatTime(state.paused.since)}: {state.paused.reason}
            </p>
          )}
          {state ? (
            <dl className="inspector__facts">
              <div><dt>Node</dt><dd>{state.nodeLabel ?? state.nodeId}</dd></div>
              <div><dt>Next</dt><dd>{state.nextAction ? `${state.nextAction.description}${state.nextAction.at ? ` (${formatTime(state.nextAction.at)})` : ''}` : 'Nothing scheduled'}</dd></div>
              <div><dt>Balance</dt><dd>{balance(state.balance.amountMinor, state.balance.currency)}</dd></div>
              <div><dt>Strategy version</dt><dd><code>{state.strategyVersionId}</code></dd></div>
            </dl>
          ) : (
            <p>{stateError ?? (live ? 'The workflow has not reported its state yet.' : 'The workflow has ended; its history below tells what it did.')}</p>
          )}
          {live && (
            <div className="inspector__actions">
              {workflow.status === 'paused' ? (
                <button type="button" className="button button--primary" onClick={() => open('resume')}>Resume…</button>
              ) : (
                <button type="button" className="button" onClick={() => open('pause')}>Pause…</button>
              )}
              <button type="button" className="button button--danger" onClick={() => open('terminate')}>Terminate…</button>
            </div>
          )}
        </section>
      )}

      <section className="card" aria-label="Admin actions">
        <h2 className="card__title">Admin actions</h2>
        {actions.length === 0 ? (
          <p className="empty">No admin has paused, resumed or terminated this workflow.</p>
        ) : (
          <ul className="inspector__audit">
            {actions.map((a) => (
              <li key={`${a.at}-${a.action}`}>
                <strong>{ACTION_LABELS[a.action]}</strong>{' '}
                {formatTime(a.at)} by {a.actorName ?? a.actorId ?? 'the system'}: {a.reason}
              </li>
            ))}
          </ul>
        )}
      </section>

      {timeline.isPending && (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading the timeline…
        </p>
      )}
      {timeline.isError && workflow && (
        <p className="notice notice--warning" role="alert">{describeFailure(timeline.error, 'Could not load the timeline.').message}</p>
      )}
      {timeline.data && <WorkflowTimeline entries={timeline.data.entries} />}

      {dialog && (
        <ReasonDialog
          action={dialog}
          busy={act.isPending}
          error={dialogError?.message ?? null}
          reasonError={dialogError?.reason ?? null}
          onConfirm={(reason) => act.mutate({ action: dialog, reason })}
          onCancel={() => setDialog(null)}
        />
      )}
    </div>
  );
}
