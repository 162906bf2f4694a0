import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { StrategyGraphInput } from '@recoup/domain';
import type { AccountSummary, SimulationResponse, SimulationSample, StrategyVersionSummary } from '@recoup/contracts';
import type { ApiClient } from '../../api/api-client.ts';
import { useApi } from '../../api/api-context.ts';
import { ApiError } from '../../api/api-error.ts';
import { runSimulation } from '../api/strategies.api.ts';
import { IntegerField, SelectField, TextField } from '../settings/fields.tsx';
import { TimelineChart } from './timeline-chart.tsx';
import { errorMessage } from '@recoup/domain';

interface SimulationPanelProps {
  graph: StrategyGraphInput;
  draftValid: boolean;
  versions: readonly StrategyVersionSummary[];
  /** Highlights on the canvas the nodes one account went through, with the day it entered each. */
  onPath(path: ReadonlyMap<string, readonly number[]> | null): void;
  readOnly: boolean;
}

type Source = 'portfolio' | 'accounts';

const SCENARIO_FIELDS = [
  { key: 'payOnTime', label: 'Pay on the due date', fallback: 20 },
  { key: 'payAfterReminder', label: 'Pay 3 days after a reminder', fallback: 15 },
  { key: 'promiseAfterReminder', label: 'Promise after a reminder', fallback: 10 },
  { key: 'keepPromise', label: 'Keep a promise', fallback: 60 },
  { key: 'disputeShare', label: 'Dispute', fallback: 2 },
] as const;
type ScenarioKey = (typeof SCENARIO_FIELDS)[number]['key'];

/** What the form asks for, as the form holds it: a field left empty falls back to its default. */
interface SimulationChoice {
  graph: StrategyGraphInput;
  strategy: string;
  source: Source;
  size: number | undefined;
  seed: number | undefined;
  search: string;
  limit: number | undefined;
  days: number | undefined;
  scenario: Record<ScenarioKey, number | undefined>;
}

/** Runs the simulation the form asks for; on real accounts, first finds the accounts the search names. */
async function simulate(api: ApiClient, choice: SimulationChoice): Promise<SimulationResponse> {
  const { graph, strategy, source, size, seed, search, limit, days, scenario } = choice;
  const body: Record<string, unknown> = {
    ...(strategy === 'draft' ? { graph } : { strategyVersionId: strategy }),
    days: days ?? 90,
    seed: seed ?? 1,
    scenario: Object.fromEntries(SCENARIO_FIELDS.map((field) => [field.key, (scenario[field.key] ?? 0) / 100])),
  };
  if (source === 'portfolio') body.portfolio = { size: size ?? 500, seed: seed ?? 1 };
  else {
    const query = new URLSearchParams({ limit: String(limit ?? 50), ...(search.trim() ? { q: search.trim() } : {}) });
    const page = await api.get<{ items: AccountSummary[] }>(`/api/accounts?${query.toString()}`);
    if (page.items.length === 0) throw new Error(`No account matches “${search}”.`);
    body.accountIds = page.items.map((account) => account.id);
  }
  return runSimulation(api, body);
}

export function pathOf(sample: SimulationSample): Map<string, number[]> {
  const path = new Map<string, number[]>();
  for (const step of sample.path) path.set(step.nodeId, [...(path.get(step.nodeId) ?? []), step.day]);
  return path;
}

