import { z } from 'zod';
import { dateTimeSchema, uuidSchema } from './common.dto.ts';

/** The largest id a PostgreSQL bigserial can hold; a cursor beyond it cannot name a row. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** An audit entry's id (a bigserial), as digits. */
export const auditIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,18}$/, { message: 'must be an audit entry id (a positive whole number)', abort: true })
  .refine((value) => BigInt(value) <= MAX_BIGINT, { message: 'is larger than any audit entry id' });

/** Entries with no user behind them (the worker, an opt-out link, a failed sign-in) are filtered as this actor. */
export const SYSTEM_ACTOR = 'system';

export const AUDIT_PAGE_SIZE_MAX = 200;

const filterText = (max: number) => z.string().trim().min(1, { message: 'must not be blank' }).max(max);

/**
 * The audit log's filters, newest first. `from` is inclusive and `to` exclusive, so that consecutive ranges
 * never count an entry twice. `before` is the keyset cursor: only entries with a smaller id, as the previous page's
 * `nextBefore` gave it.
 */
export const auditListQuerySchema = z
  .object({
    actorId: z.union([uuidSchema, z.literal(SYSTEM_ACTOR)], { message: `must be a user id or "${SYSTEM_ACTOR}"` }).optional(),
    /** The start of the action name: "auth." finds every sign-in entry, "user.created" that action alone. */
    action: filterText(100).optional(),
    entity: filterText(100).optional(),
    entityId: filterText(200).optional(),
    from: dateTimeSchema.optional(),
    to: dateTimeSchema.optional(),
    before: auditIdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(50),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'must be later than from',
  });
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** Null when no user made the change. The name and e-mail are null for an id that is no user any more. */
  actor: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditListResponseSchema = z.object({
  items: z.array(auditEntrySchema),
  /** The cursor of the next (older) page, or null on the last page. */
  nextBefore: z.string().nullable(),
});
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

export const AUDIT_CHAIN_BREAKS = ['hash-mismatch', 'prev-hash-mismatch'] as const;
export type AuditChainBreakReason = (typeof AUDIT_CHAIN_BREAKS)[number];

/** The result of walking the whole chain: how many entries held, and the first that did not. */
export const auditVerificationSchema = z.object({
  verified: z.number().int().min(0),
  firstBroken: z.object({ id: z.string(), at: z.string(), reason: z.enum(AUDIT_CHAIN_BREAKS) }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
