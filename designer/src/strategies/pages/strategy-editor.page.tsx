import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useApi } from '../../api/api-context.ts';
import { ApiError } from '../../api/api-error.ts';
import type { User } from '../../api/auth.types.ts';
import { Link } from '../../routing/link.tsx';
import { useTemplates } from '../../templates/use-templates.ts';
import { getStrategy, strategyKey } from '../api/strategies.api.ts';
import { useFactsRegistry } from '../rules/use-facts-registry.ts';
import { StrategyEditor } from './strategy-editor.tsx';
import '../strategies.css';
import { errorMessage } from '@recoup/domain';

export function StrategyEditorPage({ strategyId, user }: { strategyId: string; user: User }) {
  const api = useApi();
  const load = useQuery({ queryKey: strategyKey(strategyId), queryFn: ({ signal }) => getStrategy(api, strategyId, signal) });
  // The editor works without these; rules and templates then show what they can.
  const facts = useFactsRegistry().data ?? null;
  const templates = useTemplates().data ?? null;

  // A strategy once loaded stays in the editor even if a later refetch fails: the draft being drawn is not lost.
  if (load.data) {
    return (
      <ReactFlowProvider>
        <StrategyEditor key={load.data.id} strategy={load.data} facts={facts} templates={templates} readOnly={user.role === 'collector'} />
      </ReactFlowProvider>
    );
  }
  if (load.isError) {
    return (
      <div className="page">
        <p role="alert">{load.error instanceof ApiError && load.error.status === 404 ? 'There is no strategy at this address.' : errorMessage(load.error)}</p>
        <Link to="/strategies">Back to the strategies</Link>
      </div>
    );
  }
  return (
    <div className="splash" role="status">
      <span className="spinner" aria-hidden="true" /> Loading the strategy…
    </div>
  );
}
