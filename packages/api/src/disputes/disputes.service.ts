import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  Account,
  CheckConstraintViolationException,
  CreditNote,
  Dispute,
  DisputeAttachment,
  DisputeItem,
  Invoice,
  type DisputeAttachmentMediaType,
  type IAccount,
  type IDispute,
  type IDisputeAttachment,
  type IInvoice,
} from '@recoup/db';
import type { DisputeList, DisputeView, OpenDisputeRequest, ResolveDisputeRequest } from '@recoup/contracts';
import { recordAccountChange, type AccountEventOutbox } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, NotFoundError } from '../errors.ts';
import { auditPortal } from '../portal/portal-audit.ts';
import type { PortalVisitor } from '../portal/portal-visitor.ts';
import { accessibleAccount } from '../shared/access-scope.ts';
import { collectibleView } from '../shared/collectible-view.ts';
import { attachmentsOf, disputeViewsOf } from './account-disputes.ts';
import { toDisputeView } from './dispute-view.ts';

interface PlannedItem {
  invoice: IInvoice;
  amountMinor: bigint;
}

/** A file to keep with a dispute, checked by its receiver: its type read from its bytes, its size within the limit. */
export interface DisputeAttachmentUpload {
  fileName: string;
  mediaType: DisputeAttachmentMediaType;
  content: Buffer;
}

/** A dispute as it was written, for the audit entry of whoever opened it. */
interface OpenedDispute {
  dispute: IDispute;
  planned: PlannedItem[];
  attachments: IDisputeAttachment[];
}

/** Who opens a dispute: which account they reach, whose user id it records and how it is audited. */
interface DisputeOrigin {
  /** The account, locked for the rest of the transaction; someone else's is reported as missing. */
  account(em: EntityManager): Promise<IAccount>;
  openedBy: string | null;
  audit(em: EntityManager, opened: OpenedDispute): Promise<void>;
}

const itemDetails = (planned: PlannedItem[]) => planned.map((p) => ({ invoice: p.invoice.number, amountMinor: p.amountMinor.toString() }));

export class DisputesService {
  readonly #orm: MikroORM;
  readonly #accountEvents: AccountEventOutbox;

  constructor(orm: MikroORM, accountEvents: AccountEventOutbox) {
    this.#orm = orm;
    this.#accountEvents = accountEvents;
  }

