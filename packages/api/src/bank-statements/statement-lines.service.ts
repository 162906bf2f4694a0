import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  Account,
  AllocationRefusedError,
  AppUser,
  Invoice,
  StatementLine,
  recordPayment,
  reversePayment,
  type IStatementLine,
} from '@recoup/db';
import type { DeductionView, ExceptionView, LineResolution, ManualMatchRequest } from '@recoup/contracts';
import { recordAccountChange, type AccountEventOutbox } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, NotFoundError } from '../errors.ts';
import { planForAccount } from '../payments/plan-for-account.ts';
import { accessibleAccount } from '../shared/access-scope.ts';

interface StoredProposal {
  allocations?: { invoiceId: string; amountMinor: string }[];
}

/** What a payment made from a line is known by: the payer's reference, else the bank's, else the line's place. */
const paymentReference = (line: IStatementLine): string => line.customerRef ?? line.bankRef ?? `statement line ${line.source}`;

/**
 * The exception queue: lines the matcher was not sure of, returns it could not pair with a payment, and currency
 * mismatches. A person matches a line to an account, reverses the payment a return takes back, or sets the line
 * aside; each decision is audited, applied once (the line is locked and must still be waiting), and the account's
 * workflow is told.
 */
export class StatementLinesService {
  readonly #orm: MikroORM;
  readonly #accountEvents: AccountEventOutbox;

  constructor(orm: MikroORM, accountEvents: AccountEventOutbox) {
    this.#orm = orm;
    this.#accountEvents = accountEvents;
  }

  async exceptions(query: { statementId?: string | undefined; limit: number }): Promise<ExceptionView[]> {
    const em = this.#orm.em.fork();
    // Lines of a statement held as unbalanced wait for its release; they are not a person's to work yet.
    const lines = await em.find(
      StatementLine,
      { status: 'exception', bankStatement: { status: { $nin: ['unbalanced', 'rejected'] }, ...(query.statementId ? { id: query.statementId } : {}) } },
      { orderBy: { createdAt: 'asc', position: 'asc' }, limit: query.limit, populate: ['account'] },
    );
    const invoiceIds = lines.flatMap((l) => ((l.proposal as StoredProposal | null)?.allocations ?? []).map((a) => a.invoiceId));
    const numbers = new Map((invoiceIds.length > 0 ? await em.find(Invoice, { id: { $in: invoiceIds } }, { fields: ['id', 'number'] }) : []).map((i) => [i.id, i.number]));
    return lines.map((l) => {
      const account = l.account;
      const proposal = l.proposal as StoredProposal | null;
      return {
        id: l.id,
        statementId: l.bankStatement.id,
        position: l.position,
        source: l.source,
        bankRef: l.bankRef ?? null,
        customerRef: l.customerRef ?? null,
        direction: l.direction,
        returned: l.returned,
        amount: { amountMinor: l.amountMinor.toString(), currency: l.currency.trim() },
        valueDate: l.valueDate ? String(l.valueDate) : null,
        text: l.text,
        counterparty: l.counterparty ?? null,
        reason: l.reason ?? null,
        suggestion: account
          ? {
              accountId: account.id,
              accountRef: account.externalRef,
              accountName: account.name,
              rule: l.rule ?? null,
              confidence: l.confidence ?? null,
              allocations: (proposal?.allocations ?? []).map((a) => ({ invoiceId: a.invoiceId, invoiceNumber: numbers.get(a.invoiceId) ?? '', amountMinor: a.amountMinor })),
            }
          : null,
      };
    });
  }