export function SimulationPanel({ graph, draftValid, versions, onPath, readOnly }: SimulationPanelProps) {
  const api = useApi();
  const [strategy, setStrategy] = useState<string>('draft');
  const [source, setSource] = useState<Source>('portfolio');
  const [size, setSize] = useState<number | undefined>(500);
  const [seed, setSeed] = useState<number | undefined>(1);
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState<number | undefined>(50);
  const [days, setDays] = useState<number | undefined>(90);
  const [scenario, setScenario] = useState<Record<ScenarioKey, number | undefined>>(
    () => Object.fromEntries(SCENARIO_FIELDS.map((field) => [field.key, field.fallback])) as Record<ScenarioKey, number>,
  );
  const [shownSample, setShownSample] = useState<string | null>(null);
  // The last result stays on screen while the next run is on its way, and when it fails; the mutation's own
  // data would be cleared as each run starts.
  const [result, setResult] = useState<SimulationResponse | null>(null);
  const simulation = useMutation({ mutationFn: (choice: SimulationChoice) => simulate(api, choice), onSuccess: setResult });
  const error = simulation.isError ? describe(simulation.error) : null;

  if (readOnly) return <p className="settings__note">Simulations are run by managers and admins.</p>;

  function run(event: FormEvent) {
    event.preventDefault();
    onPath(null);
    setShownSample(null);
    simulation.mutate({ graph, strategy, source, size, seed, search, limit, days, scenario });
  }

  function showPath(sample: SimulationSample) {
    if (shownSample === sample.accountId) {
      setShownSample(null);
      onPath(null);
      return;
    }
    setShownSample(sample.accountId);
    onPath(pathOf(sample));
  }

  return (
    <div className="simulation">
      <form onSubmit={run} className="simulation__form" aria-label="Simulation">
        <SelectField
          label="Strategy"
          value={strategy}
          onChange={setStrategy}
          options={[{ value: 'draft', label: 'This draft' }, ...versions.map((v) => ({ value: v.id, label: `Published v${v.version}` }))]}
          hint={strategy === 'draft' && !draftValid ? 'The draft has problems; fix them or pick a published version.' : undefined}
        />
        <SelectField<Source>
          label="Accounts"
          value={source}
          onChange={setSource}
          options={[
            { value: 'portfolio', label: 'A generated portfolio' },
            { value: 'accounts', label: 'Real accounts, with their balances' },
          ]}
        />
        {source === 'portfolio' ? (
          <div className="settings__row">
            <IntegerField label="Accounts to generate" min={1} max={20000} value={size} onChange={setSize} />
            <IntegerField label="Seed" hint="Same seed, same accounts and draws." value={seed} onChange={setSeed} />
          </div>
        ) : (
          <div className="settings__row">
            <TextField label="Name or reference contains" value={search} onChange={setSearch} placeholder="any account" />
            <IntegerField label="At most" min={1} max={500} value={limit} onChange={setLimit} />
          </div>
        )}
        <IntegerField label="Days to simulate" min={1} max={730} value={days} onChange={setDays} />
        <fieldset className="field field--group">
          <legend className="field__label">Debtor behaviour (% chance)</legend>
          <div className="simulation__scenario">
            {SCENARIO_FIELDS.map((field) => (
              <IntegerField
                key={field.key}
                label={field.label}
                min={0}
                max={100}
                value={scenario[field.key]}
                onChange={(value) => setScenario((current) => ({ ...current, [field.key]: value }))}
              />
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button--primary" disabled={simulation.isPending || (strategy === 'draft' && !draftValid)}>
          {simulation.isPending ? 'Simulating…' : 'Run simulation'}
        </button>
      </form>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      {result ? (
        <section className="simulation__result" aria-label="Simulation result">
          <h3 className="settings__title">
            {result.accounts} accounts over {result.days} days
          </h3>
          <dl className="simulation__totals">
            <div>
              <dt>Reminders</dt>
              <dd>{result.totals.reminders}</dd>
            </div>
            <div>
              <dt>Tasks</dt>
              <dd>{result.totals.tasks}</dd>
            </div>
            <div>
              <dt>Escalations</dt>
              <dd>{result.totals.escalations}</dd>
            </div>
            <div>
              <dt>Settled</dt>
              <dd>{result.totals.settlements}</dd>
            </div>
          </dl>
          <TimelineChart days={result.perDay} />
          <h4>Outcomes</h4>
          <ul className="simulation__outcomes">
            {Object.entries(result.outcomes).map(([outcome, count]) => (
              <li key={outcome}>
                {outcome}: {count}
              </li>
            ))}
          </ul>
          <h4>Sample accounts: show the path one took</h4>
          <ul className="simulation__samples">
            {result.samples.map((sample) => (
              <li key={sample.accountId}>
                <button type="button" className={`button button--small ${shownSample === sample.accountId ? 'button--active' : ''}`} aria-pressed={shownSample === sample.accountId} onClick={() => showPath(sample)}>
                  {sample.accountId.slice(0, 12)} → {sample.outcome ?? 'still running'} ({sample.path.length} steps)
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function describe(failure: unknown): string {
  if (failure instanceof ApiError) {
    const fields = (failure.details as { fields?: { path: string; reason: string }[] } | undefined)?.fields;
    if (Array.isArray(fields) && fields.length > 0) return `${failure.message} ${fields.map((f) => `${f.path}: ${f.reason}`).join('; ')}`;
    return failure.message;
  }
  return errorMessage(failure);
}
