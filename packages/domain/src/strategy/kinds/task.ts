import { z } from 'zod';
import { TASK_PRIORITIES } from '../../tasks/task-priority.ts';
import { ASSIGNMENT_POLICIES, handleName, TASK_TYPES } from '../schema-parts.ts';
import { defineKind, distinct, NEXT } from './kind.ts';
import { emit, HOUR_MS } from '../step-context.ts';

const schema = z.object({
  taskType: z.enum(TASK_TYPES),
  title: z.string().min(1).max(200),
  assignment: z.enum(ASSIGNMENT_POLICIES),
  /** Outcome names; each becomes an outgoing edge handle (when the run waits for the outcome). */
  outcomes: z.array(handleName).min(1),
  dueInHours: z.number().int().min(1).max(24 * 30).default(24),
  /**
   * true: the run waits at the task for its outcome. false: the run goes on at once along 'next', and a later
   * wait-for-event node can wake on the outcome.
   */
  awaitOutcome: z.boolean().default(true),
  /**
   * How urgent the collector's inbox ranks the task, beside the account's own figures. Optional rather than
   * defaulted, so graphs published before it existed keep their checksums; absent means 'normal'.
   */
  priority: z.enum(TASK_PRIORITIES).optional(),
});

/** Whether the run waits at the task for its outcome; histories from before the setting existed always waited. */
export const taskAwaitsOutcome = (data: { awaitOutcome?: boolean | undefined }): boolean => data.awaitOutcome !== false;

export const taskKind = defineKind({
  kind: 'task',
  title: 'Collector task',
  schema,
  // One exit per outcome while the run waits for it; otherwise the run goes on along 'next'.
  exits: (data) => (taskAwaitsOutcome(data) ? distinct(data.outcomes ?? []).map((handle) => ({ handle, role: 'outcome' as const })) : [...NEXT]),
  runs: {
    // A call reaches the debtor; a review does not.
    contacts: (data) => data.taskType === 'call',
    act: (ctx, node, key) => {
      const waits = taskAwaitsOutcome(node.data);
      ctx.state.awaiting = waits ? { kind: 'task-outcome', taskKey: key } : { kind: 'action' };
      emit(
        ctx,
        'create-task',
        node.id,
        {
          taskType: node.data.taskType,
          title: node.data.title,
          assignment: node.data.assignment,
          outcomes: [...node.data.outcomes],
          dueAt: new Date(ctx.now + node.data.dueInHours * HOUR_MS).toISOString(),
          ...(node.data.priority ? { priority: node.data.priority } : {}),
        },
        key,
      );
      return undefined;
    },
  },
});
