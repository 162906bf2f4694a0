import { useState } from 'react';
import { moneyText } from './cash-money.ts';
import { ManualMatchForm } from './manual-match-form.tsx';
import { PairReturnForm } from './pair-return-form.tsx';
import { SkipLineForm } from './skip-line-form.tsx';
import type { ExceptionLine, LineResolution } from './statement-lines.api.ts';

type Action = 'match' | 'pair' | 'skip';

interface ExceptionCardProps {
  line: ExceptionLine;
  onResolved(line: ExceptionLine, resolution: LineResolution, summary: string): void;
}

const confidenceText = (confidence: number | null) => (confidence === null ? '' : ` · confidence ${Math.round(confidence * 100)} %`);

/** One waiting line: what the bank said, why no rule was sure, the matcher's guess, and a person's choices. */
export function ExceptionCard({ line, onResolved }: ExceptionCardProps) {
  const [action, setAction] = useState<Action | null>(null);
  const amount = moneyText(line.amount.amountMinor, line.amount.currency);
  const takesMoneyOut = line.returned || line.direction === 'debit';
  const title = `${takesMoneyOut ? 'Out' : 'In'}: ${amount}${line.counterparty ? ` from ${line.counterparty}` : ''}`;

  return (
    <li className="cash-exception" aria-label={title}>
      <div className="cash-exception__head">
        <p className={`cash-exception__amount${takesMoneyOut ? ' cash-exception__amount--out' : ''}`}>
          {takesMoneyOut ? '−' : ''}
          {amount}
        </p>
        <div>
          <p className="cash-exception__title">
            {line.counterparty ?? 'Unknown payer'}
            {line.returned ? <span className="cash-status cash-status--failed">Returned</span> : null}
          </p>
          <p className="table__sub">
            {line.valueDate ?? 'no value date'} · {line.bankRef ? `bank ref ${line.bankRef}` : 'no bank reference'}
            {line.customerRef ? ` · customer ref ${line.customerRef}` : ''} · <code>{line.source}</code>
          </p>
          <p className="cash-exception__text">{line.text || 'No remittance text.'}</p>
        </div>
      </div>
      <p className="cash-exception__reason">
        <strong>Why it waits:</strong> {line.reason ?? 'No rule was sure of it.'}
      </p>
      {line.suggestion ? (
        <p className="cash-exception__suggestion">
          <strong>Suggestion:</strong> {line.suggestion.accountName} ({line.suggestion.accountRef})
          {line.suggestion.rule ? ` by ${line.suggestion.rule}` : ''}
          {confidenceText(line.suggestion.confidence)}
          {line.suggestion.allocations.length > 0
            ? `: ${line.suggestion.allocations.map((a) => `${moneyText(a.amountMinor, line.amount.currency)} to ${a.invoiceNumber || 'an invoice'}`).join(', ')}`
            : ''}
        </p>
      ) : (
        <p className="cash-exception__suggestion table__sub">No suggestion: no account looked likely.</p>
      )}
      {action === null ? (
        <div className="cash-actions">
          {takesMoneyOut ? (
            <button type="button" className="button button--small button--primary" onClick={() => setAction('pair')} disabled={!line.returned}>
              Pair with its payment…
            </button>
          ) : (
            <button type="button" className="button button--small button--primary" onClick={() => setAction('match')}>
              Match by hand…
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => setAction('skip')}>
            Skip…
          </button>
        </div>
      ) : null}
      {action === 'match' ? (
        <ManualMatchForm
          line={line}
          onCancel={() => setAction(null)}
          onMatched={(resolution, accountName) => onResolved(line, resolution, `${amount} from ${line.counterparty ?? line.bankRef ?? 'the payer'} is applied to ${accountName}.`)}
        />
      ) : null}
      {action === 'pair' ? (
        <PairReturnForm
          line={line}
          onCancel={() => setAction(null)}
          onPaired={(resolution, accountName) => onResolved(line, resolution, `The return of ${amount} reversed ${accountName}’s payment; the money is owed again.`)}
        />
      ) : null}
      {action === 'skip' ? (
        <SkipLineForm line={line} onCancel={() => setAction(null)} onSkipped={(resolution) => onResolved(line, resolution, `${amount} (${line.bankRef ?? 'no bank reference'}) is set aside.`)} />
      ) : null}
    </li>
  );
}
