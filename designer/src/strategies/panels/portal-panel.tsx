import { useId, useState } from 'react';
import { CURRENCY_CODES, DEFAULT_PORTAL_POLICY, type PortalPolicyInput } from '@recoup/domain';
import {
  majorText,
  policyDraft,
  readMajorAmount,
  withPolicyChange,
  type MinInstallmentRow,
  type PolicyDraft,
  type PolicySection,
} from '../model/portal-policy.ts';
import { CheckboxField, IntegerField } from '../settings/fields.tsx';
import { ProblemList } from './problem-list.tsx';

// The debtor-portal policy of the strategy: what a debtor on it may arrange alone in the portal. A promise outside
// these bounds is refused; a plan request outside them is not refused but becomes a review task for a collector.

interface PortalPanelProps {
  /** The document's policy; absent means the defaults. */
  portal: PortalPolicyInput | undefined;
  readOnly: boolean;
  /** Says whose policy is shown when it is not the draft's (a compared version). */
  note?: string | null;
  /** What the validator says is wrong with the policy. */
  problems: readonly string[];
  /** A new policy, or undefined to go back to the defaults; `field` names what changed, for undo steps. */
  onChange(portal: PortalPolicyInput | undefined, field: string): void;
}

/** The currencies offered first when a minimum is added: the ones most portfolios are in. */
const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'];

const asNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

export function PortalPanel({ portal, readOnly, note, problems, onChange }: PortalPanelProps) {
  const draft = policyDraft(portal);
  const change = <S extends PolicySection>(section: S, field: keyof PolicyDraft[S] & string, value: unknown) =>
    onChange(withPolicyChange(portal, section, { [field]: value } as PolicyDraft[S]), `${section}.${field}`);
  const rows = Array.isArray(draft.plan.minInstallment) ? draft.plan.minInstallment : [];
  const setRows = (next: MinInstallmentRow[]) => change('plan', 'minInstallment', next);

  return (
    <div className="settings portal" aria-label="Debtor portal policy">
      <h2 className="settings__title">Debtor portal</h2>
      <p className="settings__note">
        What a debtor on this strategy may arrange alone in the portal. A promise outside these bounds is refused; a payment plan outside them is
        not refused but goes to a collector as a review task.
      </p>
      {note ? <p className="settings__note">{note}</p> : null}
      <div className="portal__defaults">
        {portal === undefined ? (
          <span className="settings__note">This strategy uses the default policy.</span>
        ) : (
          <>
            <span className="settings__note">This strategy sets its own policy.</span>
            {!readOnly ? (
              <button type="button" className="button button--small" onClick={() => onChange(undefined, 'reset')}>
                Use the defaults
              </button>
            ) : null}
          </>
        )}
      </div>
      <ProblemList problems={problems} />

      <section className="portal__section" aria-label="Promises to pay">
        <h3 className="portal__heading">Promises to pay</h3>
        <CheckboxField
          label="Debtors may promise to pay in the portal"
          hint="When off, the portal offers no promise to pay."
          readOnly={readOnly}
          checked={draft.promise.enabled === true}
          onChange={(next) => change('promise', 'enabled', next)}
        />
        <IntegerField
          label="Latest promised date (days from today)"
          hint="Promises later than this are refused; the debtor is told the latest date."
          readOnly={readOnly}
          min={1}
          max={90}
          placeholder={`${DEFAULT_PORTAL_POLICY.promise.maxDaysAhead} (default)`}
          value={asNumber(draft.promise.maxDaysAhead)}
          onChange={(next) => change('promise', 'maxDaysAhead', next)}
        />
        <IntegerField
          label="Smallest promise (% of the balance due)"
          hint="A promise for less than this share of what the debtor owes now is refused; 100 means the whole balance."
          readOnly={readOnly}
          min={1}
          max={100}
          placeholder={`${DEFAULT_PORTAL_POLICY.promise.minPercent} (default)`}
          value={asNumber(draft.promise.minPercent)}
          onChange={(next) => change('promise', 'minPercent', next)}
        />
      </section>

      <section className="portal__section" aria-label="Payment plans">
        <h3 className="portal__heading">Payment plans</h3>
        <CheckboxField
          label="Debtors may ask for a payment plan in the portal"
          hint="When off, the portal offers no payment plan."
          readOnly={readOnly}
          checked={draft.plan.enabled === true}
          onChange={(next) => change('plan', 'enabled', next)}
        />
        <IntegerField
          label="Most installments"
          hint="A plan with more installments than this goes to a collector to review instead of starting at once."
          readOnly={readOnly}
          min={2}
          max={24}
          placeholder={`${DEFAULT_PORTAL_POLICY.plan.maxInstallments} (default)`}
          value={asNumber(draft.plan.maxInstallments)}
          onChange={(next) => change('plan', 'maxInstallments', next)}
        />
        <IntegerField
          label="Longest time between installments (days)"
          hint="A plan with installments further apart than this goes to a collector to review."
          readOnly={readOnly}
          min={7}
          max={62}
          placeholder={`${DEFAULT_PORTAL_POLICY.plan.maxIntervalDays} (default)`}
          value={asNumber(draft.plan.maxIntervalDays)}
          onChange={(next) => change('plan', 'maxIntervalDays', next)}
        />
        <IntegerField
          label="Latest first installment (days from today)"
          hint="A plan whose first installment is due later than this goes to a collector to review; 0 means it must start today."
          readOnly={readOnly}
          min={0}
          max={60}
          placeholder={`${DEFAULT_PORTAL_POLICY.plan.maxFirstDueDays} (default)`}
          value={asNumber(draft.plan.maxFirstDueDays)}
          onChange={(next) => change('plan', 'maxFirstDueDays', next)}
        />
        <MinimumInstallments rows={rows} readOnly={readOnly} onChange={setRows} />
      </section>

      <section className="portal__section" aria-label="Disputes">
        <h3 className="portal__heading">Disputes</h3>
        <CheckboxField
          label="Debtors may dispute invoices in the portal"
          hint="When off, the portal does not offer to dispute an invoice."
          readOnly={readOnly}
          checked={draft.disputes.enabled === true}
          onChange={(next) => change('disputes', 'enabled', next)}
        />
      </section>
    </div>
  );
}

