import type { EntityManager } from '@mikro-orm/postgresql';
import { buildMatchIndex, checkAllocations, matchStatementLine, replaceMatchAccount, type MatchProposal } from '@recoup/domain';
import { appendAudit } from '../audit.ts';
import { query } from '../bound-query.ts';
import { reversePayment } from '../payments/reverse-payment.ts';
import { BatchWrites } from './batch-writes.ts';
import { CandidateLedger } from './match-candidates.ts';

// Applies the next pending lines of a statement in one transaction: credits are matched and become payments,
// returned items reverse the payment they return, outgoing debits are set aside, and whatever the matcher is not
// sure of goes to the exception queue. Lines are matched one after the other in memory, on the locked ledger as
// the lines before left it; the payments, allocations and promise shares they make are then written with one
// statement per table, and every line's outcome with one more, so a batch's round trips do not grow with its
// lines. Returned items are rare and stay one by one. A line leaves "pending" in the same transaction that applies
// it, and a payment names its line under a unique constraint; so a batch retried after a crash, or run twice at
// once, applies nothing twice.

export interface BatchOptions {
  /** Lines per transaction. */
  limit: number;
  /** Proposals below this confidence go to the exception queue. */
  threshold?: number;
  /** The clock, for reversals. */
  now: Date;
  /** Called as lines go by, so a caller can show it is alive (a Temporal activity heartbeats). */
  heartbeat?: () => void;
}

export interface BatchResult {
  processed: number;
  applied: number;
  exceptions: number;
  skipped: number;
  reversed: number;
  /**
   * The position of the last line this batch looked at; the next batch starts after it. The last batch answers
   * the statement's last position, so the range it reports also holds the lines an earlier, lost attempt applied
   * and the lines that were never pending (zero amounts, amounts in doubt) after the last pending one.
   */
  lastPosition: number;
  /** No pending line is left after this batch. */
  done: boolean;
}

interface LineRow {
  id: string;
  position: number;
  bank_ref: string | null;
  source: string;
  customer_ref: string | null;
  direction: 'credit' | 'debit';
  amount_minor: string;
  currency: string;
  value_date: string | null;
  text: string;
  counterparty: string | null;
  returned: boolean;
}

interface LineOutcome {
  id: string;
  status: 'applied' | 'exception' | 'skipped';
  accountId: string | null;
  rule: string;
  confidence: number | null;
  reason: string;
  proposal: object | null;
  residualMinor: bigint | null;
}

const proposalJson = (p: MatchProposal) => ({
  allocations: p.allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor.toString() })),
  unappliedMinor: p.unappliedMinor.toString(),
  residualMinor: p.residualMinor.toString(),
});

const receivedAt = (line: LineRow, now: Date): Date => (line.value_date ? new Date(`${line.value_date}T00:00:00Z`) : now);

/** Runs one batch in its own transaction. */
export async function reconcileBatch(em: EntityManager, statementId: string, afterPosition: number, options: BatchOptions): Promise<BatchResult> {
  return em.fork().transactional(async (tx) => {
    const lines = await tx.execute<LineRow[]>(
      `select id, position, bank_ref, source, customer_ref, direction, amount_minor::text, trim(currency) as currency,
              to_char(value_date, 'YYYY-MM-DD') as value_date, text, counterparty, returned
         from statement_line
        where bank_statement_id = ? and position > ? and status = 'pending'
        order by position limit ? for update`,
      [statementId, afterPosition, options.limit],
    );
    const done = lines.length < options.limit;
    let lastPosition = lines.at(-1)?.position ?? afterPosition;
    if (done) {
      const [end] = await tx.execute<{ position: number | null }[]>(`select max(position) as position from statement_line where bank_statement_id = ?`, [statementId]);
      lastPosition = Math.max(lastPosition, Number(end?.position ?? 0));
    }
    const result: BatchResult = { processed: lines.length, applied: 0, exceptions: 0, skipped: 0, reversed: 0, lastPosition, done };
    if (lines.length === 0) return result;
    const asMatchLine = (l: LineRow) => ({
      amountMinor: BigInt(l.amount_minor),
      currency: l.currency,
      remittance: l.text,
      ...(l.counterparty ? { payerName: l.counterparty } : {}),
      ...(l.customer_ref ? { customerRef: l.customer_ref } : {}),
    });
    const ledger = new CandidateLedger();
    await ledger.loadFor(tx, lines.filter((l) => l.direction === 'credit' && !l.returned).map(asMatchLine));
    const index = buildMatchIndex(ledger.accountIds().map((id) => ledger.matchAccount(id)));
    const outcomes: LineOutcome[] = [];
    const writes = new BatchWrites();

    for (const [i, line] of lines.entries()) {
      if (i % 50 === 0) options.heartbeat?.();
      if (line.returned) {
        // A return may take back a payment queued earlier in this batch: the database must hold it first.
        await writes.flush(tx);
        const outcome = await reverseReturnedLine(tx, line, options.now);
        outcomes.push(outcome);
        if (outcome.status === 'applied' && outcome.accountId && ledger.has(outcome.accountId)) {
          await ledger.load(tx, [outcome.accountId]);
          replaceMatchAccount(index, ledger.matchAccount(outcome.accountId));
        }
        continue;
      }
      if (line.direction === 'debit') {
        outcomes.push({ id: line.id, status: 'skipped', accountId: null, rule: 'outgoing', confidence: null, reason: 'An outgoing debit: only money received is applied.', proposal: null, residualMinor: null });
        continue;
      }
      const proposal = matchStatementLine(asMatchLine(line), index, {
        payerCandidates: ledger.payerAccounts(line.counterparty),
        ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
      });
      const base = { id: line.id, accountId: proposal.accountId, rule: proposal.rule, confidence: proposal.confidence, proposal: proposalJson(proposal) };
      if (proposal.status !== 'matched' || proposal.accountId === null) {
        outcomes.push({ ...base, status: 'exception', reason: proposal.reason, residualMinor: null });
        continue;
      }
      const problems = checkAllocations(
        { accountId: proposal.accountId, currency: line.currency, availableMinor: BigInt(line.amount_minor) },
        proposal.allocations,
        ledger.invoices(proposal.allocations),
      );
      if (problems.length > 0) {
        // Checked on the locked invoices before anything is queued: the line waits for a person, the batch goes on.
        outcomes.push({ ...base, status: 'exception', reason: `Refused by the ledger rules: ${problems.map((p) => p.message).join(' ')}`, residualMinor: null });
        continue;
      }
      const payment = {
        amountMinor: BigInt(line.amount_minor),
        currency: line.currency,
        receivedAt: receivedAt(line, options.now),
      };
      writes.add({
        ...payment,
        accountId: proposal.accountId,
        reference: line.customer_ref ?? line.bank_ref ?? `statement line ${line.source}`,
        payerName: line.counterparty,
        statementLineId: line.id,
        allocations: proposal.allocations,
        promises: ledger.matchPromises(proposal.accountId, payment),
      });
      ledger.allocated(proposal.allocations);
      replaceMatchAccount(index, ledger.matchAccount(proposal.accountId));
      outcomes.push({ ...base, status: 'applied', reason: proposal.reason, residualMinor: proposal.residualMinor > 0n ? proposal.residualMinor : null });
    }

    await writes.flush(tx);
    await writeOutcomes(tx, outcomes);
    for (const o of outcomes) {
      if (o.status === 'applied' && o.rule === 'reversal') result.reversed += 1;
      else if (o.status === 'applied') result.applied += 1;
      else if (o.status === 'exception') result.exceptions += 1;
      else result.skipped += 1;
    }
    return result;
  });
}

