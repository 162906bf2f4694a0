import { describe, expect, it } from '@jest/globals';
import {
  InvalidArmSplitsError,
  armBucket,
  fmix32,
  fnv1a32,
  mulberry32,
  pickArm,
  validateArmSplits,
  type ArmSplit,
} from '../src/index.ts';

const V1 = '11111111-1111-4111-8111-111111111111';
const V2 = '22222222-2222-4222-8222-222222222222';
const V3 = '33333333-3333-4333-8333-333333333333';

const championChallenger: ArmSplit[] = [
  { strategyVersionId: V1, percent: 50, label: 'champion' },
  { strategyVersionId: V2, percent: 30, label: 'challenger' },
  { strategyVersionId: V3, percent: 20 },
];

/** Random v4-looking UUIDs from a seeded generator, like the ids the database hands out. */
const uuids = (count: number, seed: number): string[] => {
  const random = mulberry32(seed);
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return Array.from({ length: count }, () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`);
};

const shares = (ids: readonly string[], splits: readonly ArmSplit[]): number[] => {
  const counts = splits.map(() => 0);
  for (const id of ids) {
    const { index } = pickArm(id, splits);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((c) => (100 * c) / ids.length);
};

describe('the arm hash', () => {
  it('is FNV-1a 32-bit, matching the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('finalises with murmur3 fmix32', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
  });

  // Pinned values: if any of these change, every running experiment would reshuffle its accounts.
  it('gives the same buckets as it always has', () => {
    expect(['', 'a', 'ACC-0001', 'ACC-0002', V1, '00000000-0000-4000-8000-000000000000'].map(armBucket)).toEqual([
      23, 15, 23, 93, 6, 55,
    ]);
  });
});

describe('pickArm', () => {
  it('puts the same account in the same arm every time, whatever the copy of the split', () => {
    for (const id of uuids(500, 7)) {
      const first = pickArm(id, championChallenger);
      const again = pickArm(id, championChallenger.map((s) => ({ ...s })));
      expect(again.index).toBe(first.index);
      expect(again.bucket).toBe(first.bucket);
      expect(again.arm.strategyVersionId).toBe(first.arm.strategyVersionId);
    }
  });

  it('decides by bucket: the arms cover consecutive bucket ranges in list order', () => {
    for (const id of uuids(2_000, 3)) {
      const { index, bucket } = pickArm(id, championChallenger);
      expect(index).toBe(bucket < 50 ? 0 : bucket < 80 ? 1 : 2);
    }
  });

  it('splits 10,000 random ids within 2 percentage points of the percents', () => {
    const got = shares(uuids(10_000, 42), championChallenger);
    expect(Math.abs((got[0] ?? 0) - 50)).toBeLessThan(2);
    expect(Math.abs((got[1] ?? 0) - 30)).toBeLessThan(2);
    expect(Math.abs((got[2] ?? 0) - 20)).toBeLessThan(2);
  });

  it('splits 10,000 sequential references evenly too', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `ACC-${String(i).padStart(6, '0')}`);
    const got = shares(ids, [
      { strategyVersionId: V1, percent: 90 },
      { strategyVersionId: V2, percent: 10 },
    ]);
    expect(Math.abs((got[1] ?? 0) - 10)).toBeLessThan(1.5);
    const buckets = new Array<number>(100).fill(0);
    for (const id of ids) buckets[armBucket(id)] = (buckets[armBucket(id)] ?? 0) + 1;
    // Mean 100 per bucket, standard deviation about 10: every bucket is used and none is crowded.
    expect(Math.min(...buckets)).toBeGreaterThan(60);
    expect(Math.max(...buckets)).toBeLessThan(140);
  });

  it('sends everyone to a single arm of 100 percent', () => {
    for (const id of uuids(100, 9)) expect(pickArm(id, [{ strategyVersionId: V1, percent: 100 }]).index).toBe(0);
  });

  it('moves only accounts of the last arm when an arm is appended with percent taken from it', () => {
    const before: ArmSplit[] = [
      { strategyVersionId: V1, percent: 60 },
      { strategyVersionId: V2, percent: 40 },
    ];
    const after: ArmSplit[] = [
      { strategyVersionId: V1, percent: 60 },
      { strategyVersionId: V2, percent: 25 },
      { strategyVersionId: V3, percent: 15 },
    ];
    for (const id of uuids(2_000, 11)) {
      const was = pickArm(id, before).index;
      const now = pickArm(id, after).index;
      if (was === 0) expect(now).toBe(0);
      else expect(now).not.toBe(0);
    }
  });

  it('refuses an invalid split rather than guessing an arm', () => {
    expect(() => pickArm('x', [{ strategyVersionId: V1, percent: 90 }])).toThrow(InvalidArmSplitsError);
    expect(() => pickArm('x', [])).toThrow(/1 to 5 arms, not 0/);
  });
});

describe('validateArmSplits', () => {
  it('accepts a valid champion/challenger split', () => {
    expect(validateArmSplits(championChallenger)).toEqual([]);
  });

  it('names the arm whose percent is out of range or not whole', () => {
    const problems = validateArmSplits([
      { strategyVersionId: V1, percent: 0, label: 'champion' },
      { strategyVersionId: V2, percent: 99.5 },
      { strategyVersionId: V3, percent: 101 },
    ]);
    expect(problems).toEqual([
      { arm: 0, field: 'percent', message: 'Arm 1 ("champion"): the percent must be from 1 to 100, not 0.' },
      { arm: 1, field: 'percent', message: 'Arm 2: the percent must be a whole number, not 99.5.' },
      { arm: 2, field: 'percent', message: 'Arm 3: the percent must be from 1 to 100, not 101.' },
    ]);
  });

  it('says what the percents add up to when it is not 100', () => {
    expect(
      validateArmSplits([
        { strategyVersionId: V1, percent: 50 },
        { strategyVersionId: V2, percent: 40 },
      ]),
    ).toEqual([{ arm: null, field: 'percent', message: 'The percents add up to 90; they must add up to exactly 100.' }]);
  });

  it('names the arm that repeats a strategy version and the arm that has it first', () => {
    const problems = validateArmSplits([
      { strategyVersionId: V1, percent: 50, label: 'champion' },
      { strategyVersionId: V1, percent: 50, label: 'challenger' },
    ]);
    expect(problems).toEqual([
      {
        arm: 1,
        field: 'strategyVersionId',
        message: `Arm 2 ("challenger"): strategy version ${V1} is already in Arm 1 ("champion"); each version can be in one arm only.`,
      },
    ]);
  });

  it('refuses no arms, more than five arms, and repeated or blank labels', () => {
    expect(validateArmSplits([])).toEqual([{ arm: null, field: null, message: 'A split needs 1 to 5 arms, not 0.' }]);
    const six = Array.from({ length: 6 }, (_, i) => ({
      strategyVersionId: `v${i}`,
      percent: i === 0 ? 50 : 10,
    }));
    expect(validateArmSplits(six)).toEqual([{ arm: null, field: null, message: 'A split needs 1 to 5 arms, not 6.' }]);
    expect(
      validateArmSplits([
        { strategyVersionId: V1, percent: 50, label: 'a' },
        { strategyVersionId: V2, percent: 25, label: 'a' },
        { strategyVersionId: V3, percent: 25, label: ' ' },
      ]).map((p) => [p.arm, p.field, p.message]),
    ).toEqual([
      [1, 'label', 'Arm 2 ("a"): the label is already used by Arm 1; reports tell arms apart by label.'],
      [2, 'label', 'Arm 3 (" "): the label must not be blank.'],
    ]);
  });
});
