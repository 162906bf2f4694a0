import { useId } from 'react';
import type { KpiOptions } from '@recoup/contracts';
import type { DashboardFilters as Filters } from './dashboards.api.ts';

interface Props {
  filters: Filters;
  options: KpiOptions | null;
  /** The currency the server chose when the form leaves it open. */
  currency: string;
  onChange(next: Filters): void;
}

/** Period, currency, segment, strategy version and arm. Every change reloads the figures. */
export function DashboardFilters({ filters, options, currency, onChange }: Props) {
  const id = useId();
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => onChange({ ...filters, [key]: event.target.value });
  return (
    <form className="kpi-filters card" aria-label="Dashboard filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-from`}>
          From
        </label>
        <input id={`${id}-from`} className="field__input" type="date" value={filters.from} onChange={set('from')} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-to`}>
          To
        </label>
        <input id={`${id}-to`} className="field__input" type="date" value={filters.to} onChange={set('to')} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-currency`}>
          Currency
        </label>
        <select id={`${id}-currency`} className="field__input" value={filters.currency} onChange={set('currency')}>
          <option value="">Main currency{currency ? ` (${currency})` : ''}</option>
          {options?.currencies.map((c) => (
            <option key={c.currency} value={c.currency}>
              {c.currency} ({c.invoiceCount} invoices)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-segment`}>
          Segment
        </label>
        <select id={`${id}-segment`} className="field__input" value={filters.segment} onChange={set('segment')}>
          <option value="">All segments</option>
          {options?.segments.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-version`}>
          Strategy version
        </label>
        <select id={`${id}-version`} className="field__input" value={filters.strategyVersionId} onChange={set('strategyVersionId')}>
          <option value="">All versions</option>
          {options?.strategyVersions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.strategyName} v{v.version}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-arm`}>
          Arm
        </label>
        <select id={`${id}-arm`} className="field__input" value={filters.arm} onChange={set('arm')}>
          <option value="">Champion and challengers</option>
          {options?.arms.map((arm) => (
            <option key={arm} value={arm}>
              {arm}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
