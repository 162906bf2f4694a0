import type { AccountDetail, DebtorZonesView } from '@recoup/contracts';

type DebtorLocalTime = AccountDetail['debtorLocalTime'];

const SOURCE_WORD: Record<DebtorZonesView['clues'][number]['source'], string> = { phone: 'Phone', address: 'Address' };

/**
 * The debtor's clock in every zone calls are judged in, and which zones were considered and why: when the contact's
 * zone is not recorded, a call is allowed only when it is inside the contact hours in all the zones its phone
 * number and address point to.
 */
export function DebtorClock({ clock, zones }: { clock: DebtorLocalTime; zones: DebtorZonesView | null }) {
  const outside = clock.zones.filter((z) => !z.withinContactHours).map((z) => z.timeZone);
  const verdict = clock.withinContactHours
    ? clock.zones.length > 1
      ? '— within contact hours in all of them'
      : '— within contact hours'
    : clock.zones.length > 1
      ? `— outside contact hours in ${outside.join(', ')}, do not call now`
      : '— outside contact hours, do not call now';
  return (
    <div className="account-360__clock" aria-label="Debtor’s local time">
      <p>
        Debtor’s local time:{' '}
        {clock.zones.length === 1
          ? `${clock.date} ${clock.time} (${clock.timeZone}) `
          : `${clock.zones.map((z) => `${z.timeZone} ${z.date} ${z.time}`).join(' · ')} `}
        {verdict}
      </p>
      <p className="account-360__sub">{clock.explanation}</p>
      {zones ? <ZoneClues zones={zones} /> : null}
    </div>
  );
}

/** Each clue to where the debtor is, what it suggests and whether contact hours go by it. */
export function ZoneClues({ zones }: { zones: DebtorZonesView }) {
  if (zones.clues.length === 0) return null;
  return (
    <ul className="account-360__zones" aria-label="Time zones considered">
      {zones.clues.map((clue) => (
        <li key={clue.source} className="account-360__sub">
          {SOURCE_WORD[clue.source]}: {clue.zones.length ? `suggests ${clue.zones.join(' or ')}` : 'suggests no zone'} ({clue.detail})
          {clue.used ? '' : ' — not used'}
        </li>
      ))}
    </ul>
  );
}
