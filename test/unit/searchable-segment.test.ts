import { describe, expect, it } from '@jest/globals';
import { searchableSegment } from '../../workflows/src/shared/search-attributes.ts';

// Search attributes are stored unencrypted and readable by anyone who can list workflows: a segment goes there
// only when it is a label, never when it could be a person's name, an address or a number.
describe('which segments the RecoupSegment search attribute may carry', () => {
  it.each(['standard', 'consumer', 'hardship', 'SMB', 'vip.gold', 'retail-eu_2'])('carries the label %s', (segment) => {
    expect(searchableSegment(segment)).toBe(segment);
  });

  it.each([
    ['a name with a space', 'Jane Doe'],
    ['an e-mail address', 'jane.doe@example.test'],
    ['a phone number', '+1 555 0100'],
    ['a bare number', '5550100'],
    ['free text', 'call after 6pm, husband answers'],
    ['a label over 64 characters', `a${'b'.repeat(64)}`],
    ['nothing', ''],
  ])('leaves out %s', (_what, segment) => {
    expect(searchableSegment(segment)).toBeNull();
  });

  it('leaves out a missing segment', () => {
    expect(searchableSegment(null)).toBeNull();
    expect(searchableSegment(undefined)).toBeNull();
  });
});
