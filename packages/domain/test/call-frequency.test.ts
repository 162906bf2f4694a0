import { describe, expect, it } from '@jest/globals';
import { callHistoriesFor, checkCallFrequency, checkCallFrequencyOn } from '../src/index.ts';

const at = (iso: string) => new Date(iso);
const attemptsOn = (...days: number[]) => days.map((d) => at(`2026-03-${String(d).padStart(2, '0')}T10:00:00Z`));

describe('call frequency (7 calls in 7 days, none within 7 days after a conversation)', () => {
  it('allows a seventh call within seven days', () => {
    expect(checkCallFrequency({ attempts: attemptsOn(1, 2, 3, 4, 5, 6), conversations: [] }, at('2026-03-07T09:00:00Z'))).toEqual({ allowed: true });
  });

  it('refuses an eighth call within seven days and allows it once the oldest leaves the window', () => {
    const history = { attempts: attemptsOn(1, 2, 3, 4, 5, 6, 7), conversations: [] };
    const refused = checkCallFrequency(history, at('2026-03-07T12:00:00Z'));
    expect(refused).toEqual({
      allowed: false,
      nextAllowedAt: at('2026-03-08T10:00:00Z'),
      reason: expect.stringContaining('7 calls were placed in the last 7 days, the most allowed is 7'),
      rules: ['max-attempts-in-window'],
    });
    expect(checkCallFrequency(history, at('2026-03-08T10:00:00Z'))).toEqual({ allowed: true });
  });

  it('refuses any call within seven days after a conversation', () => {
    const refused = checkCallFrequency({ attempts: attemptsOn(2), conversations: [at('2026-03-02T10:00:00Z')] }, at('2026-03-05T10:00:00Z'));
    expect(refused).toMatchObject({ allowed: false, nextAllowedAt: at('2026-03-09T10:00:00Z'), rules: ['quiet-after-conversation'] });
    expect(checkCallFrequency({ attempts: attemptsOn(2), conversations: [at('2026-03-02T10:00:00Z')] }, at('2026-03-09T10:00:00Z'))).toEqual({ allowed: true });
  });

  it('waits for the later of the two limits when both apply', () => {
    const history = { attempts: attemptsOn(1, 1, 1, 1, 1, 1, 2), conversations: [at('2026-03-02T10:00:00Z')] };
    expect(checkCallFrequency(history, at('2026-03-03T10:00:00Z'))).toMatchObject({
      allowed: false,
      nextAllowedAt: at('2026-03-09T10:00:00Z'),
      rules: ['quiet-after-conversation', 'max-attempts-in-window'],
    });
  });

  it('applies the limits set for a customer type', () => {
    const limits = { maxAttempts: 3, windowDays: 7, quietDaysAfterConversation: 0 };
    expect(checkCallFrequency({ attempts: attemptsOn(1, 2, 3), conversations: [] }, at('2026-03-04T10:00:00Z'), limits)).toMatchObject({ allowed: false });
  });

  it('refuses a call backdated into a week that later calls already filled', () => {
    // Seven calls on 10..16 March; a call logged for 9 March has only one of them "before" it, but the window
    // 9..15 March would hold eight.
    const history = { attempts: attemptsOn(10, 11, 12, 13, 14, 15, 16), conversations: [] };
    const refused = checkCallFrequency(history, at('2026-03-09T12:00:00Z'));
    expect(refused).toMatchObject({ allowed: false, rules: ['max-attempts-in-window'] });
    expect(refused.allowed ? '' : refused.reason).toContain('around this call');
    // Eight days before the first of them no window holds both.
    expect(checkCallFrequency(history, at('2026-03-03T09:00:00Z'))).toEqual({ allowed: true });
  });

  it('refuses a conversation logged before a call that then came within seven days after it', () => {
    const history = { attempts: attemptsOn(5), conversations: [] };
    expect(checkCallFrequency(history, at('2026-03-03T10:00:00Z'), undefined, true)).toMatchObject({
      allowed: false,
      rules: ['quiet-after-conversation'],
    });
    expect(checkCallFrequency(history, at('2026-03-03T10:00:00Z'), undefined, false)).toEqual({ allowed: true });
  });

  it('counts a call on every debt it was about, and on the whole account when the scope says so', () => {
    const week = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ at: attemptsOn(d)[0] as Date, conversation: false, debts: ['inv-a'] }));
    const debts = [{ id: 'inv-b', label: 'invoice B-2' }];
    const call = { at: at('2026-03-07T12:00:00Z') };
    expect(checkCallFrequencyOn(callHistoriesFor(week, debts, 'debt'), call)).toEqual({ allowed: true });
    expect(checkCallFrequencyOn(callHistoriesFor(week, debts, 'account'), call)).toMatchObject({ allowed: false });
    const both = checkCallFrequencyOn(callHistoriesFor(week, [{ id: 'inv-a', label: 'invoice A-1' }, ...debts], 'debt'), call);
    expect(both.allowed ? '' : both.reason).toContain('for invoice A-1, 7 calls were placed in the last 7 days');
    // Calls logged before calls named their debts count on every debt.
    const legacy = week.map((c) => ({ ...c, debts: [] }));
    expect(checkCallFrequencyOn(callHistoriesFor(legacy, debts, 'debt'), call)).toMatchObject({ allowed: false });
  });
});
