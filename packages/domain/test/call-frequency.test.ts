import { describe, expect, it } from '@jest/globals';
import { checkCallFrequency } from '../src/index.ts';

const at = (iso: string) => new Date(iso);
const attemptsOn = (...days: number[]) => days.map((d) => at(`2026-03-${String(d).padStart(2, '0')}T10:00:00Z`));

describe('call frequency (7 calls in 7 days, none within 7 days after a conversation)', () => {
  it('allows a seventh call within seven days', () => {
    expect(checkCallFrequency({ attempts: attemptsOn(1, 2, 3, 4, 5, 6), lastConversationAt: null }, at('2026-03-07T09:00:00Z'))).toEqual({ allowed: true });
  });

  it('refuses an eighth call within seven days and allows it once the oldest leaves the window', () => {
    const history = { attempts: attemptsOn(1, 2, 3, 4, 5, 6, 7), lastConversationAt: null };
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
    const refused = checkCallFrequency({ attempts: attemptsOn(2), lastConversationAt: at('2026-03-02T10:00:00Z') }, at('2026-03-05T10:00:00Z'));
    expect(refused).toMatchObject({ allowed: false, nextAllowedAt: at('2026-03-09T10:00:00Z'), rules: ['quiet-after-conversation'] });
    expect(checkCallFrequency({ attempts: attemptsOn(2), lastConversationAt: at('2026-03-02T10:00:00Z') }, at('2026-03-09T10:00:00Z'))).toEqual({ allowed: true });
  });

  it('waits for the later of the two limits when both apply', () => {
    const history = { attempts: attemptsOn(1, 1, 1, 1, 1, 1, 2), lastConversationAt: at('2026-03-02T10:00:00Z') };
    expect(checkCallFrequency(history, at('2026-03-03T10:00:00Z'))).toMatchObject({
      allowed: false,
      nextAllowedAt: at('2026-03-09T10:00:00Z'),
      rules: ['quiet-after-conversation', 'max-attempts-in-window'],
    });
  });

  it('applies the limits set for a customer type', () => {
    const limits = { maxAttempts: 3, windowDays: 7, quietDaysAfterConversation: 0 };
    expect(checkCallFrequency({ attempts: attemptsOn(1, 2, 3), lastConversationAt: null }, at('2026-03-04T10:00:00Z'), limits)).toMatchObject({ allowed: false });
  });
});
