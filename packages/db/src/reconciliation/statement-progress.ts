import type { EntityManager } from '@mikro-orm/postgresql';

/** Where a statement's reconciliation stands, counted from its lines (the truth, whatever the workflow is doing). */
export interface StatementProgress {
  lines: number;
  pending: number;
  applied: number;
  reversed: number;
  exceptions: number;
  skipped: number;
  /** Money received and applied to accounts, per currency (credits that became payments). */
  appliedMinor: { currency: string; amountMinor: string }[];
}

type Counts = Record<'lines' | 'pending' | 'applied' | 'reversed' | 'exceptions' | 'skipped', string>;

const COUNTS = `count(*) as lines,
            count(*) filter (where status = 'pending') as pending,
            count(*) filter (where status = 'applied' and rule is distinct from 'reversal') as applied,
            count(*) filter (where status = 'applied' and rule = 'reversal') as reversed,
            count(*) filter (where status = 'exception') as exceptions,
            count(*) filter (where status = 'skipped') as skipped`;

const n = (v: string | undefined) => Number(v ?? 0);
const progressOf = (counts: Counts | undefined, money: { currency: string; amount_minor: string }[]): StatementProgress => ({
  lines: n(counts?.lines),
  pending: n(counts?.pending),
  applied: n(counts?.applied),
  reversed: n(counts?.reversed),
  exceptions: n(counts?.exceptions),
  skipped: n(counts?.skipped),
  appliedMinor: money.map((m) => ({ currency: m.currency, amountMinor: m.amount_minor })),
});

/**
 * Counts a statement's lines, or only those whose position lies in (after, upTo]: a batch counts its own range, so
 * a statement of any size is counted once in all, not once per batch.
 */
export async function statementProgress(em: EntityManager, statementId: string, range?: { after: number; upTo: number }): Promise<StatementProgress> {
  const where = range ? 'l.bank_statement_id = ? and l.position > ? and l.position <= ?' : 'l.bank_statement_id = ?';
  const params = range ? [statementId, range.after, range.upTo] : [statementId];
  const [counts] = await em.execute<Counts[]>(`select ${COUNTS} from statement_line l where ${where}`, params);
  const money = await em.execute<{ currency: string; amount_minor: string }[]>(
    `select trim(l.currency) as currency, sum(p.amount_minor)::text as amount_minor
       from statement_line l join payment p on p.statement_line_id = l.id
      where ${where}
      group by l.currency order by l.currency`,
    params,
  );
  return progressOf(counts, money);
}

/** The progress of several statements with two queries in all, for a list of statements. */
export async function statementsProgress(em: EntityManager, statementIds: readonly string[]): Promise<Map<string, StatementProgress>> {
  if (statementIds.length === 0) return new Map();
  const ids = JSON.stringify(statementIds);
  const counts = await em.execute<(Counts & { bank_statement_id: string })[]>(
    `select l.bank_statement_id, ${COUNTS} from statement_line l
      where l.bank_statement_id in (select (jsonb_array_elements_text(?::jsonb))::uuid) group by l.bank_statement_id`,
    [ids],
  );
  const money = await em.execute<{ bank_statement_id: string; currency: string; amount_minor: string }[]>(
    `select l.bank_statement_id, trim(l.currency) as currency, sum(p.amount_minor)::text as amount_minor
       from statement_line l join payment p on p.statement_line_id = l.id
      where l.bank_statement_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)
      group by l.bank_statement_id, l.currency order by l.currency`,
    [ids],
  );
  const countsOf = new Map(counts.map((c) => [c.bank_statement_id, c]));
  return new Map(statementIds.map((id) => [id, progressOf(countsOf.get(id), money.filter((m) => m.bank_statement_id === id))]));
}