  /**
   * Opens a dispute over some of the account's invoices (each in whole, or a part of it). The disputed amounts stop
   * being collected until the dispute is resolved; the workflow is told (through the account-event outbox) and re-reads the figures.
   */
  async open(accountId: string, input: OpenDisputeRequest, user: AuthUser): Promise<DisputeView> {
    return this.#open(input, [], {
      account: (em) => accessibleAccount(em, user, accountId, { lock: true }),
      openedBy: user.id,
      audit: (em, { dispute, planned }) =>
        audit(em, {
          actorId: user.id,
          action: 'dispute.opened',
          entity: 'dispute',
          entityId: dispute.id,
          details: { accountId: dispute.account.id, reason: input.reason, items: itemDetails(planned) },
        }),
    });
  }

  /**
   * The debtor's own dispute from the portal, with the file they sent (already checked by the upload's reader).
   * The visitor's account is the one their session names, so no user scope applies; the dispute records no user,
   * and the audit entry names the contact. The dispute, its items and the file are written in one transaction.
   */
  async openFromPortal(visitor: PortalVisitor, input: OpenDisputeRequest, attachment: DisputeAttachmentUpload | null): Promise<DisputeView> {
    return this.#open(input, attachment ? [attachment] : [], {
      account: async (em) => {
        const account = await em.findOne(Account, { id: visitor.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!account) throw new NotFoundError('account');
        return account;
      },
      openedBy: null,
      audit: (em, { dispute, planned, attachments }) =>
        auditPortal(em, visitor, 'dispute-opened', {
          disputeId: dispute.id,
          reason: input.reason,
          items: itemDetails(planned),
          attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
        }),
    });
  }

  /**
   * Opens a dispute over some of the account's invoices, the same way whoever asks: the account locked, the items
   * checked (planItems), dispute, items and attachments written and audited, and the workflow told after commit.
   */
  async #open(input: OpenDisputeRequest, uploads: readonly DisputeAttachmentUpload[], origin: DisputeOrigin): Promise<DisputeView> {
    const { view, eventId } = await this.#orm.em.fork().transactional(async (em) => {
      const account = await origin.account(em);
      const planned = await planItems(em, account.id, input);
      const dispute = em.create(Dispute, {
        account,
        reason: input.reason,
        status: 'open',
        openedBy: origin.openedBy,
        resolvedBy: null,
        resolvedAt: null,
        resolutionNote: null,
      });
      const items = planned.map((p) => em.create(DisputeItem, { dispute, invoice: p.invoice, amountMinor: p.amountMinor }));
      const attachments = uploads.map((upload) =>
        em.create(DisputeAttachment, {
          dispute,
          fileName: upload.fileName,
          mediaType: upload.mediaType,
          sizeBytes: upload.content.length,
          sha256: createHash('sha256').update(upload.content).digest('hex'),
          content: upload.content,
        }),
      );
      try {
        await em.flush();
      } catch (error) {
        // The trigger's checks back up planItems' against a concurrent change; its message says what was refused.
        if (error instanceof CheckConstraintViolationException) {
          throw new ConflictError('dispute-refused', `The dispute was refused: ${error.sqlMessage ?? error.message}`);
        }
        throw error;
      }
      await origin.audit(em, { dispute, planned, attachments });
      return { view: toDisputeView(dispute, items, [], attachments), eventId: await recordAccountChange(em, account.id, { kind: 'dispute-opened' }) };
    });
    await this.#accountEvents.deliver([eventId]);
    return view;
  }

  /**
   * One file of a dispute, bytes included, for a user who may work on the dispute's account. Someone else's
   * dispute, and an attachment of another dispute, look missing like one that does not exist.
   */
  async attachment(disputeId: string, attachmentId: string, user: AuthUser): Promise<IDisputeAttachment> {
    const em = this.#orm.em.fork();
    const dispute = await em.findOne(Dispute, { id: disputeId });
    if (!dispute) throw new NotFoundError('dispute');
    await accessibleAccount(em, user, dispute.account.id);
    const attachment = await em.findOne(DisputeAttachment, { id: attachmentId, dispute: dispute.id }, { populate: ['content'] });
    if (!attachment) throw new NotFoundError('attachment');
    return attachment;
  }

  async list(accountId: string, user: AuthUser): Promise<DisputeList> {
    const em = this.#orm.em.fork();
    await accessibleAccount(em, user, accountId);
    return { items: await disputeViewsOf(em, accountId), balance: await collectibleView(em, accountId) };
  }

  /**
   * Closes a dispute. Upheld ('valid'): each disputed amount is credited off its invoice, as far as the invoice is
   * still open. Rejected ('invalid'): the amounts are collectible again. Either way the workflow re-reads the account.
   */
  async resolve(disputeId: string, input: ResolveDisputeRequest, user: AuthUser): Promise<DisputeView> {
    const { view, eventId } = await this.#orm.em.fork().transactional(async (em) => {
      const found = await em.findOne(Dispute, { id: disputeId });
      if (!found) throw new NotFoundError('dispute');
      // Account first, then dispute, then invoices: the order opening a dispute takes them in.
      await accessibleAccount(em, user, found.account.id, { lock: true });
      const dispute = await em.findOneOrFail(Dispute, { id: disputeId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (dispute.status !== 'open') {
        throw new ConflictError('dispute-not-open', `The dispute is already ${dispute.status}.`, { status: dispute.status });
      }
      const items = await em.find(DisputeItem, { dispute: dispute.id }, { populate: ['invoice'], orderBy: { id: 'asc' } });
      const notes = input.resolution === 'valid' ? await creditItems(em, dispute, items, user) : [];
      dispute.status = input.resolution === 'valid' ? 'resolved-valid' : 'resolved-invalid';
      dispute.resolvedBy = user.id;
      dispute.resolvedAt = new Date();
      dispute.resolutionNote = input.note;
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'dispute.resolved',
        entity: 'dispute',
        entityId: dispute.id,
        details: {
          accountId: dispute.account.id,
          resolution: input.resolution,
          note: input.note,
          creditNotes: notes.map((n) => ({ id: n.id, invoiceId: n.invoice.id, amountMinor: n.amountMinor.toString() })),
        },
      });
      const attachments = await attachmentsOf(em, [dispute.id]);
      return { view: toDisputeView(dispute, items, notes, attachments), eventId: await recordAccountChange(em, dispute.account.id, { kind: 'account-changed' }) };
    });
    await this.#accountEvents.deliver([eventId]);
    return view;
  }
}

