import { describe, expect, it } from '@jest/globals';
import { compareByPriority, taskPriority, type TaskPriorityInput } from '../src/index.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

const base: TaskPriorityInput = {
  overdueMinor: 0n,
  currency: 'EUR',
  daysPastDue: 0,
  riskScore: null,
  strategyPriority: 'normal',
  dueAt: new Date('2026-03-11T12:00:00Z'),
  now: NOW,
};

const score = (input: Partial<TaskPriorityInput>) => taskPriority({ ...base, ...input }).score;

describe('task priority', () => {
  it('gives a task with nothing overdue, not yet due, no risk score and normal priority no points', () => {
    expect(taskPriority(base)).toEqual({
      score: 0,
      parts: {
        overdue: { amountMinor: '0', currency: 'EUR', points: 0 },
        age: { daysPastDue: 0, points: 0 },
        taskOverdue: { hours: 0, points: 0 },
        risk: { score: null, points: 0 },
        strategy: { priority: 'normal', points: 0 },
      },
    });
  });

  it('ranks a larger overdue amount higher, by tenfolds rather than linearly', () => {
    const hundred = score({ overdueMinor: 10_000n });
    const thousand = score({ overdueMinor: 100_000n });
    const tenThousand = score({ overdueMinor: 1_000_000n });
    expect(hundred).toBeLessThan(thousand);
    expect(thousand).toBeLessThan(tenThousand);
    expect(tenThousand - thousand).toBe(thousand - hundred);
  });

  it('reads the amount in the currency’s own minor units', () => {
    // 1,000 yen (no minor unit) weighs like 1,000 euros (100,000 cents).
    expect(score({ overdueMinor: 1_000n, currency: 'JPY' })).toBe(score({ overdueMinor: 100_000n, currency: 'EUR' }));
  });

  it('counts days past due up to 90, and a negative figure as none', () => {
    expect(taskPriority({ ...base, daysPastDue: 45 }).parts.age).toEqual({ daysPastDue: 45, points: 13 });
    expect(score({ daysPastDue: 90 })).toBe(25);
    expect(score({ daysPastDue: 400 })).toBe(25);
    expect(taskPriority({ ...base, daysPastDue: -5 }).parts.age).toEqual({ daysPastDue: 0, points: 0 });
  });

  it('raises a task past its own due time, more the longer it waits, up to a cap', () => {
    const dueAt = new Date('2026-03-10T12:00:00Z');
    expect(taskPriority({ ...base, dueAt, now: new Date('2026-03-10T12:00:00Z') }).parts.taskOverdue).toEqual({ hours: 0, points: 0 });
    expect(taskPriority({ ...base, dueAt, now: new Date('2026-03-10T13:00:00Z') }).parts.taskOverdue).toEqual({ hours: 1, points: 4 });
    expect(taskPriority({ ...base, dueAt, now: new Date('2026-03-11T12:00:00Z') }).parts.taskOverdue).toEqual({ hours: 24, points: 6 });
    expect(taskPriority({ ...base, dueAt, now: new Date('2026-03-20T12:00:00Z') }).parts.taskOverdue.points).toBe(10);
  });

  it('weighs the risk score up to 20 points, and an unknown one as none', () => {
    expect(taskPriority({ ...base, riskScore: 720 }).parts.risk).toEqual({ score: 720, points: 14 });
    expect(score({ riskScore: 1000 })).toBe(20);
    expect(score({ riskScore: 5000 })).toBe(20);
  });

  it('lets the strategy push a task up or down, never below zero', () => {
    expect(score({ strategyPriority: 'urgent' })).toBe(20);
    expect(score({ strategyPriority: 'high' })).toBe(10);
    expect(score({ strategyPriority: 'low' })).toBe(0);
    expect(score({ strategyPriority: 'low', daysPastDue: 90 })).toBe(15);
  });

  it('adds the parts up into the score', () => {
    const result = taskPriority({
      overdueMinor: 125_000n,
      currency: 'EUR',
      daysPastDue: 38,
      riskScore: 720,
      strategyPriority: 'high',
      dueAt: new Date('2026-03-09T12:00:00Z'),
      now: NOW,
    });
    const { overdue, age, taskOverdue, risk, strategy } = result.parts;
    expect(result.score).toBe(overdue.points + age.points + taskOverdue.points + risk.points + strategy.points);
    expect(result.parts.overdue).toEqual({ amountMinor: '125000', currency: 'EUR', points: 22 });
  });

  it('orders most urgent first, then the task due earliest, then by id', () => {
    const early = new Date('2026-03-01T00:00:00Z');
    const late = new Date('2026-03-02T00:00:00Z');
    const tasks = [
      { id: 'c', score: 10, dueAt: late },
      { id: 'b', score: 10, dueAt: early },
      { id: 'a', score: 10, dueAt: early },
      { id: 'd', score: 30, dueAt: late },
    ];
    expect([...tasks].sort(compareByPriority).map((t) => t.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});
