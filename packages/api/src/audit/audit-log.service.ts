import type { FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import { AppUser, AuditLog, verifyAuditChain, type IAuditLog } from '@recoup/db';
import { SYSTEM_ACTOR, type AuditEntryView, type AuditListQuery, type AuditListResponse, type AuditVerification } from '@recoup/contracts';
import type { AuthUser } from '../auth/current-user.ts';
import { prefixPattern } from '../shared/like-pattern.ts';
import { audit } from './audit.ts';

type Actor = AuditEntryView['actor'];

/** Reading the hash-chained audit log, and checking that no entry in it was changed, removed or slipped in. */
export class AuditLogService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  /** One page, newest first, by keyset on the id: an entry appended meanwhile never shifts the pages behind it. */
  async list(query: AuditListQuery): Promise<AuditListResponse> {
    const em = this.#orm.em.fork();
    const conditions: FilterQuery<IAuditLog>[] = [];
    if (query.actorId === SYSTEM_ACTOR) conditions.push({ actorId: null });
    else if (query.actorId !== undefined) conditions.push({ actorId: query.actorId });
    if (query.action !== undefined) conditions.push({ action: { $like: prefixPattern(query.action) } });
    if (query.entity !== undefined) conditions.push({ entity: query.entity });
    if (query.entityId !== undefined) conditions.push({ entityId: query.entityId });
    if (query.from !== undefined) conditions.push({ at: { $gte: new Date(query.from) } });
    if (query.to !== undefined) conditions.push({ at: { $lt: new Date(query.to) } });
    if (query.before !== undefined) conditions.push({ id: { $lt: query.before } });

    // One more than the page: whether it exists says if there is an older page, without counting the whole log.
    const rows = await em.find(AuditLog, conditions.length > 0 ? { $and: conditions } : {}, { orderBy: { id: 'desc' }, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const actorIds = [...new Set(page.map((row) => row.actorId).filter((id): id is string => typeof id === 'string'))];
    const users = actorIds.length > 0 ? await em.find(AppUser, { id: { $in: actorIds } }, { fields: ['id', 'name', 'email'] }) : [];
    const byId = new Map(users.map((user) => [user.id, user]));
    const actorOf = (id: string | null | undefined): Actor => {
      if (typeof id !== 'string') return null;
      const user = byId.get(id);
      return { id, name: user?.name ?? null, email: user?.email ?? null };
    };

    return {
      items: page.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actor: actorOf(row.actorId),
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        details: row.details,
        prevHash: row.prevHash ?? null,
        hash: row.hash,
      })),
      nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  /** Walks the whole chain in id order, in bounded batches, and records who checked it and what was found. */
  async verify(user: AuthUser): Promise<AuditVerification> {
    const result = await verifyAuditChain(this.#orm.em.fork());
    const verification: AuditVerification = result.ok
      ? { verified: result.count, firstBroken: null }
      : { verified: result.count, firstBroken: { id: result.brokenAtId, at: result.brokenAt.toISOString(), reason: result.reason } };
    await audit(this.#orm.em.fork(), { actorId: user.id, action: 'audit.chain-verified', entity: 'audit_log', entityId: 'chain', details: verification });
    return verification;
  }
}
