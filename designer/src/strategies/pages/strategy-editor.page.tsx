import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { StrategyView } from '@recoup/contracts';
import { useApi } from '../../api/api-context.ts';
import { ApiError } from '../../api/api-error.ts';
import type { User } from '../../api/auth.types.ts';
import { Link } from '../../routing/link.tsx';
import { getFacts, getStrategy, listTemplateChoices, type FactsResponse } from '../api/strategies.api.ts';
import type { TemplateChoice } from '../registry/node-spec.ts';
import { StrategyEditor } from './strategy-editor.tsx';
import '../strategies.css';
import { errorMessage } from '@recoup/domain';

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; strategy: StrategyView };

export function StrategyEditorPage({ strategyId, user }: { strategyId: string; user: User }) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [facts, setFacts] = useState<FactsResponse | null>(null);
  const [templates, setTemplates] = useState<TemplateChoice[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    getStrategy(api, strategyId, controller.signal).then(
      (strategy) => setLoaded({ status: 'ready', strategy }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message =
          error instanceof ApiError && error.status === 404 ? 'There is no strategy at this address.' : errorMessage(error);
        setLoaded({ status: 'failed', message });
      },
    );
    // The editor works without these; rules and templates then show what they can.
    getFacts(api, controller.signal).then(setFacts, () => undefined);
    listTemplateChoices(api, controller.signal).then(setTemplates, () => undefined);
    return () => controller.abort();
  }, [api, strategyId]);

  switch (loaded.status) {
    case 'loading':
      return (
        <div className="splash" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the strategy…
        </div>
      );
    case 'failed':
      return (
        <div className="page">
          <p role="alert">{loaded.message}</p>
          <Link to="/strategies">Back to the strategies</Link>
        </div>
      );
    case 'ready':
      return (
        <ReactFlowProvider>
          <StrategyEditor
            key={loaded.strategy.id}
            strategy={loaded.strategy}
            facts={facts}
            templates={templates}
            readOnly={user.role === 'collector'}
            onSaved={(strategy) => setLoaded({ status: 'ready', strategy: { ...loaded.strategy, ...strategy } })}
          />
        </ReactFlowProvider>
      );
  }
}