/** Each requested item checked against its invoice: the account's, open, in its currency, within the open amount. */
async function planItems(em: EntityManager, accountId: string, input: OpenDisputeRequest): Promise<PlannedItem[]> {
  const invoices = await em.find(
    Invoice,
    { id: { $in: input.items.map((i) => i.invoiceId) } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
  const underDispute = new Set(
    (
      await em.find(
        DisputeItem,
        { invoice: { $in: invoices.map((i) => i.id) }, dispute: { status: 'open' } },
        { fields: ['invoice'] },
      )
    ).map((item) => item.invoice.id),
  );
  return input.items.map((item, index) => {
    const field = `items.${index}`;
    const invoice = invoices.find((i) => i.id === item.invoiceId);
    if (!invoice || invoice.account.id !== accountId) {
      throw new BusinessRuleError('dispute-invalid', `${field}.invoiceId is not an invoice of this account.`, {
        fields: [{ in: 'body', path: `${field}.invoiceId`, reason: 'is not an invoice of this account' }],
      });
    }
    if (invoice.status !== 'open' || invoice.openMinor <= 0n) {
      throw new BusinessRuleError('dispute-invalid', `${field}.invoiceId: invoice ${invoice.number} has nothing open to dispute.`, {
        fields: [{ in: 'body', path: `${field}.invoiceId`, reason: `invoice ${invoice.number} is ${invoice.status} with nothing open` }],
      });
    }
    if (underDispute.has(invoice.id)) {
      throw new ConflictError('invoice-already-disputed', `Invoice ${invoice.number} is already under an open dispute.`, {
        fields: [{ in: 'body', path: `${field}.invoiceId`, reason: `invoice ${invoice.number} is already under an open dispute` }],
      });
    }
    const currency = invoice.currency.trim();
    if (item.amount && item.amount.currency !== currency) {
      throw new BusinessRuleError('dispute-invalid', `${field}.amount.currency must be the invoice's currency ${currency}.`, {
        fields: [{ in: 'body', path: `${field}.amount.currency`, reason: `must be ${currency}, the invoice's currency` }],
      });
    }
    const amountMinor = item.amount ? BigInt(item.amount.amountMinor) : invoice.openMinor;
    if (amountMinor > invoice.openMinor) {
      throw new BusinessRuleError(
        'dispute-invalid',
        `${field}.amount.amountMinor ${amountMinor} exceeds the ${invoice.openMinor} open on invoice ${invoice.number}.`,
        { fields: [{ in: 'body', path: `${field}.amount.amountMinor`, reason: `exceeds the ${invoice.openMinor} open on invoice ${invoice.number}` }] },
      );
    }
    return { invoice, amountMinor };
  });
}

/** Credit notes for an upheld dispute: each item's amount, as far as a payment has not already settled it. */
async function creditItems(em: EntityManager, dispute: IDispute, items: { invoice: IInvoice; amountMinor: bigint }[], user: AuthUser) {
  const invoiceIds = items.map((i) => i.invoice.id);
  const invoices = await em.find(
    Invoice,
    { id: { $in: invoiceIds } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
  );
  const notes = [];
  for (const item of items) {
    const invoice = invoices.find((i) => i.id === item.invoice.id);
    if (!invoice || invoice.status === 'cancelled') continue;
    const amountMinor = item.amountMinor < invoice.openMinor ? item.amountMinor : invoice.openMinor;
    if (amountMinor <= 0n) continue;
    notes.push(
      em.create(CreditNote, {
        account: dispute.account,
        invoice,
        amountMinor,
        currency: invoice.currency.trim(),
        reason: `Dispute upheld: ${dispute.reason}`,
        dispute,
        createdBy: user.id,
      }),
    );
  }
  return notes;
}
