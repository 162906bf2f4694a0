import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { storeStatement } from '@recoup/db';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import { parseMt940 } from '@recoup/domain';

// Bank statements as the hard cases come: daily MT940 statements that all carry the same :20: and statement
// number, lines with a real bank reference, with //NONREF, or with no reference at all, the same amount again and
// again on one day, and files that split the days in any way, overlap (a day sent again in the next file), arrive
// out of order, or come again with other line endings. Whatever the files, every transaction the bank reported is
// stored exactly once: no two distinct transactions collapse into one, and no transaction is stored twice.

let db: TestDatabase;
let run = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

type Reference = { kind: 'real'; id: number } | { kind: 'nonref' } | { kind: 'none' };

interface Transaction {
  credit: boolean;
  amountMinor: number;
  reference: Reference;
  /** The value date is the statement's day, or the day before (a back-valued booking). */
  backValued: boolean;
  text: string;
}

interface Day {
  transactions: Transaction[];
}

const transaction = fc.record({
  credit: fc.boolean(),
  // Few amounts, so the same amount comes again on one day and on the next.
  amountMinor: fc.constantFrom(1_000, 1_000, 2_500, 77),
  reference: fc.oneof(
    fc.constant<Reference>({ kind: 'none' }),
    fc.constant<Reference>({ kind: 'nonref' }),
    fc.nat({ max: 1_000_000 }).map((id): Reference => ({ kind: 'real', id })),
  ),
  backValued: fc.boolean(),
  text: fc.constantFrom('PAYMENT', 'PAYMENT', 'CARD 4711', 'SEPA CREDIT TRANSFER'),
});

const scenario = fc.record({
  days: fc.array(fc.record({ transactions: fc.array(transaction, { maxLength: 5 }) }), { minLength: 1, maxLength: 6 }),
  /** Where the days are cut into files. */
  cuts: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  /** Whether a file starts with the day before it, sent again (the previous file's last day). */
  overlaps: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  numbered: fc.boolean(),
  order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  crlf: fc.boolean(),
});

const yymmdd = (day: number) => {
  const d = new Date(Date.UTC(2026, 10, 2 + day));
  return `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
};
const amount = (minor: number) => `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')}`;
const balance = (minor: number, day: number) => `${minor < 0 ? 'D' : 'C'}${yymmdd(day)}EUR${amount(Math.abs(minor))}`;

/** Real references are unique at the bank; the generated ids are made so per account. */
function distinctReferences(days: Day[]): Day[] {
  const used = new Set<number>();
  return days.map((d) => ({
    transactions: d.transactions.map((t) => {
      if (t.reference.kind !== 'real') return t;
      let id = t.reference.id;
      while (used.has(id)) id += 1;
      used.add(id);
      return { ...t, reference: { kind: 'real', id } };
    }),
  }));
}

function statement(account: string, days: Day[], day: number, numbered: boolean): string {
  let opening = 50_000;
  for (let d = 0; d < day; d++) for (const t of days[d]?.transactions ?? []) opening += t.credit ? t.amountMinor : -t.amountMinor;
  let closing = opening;
  const lines = [`:20:STARTUMS`, `:25:${account}`, `:28C:${numbered ? `${day + 1}/1` : '0'}`, `:60F:${balance(opening, day - 1)}`];
  for (const t of days[day]?.transactions ?? []) {
    closing += t.credit ? t.amountMinor : -t.amountMinor;
    const ref = t.reference.kind === 'real' ? `NONREF//B${String(t.reference.id).padStart(10, '0')}` : t.reference.kind === 'nonref' ? 'NONREF//NONREF' : 'NONREF';
    lines.push(`:61:${yymmdd(t.backValued ? day - 1 : day)}${yymmdd(day).slice(2)}${t.credit ? 'C' : 'D'}${amount(t.amountMinor)}NTRF${ref}`, `:86:${t.text}`);
  }
  lines.push(`:62F:${balance(closing, day)}`, '-');
  return lines.join('\n');
}

describe('statement and transaction identity', () => {
  it('stores every reported transaction exactly once, however the days are split into files, and a file sent again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        run += 1;
        const account = `DE${String(run).padStart(4, '0')}/0042`;
        const days = distinctReferences(s.days);
        // Files of consecutive days; a file may start with the day before (the previous file's last day again).
        const files: number[][] = [];
        days.forEach((_, day) => {
          const last = files.at(-1);
          if (!last || s.cuts[day]) files.push(day > 0 && s.overlaps[files.length % s.overlaps.length] ? [day - 1, day] : [day]);
          else last.push(day);
        });
        const texts = files.map((f) => f.map((day) => statement(account, days, day, s.numbered)).join('\n'));
        const ordered = texts.map((t, i) => ({ t, key: s.order[i] ?? i })).sort((a, b) => a.key - b.key).map((x) => x.t);
        const em = db.orm.em.fork();
        const store = (text: string, n: number) =>
          storeStatement(em.fork(), parseMt940(text), { raw: Buffer.from(text), filename: `day-${n}.sta`, userId: null });
        for (const [n, text] of ordered.entries()) await store(text, n);

        const stored = await em.execute<{ direction: string; amount_minor: string; value_date: string; bank_ref: string | null; text: string }[]>(
          `select direction, amount_minor::text, to_char(value_date, 'YYMMDD') as value_date, bank_ref, text from statement_line where account_number = ? order by 1, 2, 3, 4, 5`,
          [account],
        );
        const reported = days
          .flatMap((d, day) =>
            d.transactions.map((t) => ({
              direction: t.credit ? 'credit' : 'debit',
              amount_minor: String(t.amountMinor),
              value_date: yymmdd(t.backValued ? day - 1 : day),
              bank_ref: t.reference.kind === 'real' ? `B${String(t.reference.id).padStart(10, '0')}` : null,
              text: t.text,
            })),
          )
          .sort((a, b) => JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b))));
        const sortKey = (r: (typeof reported)[number]) => JSON.stringify(Object.values(r));
        expect(stored.map(sortKey).sort()).toEqual(reported.map(sortKey).sort());

        // Every file again, as it was and with other line endings: nothing new.
        for (const [n, text] of ordered.entries()) {
          const again = await store(s.crlf ? text.replaceAll('\n', '\r\n') : text, n);
          expect(again.statement.newLineCount === 0 || again.duplicate).toBe(true);
        }
        const [after] = await em.execute<{ count: string }[]>(`select count(*) from statement_line where account_number = ?`, [account]);
        expect(Number(after?.count)).toBe(reported.length);
      }),
      { seed: 20261201, numRuns: 60 },
    );
  });
});
