import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  Account,
  IdempotencyRecord,
  Payment,
  canonicalJson,
  reversePayment,
  sha256Hex,
  type IAccount,
  type JsonValue,
} from '@recoup/db';
import type { PaymentRequest, PaymentResponse, PaymentReversalView } from '@recoup/contracts';
import { recordAccountChange, type AccountEventOutbox } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, NotFoundError } from '../errors.ts';
import { mayAccessAccount, mayAccessAccountById } from '../shared/access-scope.ts';
import { openBalance } from '../shared/balance.ts';
import { recordIncomingPayment } from './record-incoming.ts';

const SCOPE = 'payments';

export interface PaymentOutcome {
  status: number;
  body: PaymentResponse;
  /** False when the answer was replayed from an earlier request with the same key. */
  fresh: boolean;
}

export class PaymentsService {
  readonly #orm: MikroORM;
  readonly #accountEvents: AccountEventOutbox;

  constructor(orm: MikroORM, accountEvents: AccountEventOutbox) {
    this.#orm = orm;
    this.#accountEvents = accountEvents;
  }

  /**
   * Records a payment once per idempotency key. The same key with the same body answers what the first request
   * answered; the same key with another body is refused, since the caller has mixed up two payments. A key belongs
   * to the user who sent it: another user's same key is a new key, and never replays their answer.
   */
  async receive(clientKey: string, request: PaymentRequest, user: AuthUser): Promise<PaymentOutcome> {
    const key = `${user.id}/${clientKey}`;
    const requestHash = sha256Hex(canonicalJson(request));
    const outcome = await this.#orm.em.fork().transactional(async (em) => {
      // Serialises concurrent requests carrying the same key; the second then finds the first one's record.
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`${SCOPE}:${key}`]);
      const earlier = await em.findOne(IdempotencyRecord, { key });
      if (earlier) {
        if (earlier.scope !== SCOPE || earlier.requestHash !== requestHash) {
          throw new BusinessRuleError(
            'idempotency-key-reused',
            'This Idempotency-Key was already used for a different request; use a new key for a new payment.',
          );
        }
        return { status: earlier.statusCode, body: earlier.response as unknown as PaymentResponse, fresh: false, eventIds: [] };
      }
      const account = await findAccount(em, request, user);
      const body = await recordIncomingPayment(
        em,
        account,
        {
          amountMinor: BigInt(request.amount.amountMinor),
          currency: request.amount.currency,
          receivedAt: request.receivedAt ? new Date(request.receivedAt) : new Date(),
          reference: request.reference ?? '',
          payerName: request.payerName ?? null,
          idempotencyKey: key,
        },
        { actorId: user.id },
      );
      const applied = body.allocations.reduce((sum, a) => sum + BigInt(a.amountMinor), 0n);
      // Committed with the payment, so its workflow is told even if this process dies before the signal.
      const eventId = await recordAccountChange(em, account.id, {
        kind: 'payment-applied',
        payment: { paymentId: body.payment.id, amountMinor: applied.toString(), currency: body.payment.amount.currency },
      });
      em.persist(
        em.create(IdempotencyRecord, {
          key,
          scope: SCOPE,
          requestHash,
          statusCode: 201,
          response: body as unknown as JsonValue,
        }),
      );
      return { status: 201, body, fresh: true, eventIds: [eventId] };
    });
    await this.#accountEvents.deliver(outcome.eventIds);
    return { status: outcome.status, body: outcome.body, fresh: outcome.fresh };
  }

  /** Takes back a payment the bank returned (a bounced cheque, an NSF debit): its invoices owe again. Once only. */
  async reverse(paymentId: string, reason: string, user: AuthUser): Promise<ReversalOutcome> {
    const outcome = await this.#orm.em.fork().transactional(async (em) => {
      const payment = await em.findOne(Payment, { id: paymentId });
      if (!payment || !(await mayAccessAccountById(em, user, payment.account.id))) throw new NotFoundError('payment');
      const reversal = await reversePayment(em, paymentId, { reason, at: new Date() });
      if (!reversal.reversed) throw new ConflictError('payment-reversed', 'This payment was reversed already; nothing was changed.');
      const restored = reversal.restored.map((r) => ({ invoiceId: r.invoiceId, amountMinor: r.amountMinor.toString() }));
      await audit(em, {
        actorId: user.id,
        action: 'payment.reversed',
        entity: 'payment',
        entityId: paymentId,
        details: { reason, restored, promisesReopened: reversal.promises.filter((p) => p.reopened).map((p) => p.promiseId) },
      });
      const eventId = await recordAccountChange(em, reversal.accountId, { kind: 'payment-reversed' });
      return { reversed: { paymentId, accountId: reversal.accountId, restored, balance: await openBalance(em, reversal.accountId) }, eventId };
    });
    await this.#accountEvents.deliver([outcome.eventId]);
    return outcome.reversed;
  }
}

export type ReversalOutcome = PaymentReversalView;

/** The account the payment names, by id or reference; one the user may not work on is reported as missing. */
const findAccount = async (em: EntityManager, request: PaymentRequest, user: AuthUser): Promise<IAccount> => {
  const account = request.accountId
    ? await em.findOne(Account, { id: request.accountId })
    : await em.findOne(Account, { externalRef: request.accountRef ?? '' });
  if (!account || !(await mayAccessAccount(em, user, account))) throw new NotFoundError('account');
  return account;
};
