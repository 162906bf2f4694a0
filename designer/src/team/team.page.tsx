import { useEffect, useState } from 'react';
import type { TeamWorkload } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { CollectorSettings } from './collector-settings.tsx';
import { ReassignPanel } from './reassign-panel.tsx';
import { getWorkload, QUEUE, type WorkOwner } from './team.api.ts';
import { WorkloadTable } from './workload-table.tsx';
import './team.css';

type Load = { status: 'loading' } | { status: 'ready'; workload: TeamWorkload } | { status: 'failed'; message: string };

export function TeamPage({ user }: { user: User }) {
  const api = useApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [owner, setOwner] = useState<WorkOwner>(QUEUE);

  useEffect(() => {
    const controller = new AbortController();
    getWorkload(api, controller.signal).then(
      (workload) => {
        if (!controller.signal.aborted) setLoad({ status: 'ready', workload });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'failed', message: describeFailure(error, 'Could not load the team.').message });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const refresh = () => setAttempt((n) => n + 1);
  const workload = load.status === 'ready' ? load.workload : null;
  const selected = workload?.collectors.find((c) => c.id === selectedId) ?? null;

  function select(collectorId: string) {
    setSelectedId(collectorId);
    setOwner(collectorId);
  }

  return (
    <div className="page team">
      <header className="page__header">
        <h1 className="page__title">Team</h1>
        <p className="page__lead">
          {user.role === 'admin'
            ? 'Every collector’s workload, and the unassigned queue. Reassign work and set capacity, skills and pools.'
            : 'Your collectors’ workload and the unassigned queue. Hand out work, rebalance it, and set capacity, skills and pools.'}
        </p>
      </header>

      {load.status === 'loading' ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading the team…
        </p>
      ) : null}
      {load.status === 'failed' ? (
        <div className="form__error" role="alert">
          <p>{load.message}</p>
          <button type="button" className="button button--small" onClick={refresh}>
            Try again
          </button>
        </div>
      ) : null}

      {workload ? (
        <>
          <div className="card">
            {workload.collectors.length === 0 ? (
              <p className="empty">No collectors are on your team yet. An admin puts collectors on a manager’s team under Users.</p>
            ) : null}
            <WorkloadTable workload={workload} selectedId={selectedId} onSelect={select} />
          </div>
          <div className="team__layout">
            <ReassignPanel collectors={workload.collectors} owner={owner} onOwnerChange={setOwner} onReassigned={refresh} />
            {selected ? (
              <CollectorSettings key={selected.id} collector={selected} onSaved={refresh} />
            ) : (
              <p className="card team__hint">Choose a collector in the table to change their capacity, skills and pools.</p>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