/**
 * A returned, bounced or NSF item takes back the payment it returns: the one not yet reversed, of the same amount
 * and currency, whose reference the return quotes. Exactly one must fit; otherwise a person decides.
 */
async function reverseReturnedLine(em: EntityManager, line: LineRow, now: Date): Promise<LineOutcome> {
  const outcome = (status: LineOutcome['status'], accountId: string | null, reason: string): LineOutcome => ({
    id: line.id,
    status,
    accountId,
    rule: 'reversal',
    confidence: status === 'applied' ? 1 : 0,
    reason,
    proposal: null,
    residualMinor: null,
  });
  const candidates = await em.execute<{ id: string; account_id: string; received_on: string; reference: string }[]>(
    `select p.id, p.account_id, to_char(p.received_at at time zone 'UTC', 'YYYY-MM-DD') as received_on, p.reference
       from payment p left join statement_line l on l.id = p.statement_line_id
      where p.reversed_at is null and trim(p.currency) = ? and p.amount_minor = ?
        and (
          (?::text is not null and recoup_normalised_ref(p.reference) = recoup_normalised_ref(?))
          or (l.id is not null and length(l.bank_ref) >= 6 and position(recoup_normalised_ref(l.bank_ref) in recoup_normalised_ref(?)) > 0)
          or (l.id is not null and l.text <> '' and recoup_normalised_ref(l.text) = recoup_normalised_ref(?))
        )
      order by p.received_at desc, p.id
      limit 2`,
    [line.currency, line.amount_minor, line.customer_ref, line.customer_ref, line.text, line.text],
  );
  const [payment, another] = candidates;
  if (!payment) return outcome('exception', null, 'A returned payment, but no payment of this amount and reference is on the books to reverse.');
  if (another) return outcome('exception', null, 'A returned payment that fits more than one payment; choose the one it returns.');
  const reversal = await reversePayment(em, payment.id, { reason: `Returned by the bank (${line.bank_ref ?? line.customer_ref ?? line.source})`, reversalLineId: line.id, at: now });
  const restored = reversal.restored.reduce((sum, r) => sum + r.amountMinor, 0n);
  await appendAudit(em, {
    actorId: null,
    action: 'payment.reversed',
    entity: 'payment',
    entityId: payment.id,
    details: {
      lineId: line.id,
      bankRef: line.bank_ref,
      restored: reversal.restored.map((r) => ({ invoiceId: r.invoiceId, amountMinor: r.amountMinor.toString() })),
      promisesReopened: reversal.promises.filter((p) => p.reopened).map((p) => p.promiseId),
    },
  });
  return outcome('applied', payment.account_id, `Reverses the payment ${payment.reference} of ${payment.received_on}: ${restored} is owed again.`);
}

async function writeOutcomes(em: EntityManager, outcomes: readonly LineOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map((o) => ({
    id: o.id,
    status: o.status,
    account_id: o.accountId,
    rule: o.rule,
    confidence: o.confidence,
    reason: o.reason,
    proposal: o.proposal,
    residual_minor: o.residualMinor?.toString() ?? null,
  }));
  await query(
    em,
    `update statement_line as l set status = v.status, account_id = v.account_id, rule = v.rule, confidence = v.confidence,
            reason = v.reason, proposal = v.proposal, residual_minor = v.residual_minor
       from jsonb_to_recordset(?::jsonb) as v(id uuid, status text, account_id uuid, rule text, confidence numeric, reason text, proposal jsonb, residual_minor bigint)
      where l.id = v.id`,
    [JSON.stringify(rows)],
  );
}
