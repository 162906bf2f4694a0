import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PaymentModelLearner, PaymentModelView, StartModelTrainingRequest, TrainingRunStatus } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { pollUntil } from '../cash/poll-until.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';
import { modelLabel, PaymentModelCard } from './payment-model-card.tsx';
import { outcomeText } from './payment-model-words.ts';
import { activatePaymentModel, getTrainingRun, listPaymentModels, pinPaymentModel, startTrainingRun } from './payment-models.api.ts';
import { ReasonDialog } from './reason-dialog.tsx';
import './admin-area.css';
import './payment-models.css';

const MODELS_KEY = ['payment-models'] as const;
const runKey = (workflowId: string | null) => ['payment-model-run', workflowId] as const;

/** How often a training run in progress is asked how it stands. */
export const RUN_POLL_MS = 2_000;

/** The data a run may learn from: the choices of the form, by the value of its select. */
const WINDOWS: readonly { value: string; label: string; windowDays: number | null | undefined }[] = [
  { value: 'default', label: 'The last two years (the nightly default)', windowDays: undefined },
  { value: '365', label: 'The last year', windowDays: 365 },
  { value: '1825', label: 'The last five years', windowDays: 1825 },
  { value: 'all', label: 'Every paid invoice on record', windowDays: null },
];

const LEARNERS: readonly { value: PaymentModelLearner; label: string }[] = [
  { value: 'gradient-boosted-trees', label: 'Gradient-boosted trees (the nightly default)' },
  { value: 'random-forest', label: 'Random forest' },
];

const requestFor = (span: string, learner: PaymentModelLearner): StartModelTrainingRequest => {
  const windowDays = WINDOWS.find((w) => w.value === span)?.windowDays;
  return { ...(windowDays === undefined ? {} : { windowDays }), learner };
};

/** Where a training run stands, as the page says it. */
function RunProgress({ run, failure }: { run: TrainingRunStatus | undefined; failure: string | null }) {
  if (!run || run.status === 'running') {
    return (
      <div className="payment-models__run">
        <div className="payment-models__progress" role="progressbar" aria-label="Training a payment model" aria-valuetext="Training">
          <div className="payment-models__progress-fill" />
        </div>
        <p role="status">
          Training… It reads the paid invoices, fits the models and compares the new one with the active one on invoices neither has seen paid. With many
          invoices this takes minutes; you can leave the page, it goes on.
        </p>
        {failure ? <p className="notice notice--warning">{failure} Trying again.</p> : null}
      </div>
    );
  }
  if (run.status === 'failed') {
    return (
      <p className="notice notice--warning payment-models__run" role="status">
        {run.message}
      </p>
    );
  }
  return (
    <p className={`notice payment-models__run${run.result.status === 'skipped' ? ' notice--warning' : ''}`} role="status">
      {outcomeText(run.result)}
    </p>
  );
}

