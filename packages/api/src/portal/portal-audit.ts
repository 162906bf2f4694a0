import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.ts';
import type { PortalVisitor } from './portal-visitor.ts';

/**
 * Every portal action goes into the audit log with the contact who took it. A debtor has no user id, so the
 * actor is null and the contact is named in the details, where the audit screen shows it.
 */
export const auditPortal = (em: EntityManager, visitor: PortalVisitor, action: string, details: Record<string, unknown> = {}): Promise<void> =>
  audit(em, {
    actorId: null,
    action: `portal.${action}`,
    entity: 'account',
    entityId: visitor.accountId,
    details: { actor: { kind: 'contact', contactId: visitor.contactId, name: visitor.contactName }, ...details },
  });
