import { useEffect, useState } from 'react';
import { formatMoney } from '@recoup/domain';
import type { WorkflowAction, WorkflowInspection, WorkflowTimeline as Timeline } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { Link } from '../routing/link.tsx';
import { ReasonDialog } from './reason-dialog.tsx';
import { WorkflowTimeline } from './workflow-timeline.tsx';
import { formatTime, STATUS_LABELS } from './workflow-status.ts';
import { actOnWorkflow, getTimeline, inspectWorkflow } from './workflows.api.ts';
import './admin-workflows.css';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

const ACTION_LABELS: Record<WorkflowAction, string> = { pause: 'Paused', resume: 'Resumed', terminate: 'Terminated' };

function balance(amountMinor: string, currency: string): string {
  try {
    return formatMoney({ amountMinor: BigInt(amountMinor), currency } as Parameters<typeof formatMoney>[0]);
  } catch {
    return `${amountMinor} ${currency} (minor units)`;
  }
}

/** One account's workflow: where it stands, what happened, and the admin's pause, resume and terminate. */
export function WorkflowInspectorPage({ accountId, user: _user }: { accountId: string; user: User }) {
  const api = useApi();
  const [inspection, setInspection] = useState<Loaded<WorkflowInspection>>({ status: 'loading' });
  const [timeline, setTimeline] = useState<Loaded<Timeline>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<WorkflowAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<{ message: string; reason: string | null } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const failed = (fallback: string) => (error: unknown) => ({ status: 'failed' as const, message: describeFailure(error, fallback).message });
    // Both settle into state: failures become the 'failed' state, so nothing is left to reject.
    void inspectWorkflow(api, accountId, controller.signal)
      .then((value) => ({ status: 'ready' as const, value }), failed('Could not load the workflow.'))
      .then((next) => !controller.signal.aborted && setInspection(next));
    void getTimeline(api, accountId, controller.signal)
      .then((value) => ({ status: 'ready' as const, value }), failed('Could not load the timeline.'))
      .then((next) => !controller.signal.aborted && setTimeline(next));
    return () => controller.abort();
  }, [api, accountId, version]);

  async function confirm(action: WorkflowAction, reason: string) {
    setBusy(true);
    setDialogError(null);
    try {
      await actOnWorkflow(api, accountId, action, reason);
      setDialog(null);
      setDone(`${ACTION_LABELS[action]}. The audit log has the reason.`);
      setVersion((n) => n + 1);
    } catch (error) {
      const failure = describeFailure(error, `Could not ${action} the workflow.`);
      setDialogError({ message: failure.message, reason: failure.fields.find((f) => f.path === 'reason')?.reason ?? null });
    } finally {
      setBusy(false);
    }
  }

  function open(action: WorkflowAction) {
    setDone(null);
    setDialogError(null);
    setDialog(action);
  }

  if (inspection.status === 'loading') {
    return (
      <div className="page">
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading the workflow…
        </p>
      </div>
    );
  }
  if (inspection.status === 'failed') {
    return (
      <div className="page">
        <p className="notice notice--warning" role="alert">{inspection.message}</p>
        <Link to="/admin/workflows">Back to all workflows</Link>
      </div>
    );
  }

  const { account, workflow, state, stateError, temporalUiUrl, historyJsonPath, actions } = inspection.value;
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

      {timeline.status === 'loading' && (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading the timeline…
        </p>
      )}
      {timeline.status === 'failed' && workflow && <p className="notice notice--warning" role="alert">{timeline.message}</p>}
      {timeline.status === 'ready' && <WorkflowTimeline entries={timeline.value.entries} />}

      {dialog && (
        <ReasonDialog
          action={dialog}
          busy={busy}
          error={dialogError?.message ?? null}
          reasonError={dialogError?.reason ?? null}
          onConfirm={(reason) => void confirm(dialog, reason)}
          onCancel={() => setDialog(null)}
        />
      )}
    </div>
  );
}