function MinimumInstallments({ rows, readOnly, onChange }: { rows: readonly MinInstallmentRow[]; readOnly: boolean; onChange(next: MinInstallmentRow[]): void }) {
  return (
    <fieldset className="field field--group portal__minimums">
      <legend className="field__label">Smallest installment</legend>
      <span className="field__hint">
        A plan whose installments would be smaller than this goes to a collector to review. Type the amount in the currency (50.00 for
        fifty euros); an account in a currency not listed has no minimum.
      </span>
      {rows.length === 0 ? <p className="settings__note">No minimum in any currency.</p> : null}
      {rows.map((row, index) => (
        <MinimumRow
          key={`${index}-${row.currency}`}
          row={row}
          readOnly={readOnly}
          onAmount={(amountMinor) => onChange(rows.map((r, i) => (i === index ? { ...r, amountMinor } : r)))}
          onRemove={() => onChange(rows.filter((_, i) => i !== index))}
        />
      ))}
      {!readOnly ? <AddMinimum rows={rows} onAdd={(row) => onChange([...rows, row])} /> : null}
    </fieldset>
  );
}

/** One currency's minimum. The typed text is kept while it is being typed; the document holds minor units. */
function MinimumRow({ row, readOnly, onAmount, onRemove }: { row: MinInstallmentRow; readOnly: boolean; onAmount(minor: string): void; onRemove(): void }) {
  const id = useId();
  // What was typed, and the stored amount it belongs to: when the document's amount changes otherwise (undo), the
  // stored amount is shown again.
  const [typed, setTyped] = useState<{ text: string; error: string | null; base: string } | null>(null);
  const current = typed && typed.base === row.amountMinor ? typed : null;
  const label = `Smallest installment in ${row.currency}`;
  return (
    <>
      <div className="field__row portal__money">
        <label className="portal__currency" htmlFor={id}>
          {row.currency}
        </label>
        <input
          id={id}
          className="field__input"
          inputMode="decimal"
          aria-label={label}
          aria-invalid={current?.error ? true : undefined}
          aria-describedby={current?.error ? `${id}-error` : undefined}
          value={current ? current.text : majorText(row)}
          readOnly={readOnly}
          onChange={(event) => {
            const text = event.target.value;
            const read = readMajorAmount(text, row.currency, label);
            if ('minor' in read) {
              setTyped({ text, error: null, base: read.minor });
              if (read.minor !== row.amountMinor) onAmount(read.minor);
            } else {
              setTyped({ text, error: read.error, base: row.amountMinor });
            }
          }}
        />
        {!readOnly ? (
          <button type="button" className="button button--small button--ghost" aria-label={`Remove the minimum in ${row.currency}`} onClick={onRemove}>
            ✕
          </button>
        ) : null}
      </div>
      {current?.error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {current.error} The saved minimum stays {majorText(row)} {row.currency}.
        </p>
      ) : null}
    </>
  );
}

/** Adds a currency's minimum; a currency already listed is refused, since each currency has one minimum. */
function AddMinimum({ rows, onAdd }: { rows: readonly MinInstallmentRow[]; onAdd(row: MinInstallmentRow): void }) {
  const used = new Set(rows.map((row) => row.currency));
  const firstFree = [...COMMON_CURRENCIES, ...CURRENCY_CODES].find((code) => !used.has(code)) ?? 'EUR';
  const [currency, setCurrency] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = currency ?? firstFree;

  function add() {
    const existing = rows.find((row) => row.currency === chosen);
    if (existing) {
      setError(`${chosen} has a minimum already (${majorText(existing)} ${chosen}); change that row instead of adding another.`);
      return;
    }
    const read = readMajorAmount(amount, chosen, `The minimum in ${chosen}`);
    if (!('minor' in read)) {
      setError(read.error);
      return;
    }
    onAdd({ currency: chosen, amountMinor: read.minor });
    setCurrency(null);
    setAmount('');
    setError(null);
  }

  return (
    <>
      <div className="field__row portal__add">
        <select
          className="field__input portal__currency-select"
          aria-label="Currency of the new minimum"
          value={chosen}
          onChange={(event) => {
            setCurrency(event.target.value);
            setError(null);
          }}
        >
          {CURRENCY_CODES.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
        <input
          className="field__input"
          inputMode="decimal"
          aria-label="Amount of the new minimum"
          placeholder="e.g. 50.00"
          value={amount}
          onChange={(event) => {
            setAmount(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
          }}
        />
        <button type="button" className="button button--small" onClick={add}>
          Add currency
        </button>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
