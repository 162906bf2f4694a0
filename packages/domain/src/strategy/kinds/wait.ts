import { EngineError } from '../engine-errors.ts';
import type { AccountSnapshot } from '../engine-types.ts';
import { waitDataSchema } from '../schema-parts.ts';
import { DAY_MS, decide, emit, follow, HOUR_MS, MINUTE_MS, nameOf, nodeOf, type NodeRef, type StepContext } from '../step-context.ts';
import { defineKind, NEXT, type KindNode } from './kind.ts';

type WaitNode = KindNode<'wait', typeof waitDataSchema>;

/** When a wait ends, in epoch ms; null when it cannot be known yet (a due-offset wait with nothing open). */
export function waitUntil(node: WaitNode, account: AccountSnapshot, now: number): number | null {
  const data = node.data;
  switch (data.mode) {
    case 'duration':
      return now + data.days * DAY_MS + data.hours * HOUR_MS + data.minutes * MINUTE_MS;
    case 'due-offset': {
      if (account.oldestDueAt === null) return null;
      const due = Date.parse(account.oldestDueAt);
      if (Number.isNaN(due)) {
        throw new EngineError('engine-invalid-account', `Oldest due date "${account.oldestDueAt}" is not a date.`);
      }
      // Whole days of UTC milliseconds, so the wait ends at the due date's time of day.
      return due + data.offsetDays * DAY_MS;
    }
  }
}


/**
 * Catch-up: from a due-offset wait whose moment has passed, look along the 'next' chain through reminders and
 * due-offset waits only. The last of those waits that has also passed is where the account really is, so the
 * reminders and waits before it are skipped rather than all sent at once.
 */
export function catchUpTarget(ctx: StepContext, from: WaitNode): string | undefined {
  const seen = new Set<string>([from.id]);
  const skipped: NodeRef[] = [];
  let pending: NodeRef[] = [];
  let target: WaitNode | undefined;
  let current = nodeOf(ctx, follow(ctx, from, 'next'));
  while (!seen.has(current.id)) {
    seen.add(current.id);
    if (current.type === 'reminder') {
      pending.push(current);
    } else if (current.type === 'wait' && current.data.mode === 'due-offset') {
      const until = waitUntil(current, ctx.state.account, ctx.now);
      if (until === null || until > ctx.now) break;
      skipped.push(...(target ? [target] : []), ...pending);
      pending = [];
      target = current;
    } else {
      break;
    }
    current = nodeOf(ctx, follow(ctx, current, 'next'));
  }
  if (!target) return undefined;
  for (const node of skipped) {
    decide(ctx, node.id, 'skipped', `Skipped ${nameOf(node)}: the account is already past that stage.`);
  }
  return target.id;
}

/** Where to go once a wait is over. */
export function passWait(ctx: StepContext, node: WaitNode): string {
  if (node.data.mode === 'due-offset') {
    const target = catchUpTarget(ctx, node);
    if (target !== undefined) return target;
  }
  return follow(ctx, node, 'next');
}

/** Sets up the wait at the current node (entered or recomputed); returns the next node when it is already over. */
export function settleWait(ctx: StepContext, node: WaitNode): string | undefined {
  const until = waitUntil(node, ctx.state.account, ctx.now);
  if (until === null) {
    ctx.state.awaiting = { kind: 'nothing' };
    decide(ctx, node.id, 'wait', `${nameOf(node)} waits for an open due date; nothing is due yet.`);
    return undefined;
  }
  const untilIso = new Date(until).toISOString();
  if (until <= ctx.now) {
    decide(ctx, node.id, 'wait', `${nameOf(node)} was already over (${untilIso}); continuing at once.`);
    return passWait(ctx, node);
  }
  ctx.state.awaiting = { kind: 'timer', until: untilIso };
  emit(ctx, 'wait-until', node.id, { until: untilIso });
  decide(ctx, node.id, 'wait', `${nameOf(node)} waits until ${untilIso}.`);
  return undefined;
}


export const waitKind = defineKind({
  kind: 'wait',
  title: 'Wait',
  schema: waitDataSchema,
  exits: NEXT,
  runs: { enter: (ctx, node) => settleWait(ctx, node), timerOver: passWait },
  // A due-offset wait lets every later pass through at once; only a positive duration surely takes time.
  pausesLoops: (data) => data === undefined || (data.mode === 'duration' && data.days + data.hours + data.minutes > 0),
});
