import { describe, expect, it } from '@jest/globals';
import { checkMigration, migrateState, startState, type AccountSnapshot } from '../src/index.ts';
import { e, end, parsed, reminder, start, task, wait } from './builders.ts';

const account: AccountSnapshot = { balanceMinor: '50000', currency: 'EUR', oldestDueAt: null };
const now = new Date('2026-06-01T10:00:00.000Z');
const v1 = parsed([start(), wait('w', 3), reminder('r'), end()], [e('start', 'w'), e('w', 'r'), e('r', 'end')]);
const atWait = startState(v1, account, now).state;

describe('moving a running account to another strategy version', () => {
  it('keeps the account at the node with the same id and the same wait', () => {
    const v2 = parsed([start(), wait('w', 5), reminder('r2'), end()], [e('start', 'w'), e('w', 'r2'), e('r2', 'end')]);
    const checked = checkMigration(v1, v2, atWait);
    expect(checked).toEqual({ ok: true, nodeId: 'w' });
    const moved = migrateState(atWait, 'w', 'v2', now);
    expect(moved.awaiting).toEqual(atWait.awaiting);
    expect(moved.decisions.at(-1)).toMatchObject({ kind: 'migrated', nodeId: 'w' });
  });

  it('refuses, naming the node, when the current node has no counterpart and no mapping is given', () => {
    const v2 = parsed([start(), wait('pause', 5), end()], [e('start', 'pause'), e('pause', 'end')]);
    const checked = checkMigration(v1, v2, atWait);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(/no counterpart in the new version; give a mapping for node "w"/);
    expect(checkMigration(v1, v2, atWait, { w: 'pause' })).toEqual({ ok: true, nodeId: 'pause' });
  });

  it('refuses a mapping onto a node of another kind', () => {
    const v2 = parsed([start(), reminder('w'), end()], [e('start', 'w'), e('w', 'end')]);
    const checked = checkMigration(v1, v2, atWait);
    expect(checked).toEqual({ ok: false, reason: expect.stringContaining('a wait node, but "w" in the new version is a reminder node') });
  });

  it('refuses when the task the account waits on loses an outcome in the new version', () => {
    const t1 = parsed([start(), task('t', ['paid', 'no-answer']), end('a'), end('b')], [e('start', 't'), e('t', 'a', 'paid'), e('t', 'b', 'no-answer')]);
    const t2 = parsed([start(), task('t', ['paid']), end('a')], [e('start', 't'), e('t', 'a', 'paid')]);
    const atTask = startState(t1, account, now).state;
    const checked = checkMigration(t1, t2, atTask);
    expect(checked).toEqual({ ok: false, reason: expect.stringContaining('"no-answer"') });
  });
});