  /**
   * Short payments, newest first: each names invoices it did not pay in full. The residual stays open on them; a
   * collector raises a dispute for it (POST /api/accounts/:id/disputes) or chases it.
   */
  async deductions(limit: number): Promise<DeductionView[]> {
    const em = this.#orm.em.fork();
    const lines = await em.find(
      StatementLine,
      { status: 'applied', residualMinor: { $gt: 0n } },
      { orderBy: { createdAt: 'desc', position: 'asc' }, limit, populate: ['account'] },
    );
    const invoiceIds = lines.flatMap((l) => ((l.proposal as StoredProposal | null)?.allocations ?? []).map((a) => a.invoiceId));
    const invoices = new Map((invoiceIds.length > 0 ? await em.find(Invoice, { id: { $in: invoiceIds } }) : []).map((i) => [i.id, i]));
    return lines.flatMap((l) => {
      const account = l.account;
      if (!account) return [];
      return [
        {
          lineId: l.id,
          statementId: l.bankStatement.id,
          account: { id: account.id, externalRef: account.externalRef, name: account.name },
          amount: { amountMinor: l.amountMinor.toString(), currency: l.currency.trim() },
          residualMinor: String(l.residualMinor ?? 0n),
          text: l.text,
          valueDate: l.valueDate ? String(l.valueDate) : null,
          invoices: ((l.proposal as StoredProposal | null)?.allocations ?? []).flatMap((a) => {
            const invoice = invoices.get(a.invoiceId);
            return invoice ? [{ invoiceId: invoice.id, number: invoice.number, openMinor: invoice.openMinor.toString() }] : [];
          }),
        },
      ];
    });
  }

