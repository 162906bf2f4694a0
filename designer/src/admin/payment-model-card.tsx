import type { PaymentModelView } from '@recoup/contracts';
import { PaymentModelImportanceChart } from './payment-model-importance.tsx';
import { comparisonText, learnerLabel, metricLines, trainedOnText } from './payment-model-words.ts';

export interface PaymentModelCardProps {
  model: PaymentModelView;
  /** A change to this or another model is under way: the buttons wait for it. */
  busy: boolean;
  onPin(pinned: boolean): void;
  onActivate(): void;
}

const when = (iso: string): string => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** The name a model goes by on the page: when it was trained. */
export const modelLabel = (model: PaymentModelView): string => `model trained ${when(model.createdAt)} UTC`;

const origin = (model: PaymentModelView): string =>
  model.trigger === 'schedule' ? 'Nightly training' : `Train now, by ${model.requestedByName ?? 'an admin who no longer exists'}`;

/** One stored model: whether it is used, what it learned from, how well it did, and the admin's buttons. */
export function PaymentModelCard({ model, busy, onPin, onActivate }: PaymentModelCardProps) {
  const label = modelLabel(model);
  const active = model.status === 'active';
  const comparison = model.comparison ? comparisonText(model.comparison) : null;
  return (
    <article className={`card payment-models__card${active ? ' payment-models__card--active' : ''}`} aria-label={label}>
      <header className="payment-models__head">
        <div>
          <h2 className="payment-models__title">Trained {when(model.createdAt)} UTC</h2>
          <p className="admin-sub">
            {origin(model)} · {learnerLabel(model.learner)}
          </p>
        </div>
        <div className="payment-models__badges">
          <span className={`badge ${active ? 'payment-models__badge--active' : 'payment-models__badge--inactive'}`}>{active ? 'Active' : 'Inactive'}</span>
          {model.pinned ? <span className="badge payment-models__badge--pinned">Pinned</span> : null}
        </div>
      </header>

      <p className="payment-models__reason">
        <strong>{active ? 'Why it is active: ' : 'Why it is not active: '}</strong>
        {model.reason}
        {active && model.activatedAt ? <span className="admin-sub"> (active since {when(model.activatedAt)} UTC)</span> : null}
      </p>

      <div className="payment-models__body">
        <div>
          <h3 className="payment-models__subtitle">What it learned from</h3>
          <p>
            Invoices issued from <time dateTime={model.dataFromDay}>{model.dataFromDay}</time> to <time dateTime={model.dataToDay}>{model.dataToDay}</time>.{' '}
            {trainedOnText(model)}
          </p>
          <h3 className="payment-models__subtitle">How well it predicted the invoices it had not seen</h3>
          {model.validation ? (
            <>
              <ul className="payment-models__metrics">
                {metricLines(model.validation).map((line) => (
                  <li key={line.key}>{line.text}</li>
                ))}
              </ul>
              <p className="admin-sub">Measured on {model.validation.invoices.toLocaleString('en')} invoices, each as of the day it was issued.</p>
            </>
          ) : (
            <p className="admin-sub">No validation figures were recorded for this model.</p>
          )}
          {comparison ? <p className="admin-sub">{comparison}</p> : null}
        </div>
        <div>
          <h3 className="payment-models__subtitle">What it leans on most</h3>
          <PaymentModelImportanceChart importance={model.importance} modelLabel={label} />
        </div>
      </div>

      <div className="payment-models__actions">
        {model.pinned ? (
          <button type="button" className="button button--small" disabled={busy} onClick={() => onPin(false)}>
            Unpin
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            title={active ? 'Keep nightly training from replacing this model' : 'Make this the active model and keep nightly training from replacing it'}
            onClick={() => onPin(true)}
          >
            Pin
          </button>
        )}
        {active ? null : (
          <button type="button" className="button button--small button--primary" disabled={busy} onClick={onActivate}>
            Make active
          </button>
        )}
      </div>
    </article>
  );
}