/** The payment prediction models: which one is used, how well each did, training one now, pinning and rolling back. */
export function PaymentModelsPage({ user }: { user: User }) {
  const api = useApi();
  const queries = useQueryClient();
  const id = useId();
  const [span, setSpan] = useState('default');
  const [learner, setLearner] = useState<PaymentModelLearner>('gradient-boosted-trees');
  const [runId, setRunId] = useState<string | null>(null);
  const [activating, setActivating] = useState<PaymentModelView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useQuery({ queryKey: MODELS_KEY, queryFn: ({ signal }) => listPaymentModels(api, signal) });
  const run = useQuery({
    queryKey: runKey(runId),
    queryFn: ({ signal }) => getTrainingRun(api, runId ?? '', signal),
    enabled: runId !== null,
    refetchInterval: pollUntil((status: TrainingRunStatus) => status.status !== 'running', RUN_POLL_MS),
  });
  const refreshModels = () => queries.invalidateQueries({ queryKey: MODELS_KEY });

  // A run that has ended may have stored a model, and changed which one is active: the list is read again, once.
  const ended = run.data && run.data.status !== 'running' ? run.data.workflowId : null;
  useEffect(() => {
    if (ended !== null) void queries.invalidateQueries({ queryKey: MODELS_KEY });
  }, [ended, queries]);

  const start = useMutation({
    mutationFn: (body: StartModelTrainingRequest) => startTrainingRun(api, body),
    onSuccess: ({ workflowId }) => setRunId(workflowId),
  });
  const pin = useMutation({
    mutationFn: ({ model, pinned }: { model: PaymentModelView; pinned: boolean }) => pinPaymentModel(api, model.id, pinned),
    onSuccess: (_model, { model, pinned }) => {
      setNotice(
        pinned
          ? `Pinned the ${modelLabel(model)}: it is the active model, and nightly training leaves it in place until it is unpinned.`
          : `Unpinned the ${modelLabel(model)}: it stays active until training produces a better one.`,
      );
      return refreshModels();
    },
  });
  const activate = useMutation({
    mutationFn: ({ model, reason }: { model: PaymentModelView; reason: string }) => activatePaymentModel(api, model.id, reason),
    onSuccess: (_model, { model }) => {
      setActivating(null);
      setNotice(`The ${modelLabel(model)} is now the active model. The audit log has the reason.`);
      return refreshModels();
    },
  });

  const running = runId !== null && (run.data === undefined || run.data.status === 'running') && !run.isError;
  const changing = pin.isPending || activate.isPending;

  function train(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    start.mutate(requestFor(span, learner));
  }

  const activateFailure = activate.isError ? describeFailure(activate.error, 'The model could not be made active.') : null;
  const models = load.data ?? [];
  return (
    <div className="page payment-models">
      <header className="page__header">
        <h1 className="page__title">Payment models</h1>
        <p className="page__lead">
          The models that predict whether each open invoice will be paid late, and on which day. A new model is trained every night at 02:00 UTC and
          replaces the active one only when it predicts better on invoices neither has seen paid. Pin a model to keep it, or make an older one active to
          roll back; each change is audited under your name, {user.name}.
        </p>
      </header>

      <form className="card payment-models__train" aria-label="Train a model now" onSubmit={train}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-window`}>
            Learn from
          </label>
          <select id={`${id}-window`} className="field__input" value={span} disabled={running || start.isPending} onChange={(e) => setSpan(e.target.value)}>
            {WINDOWS.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-learner`}>
            Learner
          </label>
          <select
            id={`${id}-learner`}
            className="field__input"
            value={learner}
            disabled={running || start.isPending}
            onChange={(e) => setLearner(e.target.value as PaymentModelLearner)}
          >
            {LEARNERS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <div className="payment-models__train-actions">
          <button type="submit" className="button button--primary" disabled={running || start.isPending}>
            {start.isPending ? 'Starting…' : running ? 'Training…' : 'Train now'}
          </button>
        </div>
        {start.isError ? (
          <p className="form__error payment-models__train-wide" role="alert">
            {describeFailure(start.error, 'The training could not be started.').message}
          </p>
        ) : null}
        {runId !== null ? (
          <div className="payment-models__train-wide">
            <RunProgress run={run.data} failure={run.isError ? describeFailure(run.error, 'Could not read how the training stands.').message : null} />
          </div>
        ) : null}
      </form>

      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {pin.isError ? (
        <p className="notice notice--warning" role="alert">
          {describeFailure(pin.error, 'The pin was not changed.').message}
        </p>
      ) : null}

      {load.isPending ? <Loading what="Loading the payment models…" /> : null}
      {load.isError ? <LoadFailed message={describeFailure(load.error, 'Could not load the payment models.').message} onRetry={() => void load.refetch()} /> : null}
      {load.isSuccess && models.length === 0 ? (
        <div className="empty payment-models__empty">
          <p>No payment model has been trained yet.</p>
          <p>
            Models are trained every night at 02:00 UTC, and whenever an admin presses “Train now” above. They learn from paid invoices: until the
            ledger has enough of them, a run trains nothing and says why.
          </p>
        </div>
      ) : null}
      {models.length > 0 ? (
        <section className="payment-models__list" aria-label="Stored models">
          <p className="admin-sub">
            {models.length} stored model{models.length === 1 ? '' : 's'}, newest first. Predictions use the active one.
          </p>
          {models.map((model) => (
            <PaymentModelCard
              key={model.id}
              model={model}
              busy={changing}
              onPin={(pinned) => {
                setNotice(null);
                pin.mutate({ model, pinned });
              }}
              onActivate={() => {
                setNotice(null);
                activate.reset();
                setActivating(model);
              }}
            />
          ))}
        </section>
      ) : null}

      {activating ? (
        <ReasonDialog
          action={{
            title: 'Make this model active',
            explanation: `Predictions use the ${modelLabel(activating)} from now on, and the active model is retired (losing its pin, if it had one). Nightly training may replace it again unless you pin it. Say why; it goes to the audit log.`,
            confirmLabel: 'Make active',
          }}
          busy={activate.isPending}
          error={activateFailure && !activateFailure.fields.some((f) => f.path === 'reason') ? activateFailure.message : null}
          reasonError={activateFailure?.fields.find((f) => f.path === 'reason')?.reason ?? null}
          onConfirm={(reason) => activate.mutate({ model: activating, reason })}
          onCancel={() => setActivating(null)}
        />
      ) : null}
    </div>
  );
}