  /** Applies a waiting credit line to an account: as the allocations say, or oldest invoices first; the rest is credit. */
  async match(lineId: string, request: ManualMatchRequest, user: AuthUser): Promise<LineResolution> {
    const outcome = await this.#orm.em.fork().transactional(async (tx) => {
      const line = await this.#waitingLine(tx, lineId);
      if (line.returned || line.direction === 'debit') {
        throw new BusinessRuleError('statement-line-not-a-payment', 'This line takes money out; reverse the payment it returns, or set it aside.');
      }
      // A manager applies money only to accounts of their team or unassigned ones; another team's is missing.
      const account = await accessibleAccount(tx, user, request.accountId);
      const currency = line.currency.trim();
      const allocations = request.allocations
        ? request.allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: BigInt(a.amountMinor) }))
        : (await planForAccount(tx, account.id, currency, line.amountMinor)).map((p) => ({ invoiceId: p.invoice.id, amountMinor: p.amountMinor }));
      let paymentId: string;
      try {
        paymentId = (
          await recordPayment(tx, {
            accountId: account.id,
            amountMinor: line.amountMinor,
            currency,
            receivedAt: line.valueDate ? new Date(`${String(line.valueDate)}T00:00:00Z`) : new Date(),
            reference: paymentReference(line),
            payerName: line.counterparty ?? null,
            statementLineId: line.id,
            allocations,
          })
        ).paymentId;
      } catch (error) {
        if (error instanceof AllocationRefusedError) {
          throw new BusinessRuleError('allocation-refused', error.message, {
            fields: error.problems.map((p) => ({ in: 'body', path: p.invoiceId ? `allocations[invoiceId=${p.invoiceId}]` : 'allocations', reason: p.message })),
          });
        }
        throw error;
      }
      this.#resolve(tx, line, 'applied', user, `Matched by hand${request.note ? `: ${request.note}` : ''}`);
      line.account = tx.getReference(Account, account.id);
      line.rule = 'manual';
      line.confidence = 1;
      await tx.flush();
      await audit(tx, {
        actorId: user.id,
        action: 'statement-line.matched',
        entity: 'statement_line',
        entityId: line.id,
        details: {
          accountId: account.id,
          paymentId,
          amountMinor: line.amountMinor.toString(),
          currency,
          allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor.toString() })),
        },
      });
      const allocated = allocations.reduce((sum, a) => sum + a.amountMinor, 0n);
      const eventId = await recordAccountChange(tx, account.id, {
        kind: 'payment-applied',
        payment: { paymentId, amountMinor: allocated.toString(), currency },
      });
      return { resolution: { lineId: line.id, status: 'applied' as const, paymentId, accountId: account.id }, eventId };
    });
    await this.#accountEvents.deliver([outcome.eventId]);
    return outcome.resolution;
  }

  /** Reverses the payment a returned line takes back, when the matcher could not tell which one it was. */
  async reverse(lineId: string, paymentId: string, user: AuthUser): Promise<LineResolution> {
    const outcome = await this.#orm.em.fork().transactional(async (tx) => {
      const line = await this.#waitingLine(tx, lineId);
      if (!line.returned) throw new BusinessRuleError('statement-line-not-a-return', 'Only a returned, bounced or NSF item reverses a payment.');
      const [payment] = await tx.execute<{ amount_minor: string; currency: string; reversed_at: Date | null }[]>(
        `select amount_minor::text, trim(currency) as currency, reversed_at from payment where id = ?`,
        [paymentId],
      );
      if (!payment) throw new NotFoundError('payment');
      if (payment.reversed_at !== null) throw new ConflictError('payment-reversed', 'This payment was reversed already.');
      if (payment.currency !== line.currency.trim() || BigInt(payment.amount_minor) !== line.amountMinor) {
        throw new BusinessRuleError('reversal-mismatch', `The return is ${line.amountMinor} ${line.currency.trim()}; the payment is ${payment.amount_minor} ${payment.currency}.`);
      }
      const reversal = await reversePayment(tx, paymentId, { reason: `Returned by the bank (${paymentReference(line)}), paired by hand`, reversalLineId: line.id, at: new Date() });
      this.#resolve(tx, line, 'applied', user, `Reverses payment ${paymentId}, paired by hand`);
      line.account = tx.getReference(Account, reversal.accountId);
      line.rule = 'reversal';
      line.confidence = 1;
      await tx.flush();
      await audit(tx, {
        actorId: user.id,
        action: 'payment.reversed',
        entity: 'payment',
        entityId: paymentId,
        details: { lineId: line.id, restored: reversal.restored.map((r) => ({ invoiceId: r.invoiceId, amountMinor: r.amountMinor.toString() })) },
      });
      const eventId = await recordAccountChange(tx, reversal.accountId, { kind: 'payment-reversed' });
      return { resolution: { lineId: line.id, status: 'applied' as const, paymentId, accountId: reversal.accountId }, eventId };
    });
    await this.#accountEvents.deliver([outcome.eventId]);
    return outcome.resolution;
  }

  /** Sets a waiting line aside: it is not a customer's payment. */
  async skip(lineId: string, reason: string, user: AuthUser): Promise<LineResolution> {
    return this.#orm.em.fork().transactional(async (tx) => {
      const line = await this.#waitingLine(tx, lineId);
      this.#resolve(tx, line, 'skipped', user, reason);
      await tx.flush();
      await audit(tx, { actorId: user.id, action: 'statement-line.skipped', entity: 'statement_line', entityId: line.id, details: { reason } });
      return { lineId: line.id, status: 'skipped' as const, paymentId: null, accountId: null };
    });
  }

  async #waitingLine(tx: EntityManager, lineId: string): Promise<IStatementLine> {
    const [locked] = await tx.execute<{ status: string; statement_status: string }[]>(
      `select l.status, s.status as statement_status from statement_line l join bank_statement s on s.id = l.bank_statement_id where l.id = ? for update of l`,
      [lineId],
    );
    if (!locked) throw new NotFoundError('statement line');
    if (locked.statement_status === 'unbalanced' || locked.statement_status === 'rejected') {
      throw new ConflictError(
        'statement-held',
        locked.statement_status === 'unbalanced'
          ? 'This line belongs to a statement that does not add up; release the statement before working its lines.'
          : 'This line belongs to a rejected statement; nothing of it is applied.',
      );
    }
    if (locked.status !== 'exception' && locked.status !== 'pending') {
      throw new ConflictError('statement-line-resolved', `This line is ${locked.status} already; nothing was changed.`);
    }
    return tx.findOneOrFail(StatementLine, { id: lineId }, { refresh: true });
  }

  #resolve(tx: EntityManager, line: IStatementLine, status: 'applied' | 'skipped', user: AuthUser, reason: string): void {
    line.status = status;
    line.reason = reason;
    line.resolvedAt = new Date();
    line.resolvedBy = tx.getReference(AppUser, user.id);
  }

}
