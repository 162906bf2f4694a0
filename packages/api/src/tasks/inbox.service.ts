import type { MikroORM } from '@mikro-orm/postgresql';
import { loadAccountPredictions, type AccountPredictionView } from '@recoup/db';
import { compareByPriority, daysPastDue, describeReason, describeRecentPayments, taskPriority } from '@recoup/domain';
import type { InboxItem, InboxPage, InboxQuery } from '@recoup/contracts';
import type { AuthUser } from '../auth/current-user.ts';
import { inboxSegments, loadInboxRows, type InboxRow } from './inbox-rows.ts';

/** A collector's worklist: their own tasks, or the unassigned ones they may claim, most urgent first. */
export class InboxService {
  readonly #orm: MikroORM;
  readonly #now: () => Date;

  constructor(orm: MikroORM, now: () => Date = () => new Date()) {
    this.#orm = orm;
    this.#now = now;
  }

  async list(user: AuthUser, query: InboxQuery): Promise<InboxPage> {
    const now = this.#now();
    const em = this.#orm.em.fork();
    const rows = await loadInboxRows(em, user, query, now);
    const predictions = await loadAccountPredictions(em, [...new Set(rows.map((row) => row.account_id))]);
    // Raw rows carry timestamps as the driver hands them (text or Date); the item holds them as ISO strings.
    const ranked = rows.map((row) => {
      const item = toInboxItem(row, predictions.get(row.account_id), query.scope === 'claimable', now);
      return { item, key: { score: item.ranking.score, dueAt: new Date(item.dueAt), id: item.id } };
    });
    const byDue = (a: InboxItem, b: InboxItem) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || b.ranking.score - a.ranking.score;
    ranked.sort((a, b) =>
      query.sort === 'due'
        ? byDue(a.item, b.item)
        : compareByPriority(a.key, b.key),
    );
    return {
      items: ranked.slice(query.offset, query.offset + query.limit).map((r) => r.item),
      total: ranked.length,
      limit: query.limit,
      offset: query.offset,
      segments: await inboxSegments(em, user),
    };
  }
}

/** Why the account's risk is what it is: its recent payments, else the strongest reason of its largest invoice. */
function riskReason(predicted: AccountPredictionView): string | null {
  if (predicted.recent) return describeRecentPayments(predicted.recent);
  const [first] = predicted.reasons;
  return first ? describeReason(first) : predicted.confidence === 'low' ? 'no payment history yet' : null;
}

function toInboxItem(row: InboxRow, predicted: AccountPredictionView | undefined, claimable: boolean, now: Date): InboxItem {
  const dueAt = new Date(row.due_at);
  // The payment model's risk, learned from the ledger, ranks before a score the import copied in.
  const riskScore = predicted?.riskScore ?? row.risk_score;
  const { score, parts } = taskPriority({
    overdueMinor: BigInt(row.overdue_minor),
    currency: row.currency,
    daysPastDue: row.oldest_due ? daysPastDue(row.oldest_due, now, row.time_zone) : 0,
    riskScore,
    strategyPriority: row.priority,
    dueAt,
    now,
  });
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    key: row.key,
    workflowId: row.workflow_id,
    nodeId: row.node_id,
    taskType: row.task_type,
    title: row.title,
    status: row.status,
    assigneeId: row.assignee_id,
    outcomes: [...row.outcomes],
    outcome: row.outcome,
    note: row.note,
    dueAt: dueAt.toISOString(),
    priority: row.priority,
    createdAt: new Date(row.created_at).toISOString(),
    completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
    completedBy: row.completed_by,
    account: { id: row.account_id, name: row.account_name, externalRef: row.external_ref, segment: row.segment, timeZone: row.time_zone },
    ranking: {
      score,
      parts: {
        overdue: { amount: { amountMinor: parts.overdue.amountMinor, currency: parts.overdue.currency }, points: parts.overdue.points },
        age: parts.age,
        taskOverdue: parts.taskOverdue,
        risk: {
          ...parts.risk,
          source: predicted ? 'predicted' : row.risk_score === null ? null : 'imported',
          lateProbability: predicted?.lateProbability ?? null,
          reason: predicted ? riskReason(predicted) : null,
          confidence: predicted?.confidence ?? null,
        },
        strategy: parts.strategy,
      },
    },
    claimable,
  };
}
