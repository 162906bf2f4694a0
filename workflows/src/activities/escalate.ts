import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Account, AppUser, CollectorTask, Escalation } from '@recoup/db';
import type { EscalateInput, EscalateResult } from './activity-types.ts';
import { pickAssignee } from './assign-collector.ts';
import type { ActivityDeps } from './deps.ts';
import { deliverOnce } from './deliver-once.ts';

const ACTION_TITLES: Record<string, string> = {
  'notify-manager': 'Escalation: manager informed',
  'manager-review': 'Escalation: review the account',
  'legal-review': 'Escalation: legal review',
  'agency-handover': 'Escalation: hand over to a collection agency',
};

/**
 * Records an escalation once per key, gives a manager a review task and e-mails every active manager.
 * Each part has its own key derived from the escalation's, so a retry completes what a crash left undone.
 */
export async function escalate(deps: ActivityDeps, input: EscalateInput): Promise<EscalateResult> {
  const em = deps.orm.em.fork();
  let escalation = await em.findOne(Escalation, { key: input.key });
  if (!escalation) {
    try {
      escalation = em.create(Escalation, {
        account: input.accountId,
        key: input.key,
        level: input.level,
        action: input.action,
        workflowId: input.workflowId,
        nodeId: input.nodeId,
      });
      await em.flush();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      escalation = await em.fork().findOneOrFail(Escalation, { key: input.key });
    }
  }

  const reviewKey = `${input.key}/review`;
  const account = await em.findOneOrFail(Account, { id: input.accountId });
  let review = await em.findOne(CollectorTask, { key: reviewKey });
  if (!review && input.action !== 'notify-manager') {
    const managerId = await pickAssignee(em, 'manager', 'least-loaded');
    try {
      review = em.create(CollectorTask, {
        account: input.accountId,
        key: reviewKey,
        workflowId: input.workflowId,
        nodeId: input.nodeId,
        taskType: 'escalation',
        title: `${ACTION_TITLES[input.action] ?? `Escalation: ${input.action}`} (level ${input.level}) — ${account.name}`,
        status: 'open',
        assignee: managerId ? em.getReference(AppUser, managerId) : null,
        outcomes: ['reviewed'],
        outcome: null,
        note: null,
        dueAt: new Date((deps.now?.() ?? new Date()).getTime() + 2 * 86_400_000),
        completedAt: null,
        completedBy: null,
      });
      await em.flush();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      review = await em.fork().findOneOrFail(CollectorTask, { key: reviewKey });
    }
  }

  const managers = await em.find(AppUser, { role: 'manager', active: true }, { orderBy: { email: 'asc' } });
  for (const manager of managers) {
    await deliverOnce(deps, {
      key: `${input.key}/notify/${manager.id}`,
      accountId: input.accountId,
      workflowId: input.workflowId,
      nodeId: input.nodeId,
      template: 'escalation-manager',
      channel: 'email',
      recipient: { kind: 'email', address: manager.email, name: manager.name },
      toAddress: manager.email,
      recipientName: manager.name,
      optOutToken: null,
      contactId: null,
    });
  }
  return { escalationId: escalation.id, reviewTaskId: review?.id ?? null, managersNotified: managers.length };
}
