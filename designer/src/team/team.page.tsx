import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { CollectorSettings } from './collector-settings.tsx';
import { ReassignPanel } from './reassign-panel.tsx';
import { getWorkload, QUEUE, WORKLOAD_KEY, type WorkOwner } from './team.api.ts';
import { WorkloadTable } from './workload-table.tsx';
import './team.css';

export function TeamPage({ user }: { user: User }) {
  const api = useApi();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [owner, setOwner] = useState<WorkOwner>(QUEUE);
  const load = useQuery({ queryKey: WORKLOAD_KEY, queryFn: ({ signal }) => getWorkload(api, signal) });
  // A failed reading again puts the error in place of the figures, as the first one does: none are shown stale.
  const workload = load.isSuccess ? load.data : null;
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

      {load.isPending ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading the team…
        </p>
      ) : null}
      {load.isError ? (
        <div className="form__error" role="alert">
          <p>{describeFailure(load.error, 'Could not load the team.').message}</p>
          <button type="button" className="button button--small" onClick={() => void load.refetch()}>
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
            <ReassignPanel collectors={workload.collectors} owner={owner} onOwnerChange={setOwner} />
            {selected ? (
              <CollectorSettings key={selected.id} collector={selected} />
            ) : (
              <p className="card team__hint">Choose a collector in the table to change their capacity, skills and pools.</p>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
