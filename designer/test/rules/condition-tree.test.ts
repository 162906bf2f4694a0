import { describe, expect, it } from '@jest/globals';
import type { RuleCondition } from '@recoup/domain';
import {
  appendChild,
  ConditionPathError,
  enclosingGroupPath,
  factsUsed,
  getAt,
  numberOf,
  removeAt,
  replaceAt,
  setGroupKind,
  unwrapNot,
  wrapInGroup,
  wrapInNot,
} from '../../src/strategies/rules/condition-tree.ts';
import { nodeName } from '../../src/strategies/rules/node-names.ts';

const dpd = { fact: 'daysPastDue', operator: 'greaterThan', value: 30 };
const bucket = { fact: 'currentBucket', operator: 'in', value: ['61-90', '90+'] };
const dispute = { fact: 'disputeOpen', operator: 'equal', value: true };

// all[ dpd, any[ bucket, not(dispute) ] ]
const tree: RuleCondition = { all: [dpd, { any: [bucket, { not: dispute }] }] };

describe('condition tree edits', () => {
  it('reads nodes by path, through groups and nots', () => {
    expect(getAt(tree, [])).toBe(tree);
    expect(getAt(tree, [0])).toBe(dpd);
    expect(getAt(tree, [1, 1, 0])).toBe(dispute);
    expect(getAt(tree, [5])).toBeUndefined();
    expect(getAt(tree, [0, 0])).toBeUndefined();
  });

  it('replaces a node and leaves the input and untouched branches as they were', () => {
    const next = replaceAt(tree, [1, 0], { fact: 'segment', operator: 'equal', value: 'vip' });
    expect(next).toEqual({ all: [dpd, { any: [{ fact: 'segment', operator: 'equal', value: 'vip' }, { not: dispute }] }] });
    expect(tree).toEqual({ all: [dpd, { any: [bucket, { not: dispute }] }] });
    expect(getAt(next, [0])).toBe(dpd);
    expect(getAt(next, [1, 1])).toBe(getAt(tree, [1, 1]));
  });

  it('appends to a group and refuses to append to anything else', () => {
    expect(appendChild(tree, [1], dpd)).toEqual({ all: [dpd, { any: [bucket, { not: dispute }, dpd] }] });
    expect(() => appendChild(tree, [0], dpd)).toThrow(ConditionPathError);
    expect(() => appendChild(tree, [1, 1], dpd)).toThrow(ConditionPathError);
  });

  it('switches a group between all and any keeping its conditions', () => {
    expect(setGroupKind(tree, [1], 'all')).toEqual({ all: [dpd, { all: [bucket, { not: dispute }] }] });
    expect(setGroupKind(tree, [], 'any')).toEqual({ any: [dpd, { any: [bucket, { not: dispute }] }] });
  });

  it('wraps in and unwraps from a not', () => {
    const wrapped = wrapInNot(tree, [0]);
    expect(wrapped).toEqual({ all: [{ not: dpd }, { any: [bucket, { not: dispute }] }] });
    expect(unwrapNot(wrapped, [0])).toEqual(tree);
    expect(unwrapNot(tree, [1, 1])).toEqual({ all: [dpd, { any: [bucket, dispute] }] });
    expect(() => unwrapNot(tree, [0])).toThrow(ConditionPathError);
  });

  it('puts a top-level comparison into a group', () => {
    expect(wrapInGroup(dpd, [])).toEqual({ all: [dpd] });
  });

  it('removes from the enclosing group, taking a not along with what it negates', () => {
    expect(removeAt(tree, [0])).toEqual({ all: [{ any: [bucket, { not: dispute }] }] });
    expect(removeAt(tree, [1, 1, 0])).toEqual({ all: [dpd, { any: [bucket] }] });
    expect(removeAt({ not: { not: dpd } }, [0, 0])).toEqual({ all: [] });
    expect(() => removeAt(tree, [])).toThrow(ConditionPathError);
    expect(() => removeAt(tree, [7])).toThrow(ConditionPathError);
  });

  it('finds the group a condition sits in', () => {
    expect(enclosingGroupPath(tree, [1, 1, 0])).toEqual([1]);
    expect(enclosingGroupPath(tree, [1])).toEqual([]);
    expect(enclosingGroupPath({ not: dpd }, [0])).toBeNull();
  });

  it('lists every fact the condition reads, including fact references in values', () => {
    const withReference: RuleCondition = {
      any: [tree, { fact: 'overdueAmountMinor', operator: 'greaterThan', value: { fact: 'disputedAmountMinor' } }],
    };
    expect([...factsUsed(withReference)].sort()).toEqual(
      ['currentBucket', 'daysPastDue', 'disputeOpen', 'disputedAmountMinor', 'overdueAmountMinor'].sort(),
    );
  });

  it('numbers nodes as people read them: nots add no level', () => {
    expect(numberOf(tree, [])).toBe('');
    expect(numberOf(tree, [0])).toBe('1');
    expect(numberOf(tree, [1, 1])).toBe('2.2');
    expect(numberOf(tree, [1, 1, 0])).toBe('2.2');
    expect(nodeName(tree, [])).toBe('the rule');
    expect(nodeName(tree, [0])).toBe('condition 1');
    expect(nodeName(tree, [1])).toBe('group 2');
    expect(nodeName(tree, [1, 1])).toBe('condition 2.2');
    expect(nodeName(dpd, [])).toBe('the condition');
  });
});
