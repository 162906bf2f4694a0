import { DomainError } from '../errors.ts';
import { ARM_BUCKETS, armBucket } from './arm-hash.ts';

// Champion/challenger: the accounts of one segment are split between strategy versions by fixed percentages.
// The arm follows from a hash of the account id alone, so an account always lands in the same arm (a restart or a
// second import cannot move it), and no table of who-got-what is needed to decide it again.

export const MIN_ARMS = 1;
export const MAX_ARMS = 5;
export const MAX_ARM_LABEL_LENGTH = 64;

export interface ArmSplit {
  strategyVersionId: string;
  /** Whole percent of the segment's accounts, 1 to 100; the arms of a split add up to exactly 100. */
  percent: number;
  /** A name for reports, e.g. "champion"; unique within the split when given. */
  label?: string | undefined;
}

export type ArmSplitField = 'strategyVersionId' | 'percent' | 'label';

export interface ArmSplitProblem {
  /** Index of the arm (0-based) the problem is about, or null when it is about the split as a whole. */
  arm: number | null;
  field: ArmSplitField | null;
  message: string;
}

export class InvalidArmSplitsError extends DomainError {
  readonly problems: readonly ArmSplitProblem[];

  constructor(problems: readonly ArmSplitProblem[]) {
    super('arm-splits-invalid', `The split is not valid: ${problems.map((p) => p.message).join(' ')}`);
    this.problems = problems;
  }
}

export interface PickedArm {
  arm: ArmSplit;
  /** Position of the arm in the split. */
  index: number;
  /** The account's bucket from 0 to 99. */
  bucket: number;
}

/** "Arm 2" or "Arm 2 ("challenger")": the position people see, 1-based, with the label when there is one. */
export function armName(index: number, split: ArmSplit | undefined): string {
  const label = split?.label;
  return label === undefined || label === '' ? `Arm ${index + 1}` : `Arm ${index + 1} ("${label}")`;
}

function percentProblem(percent: number): string | null {
  if (!Number.isInteger(percent)) return `the percent must be a whole number, not ${String(percent)}`;
  if (percent < 1 || percent > 100) return `the percent must be from 1 to 100, not ${percent}`;
  return null;
}

function labelProblem(label: string | undefined): string | null {
  if (label === undefined) return null;
  if (label.trim() === '') return 'the label must not be blank';
  if (label.length > MAX_ARM_LABEL_LENGTH) return `the label must be at most ${MAX_ARM_LABEL_LENGTH} characters`;
  return null;
}

/** Every problem of a split at once, each naming its arm; empty when the split is usable. */
export function validateArmSplits(splits: readonly ArmSplit[]): ArmSplitProblem[] {
  const problems: ArmSplitProblem[] = [];
  if (splits.length < MIN_ARMS || splits.length > MAX_ARMS) {
    problems.push({
      arm: null,
      field: null,
      message: `A split needs ${MIN_ARMS} to ${MAX_ARMS} arms, not ${splits.length}.`,
    });
  }
  const versions = new Map<string, number>();
  const labels = new Map<string, number>();
  let total = 0;
  let percentsValid = true;
  splits.forEach((split, index) => {
    const name = armName(index, split);
    const percent = percentProblem(split.percent);
    if (percent) {
      percentsValid = false;
      problems.push({ arm: index, field: 'percent', message: `${name}: ${percent}.` });
    } else {
      total += split.percent;
    }
    if (split.strategyVersionId === '') {
      problems.push({ arm: index, field: 'strategyVersionId', message: `${name}: the strategy version is missing.` });
    } else {
      const first = versions.get(split.strategyVersionId);
      if (first === undefined) {
        versions.set(split.strategyVersionId, index);
      } else {
        problems.push({
          arm: index,
          field: 'strategyVersionId',
          message: `${name}: strategy version ${split.strategyVersionId} is already in ${armName(first, splits[first])}; each version can be in one arm only.`,
        });
      }
    }
    const label = labelProblem(split.label);
    if (label) {
      problems.push({ arm: index, field: 'label', message: `${name}: ${label}.` });
    } else if (split.label !== undefined) {
      const first = labels.get(split.label);
      if (first === undefined) {
        labels.set(split.label, index);
      } else {
        problems.push({
          arm: index,
          field: 'label',
          message: `${name}: the label is already used by Arm ${first + 1}; reports tell arms apart by label.`,
        });
      }
    }
  });
  // A sum over percents that are themselves wrong would only repeat those problems in other words.
  if (percentsValid && splits.length > 0 && total !== ARM_BUCKETS) {
    problems.push({
      arm: null,
      field: 'percent',
      message: `The percents add up to ${total}; they must add up to exactly ${ARM_BUCKETS}.`,
    });
  }
  return problems;
}

/** Throws InvalidArmSplitsError listing every problem, unless the split is usable. */
export function assertArmSplits(splits: readonly ArmSplit[]): void {
  const problems = validateArmSplits(splits);
  if (problems.length > 0) throw new InvalidArmSplitsError(problems);
}

/**
 * The arm of an account: its bucket (0..99, from a stable hash of the id) falls into the arms' percents laid end
 * to end in list order. A new arm appended with percent taken from the last arm moves only accounts of that last
 * arm; reordering arms moves accounts between arms.
 */
export function pickArm(accountId: string, splits: readonly ArmSplit[]): PickedArm {
  assertArmSplits(splits);
  const bucket = armBucket(accountId);
  let upper = 0;
  for (let index = 0; index < splits.length; index++) {
    const arm = splits[index];
    if (!arm) break;
    upper += arm.percent;
    if (bucket < upper) return { arm, index, bucket };
  }
  // Unreachable for a valid split (the percents reach 100); kept so a broken invariant fails loudly.
  throw new InvalidArmSplitsError([{ arm: null, field: 'percent', message: `No arm covers bucket ${bucket}.` }]);
}
