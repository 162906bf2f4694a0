import type { RuleCondition } from '@recoup/domain';

// Immutable edits of a json-rules-engine condition tree. A path lists child indexes from the root: the index into
// a group's `all`/`any` array, or 0 for the one condition inside a `not`. Every edit returns a new root and shares
// the untouched branches, so React sees exactly which parts changed.

export type ConditionPath = readonly number[];
export type GroupKind = 'all' | 'any';
export type Comparison = Extract<RuleCondition, { fact: string }>;
export type ConditionKind = GroupKind | 'not' | 'comparison';

/** A path that does not lead to a node of the expected kind: a bug in the caller, never a user mistake. */
export class ConditionPathError extends Error {
  override readonly name = 'ConditionPathError';
}

/** The tree's nodes as a tagged union, so a switch over `kind` narrows and is checked for exhaustiveness. */
export type ConditionNode =
  | { kind: 'all'; children: readonly RuleCondition[] }
  | { kind: 'any'; children: readonly RuleCondition[] }
  | { kind: 'not'; inner: RuleCondition }
  | { kind: 'comparison'; comparison: Comparison };

export function nodeOf(condition: RuleCondition): ConditionNode {
  if ('all' in condition) return { kind: 'all', children: condition.all };
  if ('any' in condition) return { kind: 'any', children: condition.any };
  if ('not' in condition) return { kind: 'not', inner: condition.not };
  return { kind: 'comparison', comparison: condition };
}

export function kindOf(condition: RuleCondition): ConditionKind {
  return nodeOf(condition).kind;
}

export function childrenOf(condition: RuleCondition): readonly RuleCondition[] {
  const node = nodeOf(condition);
  switch (node.kind) {
    case 'all':
    case 'any':
      return node.children;
    case 'not':
      return [node.inner];
    case 'comparison':
      return [];
  }
}

function withChildren(condition: RuleCondition, children: RuleCondition[]): RuleCondition {
  const kind = kindOf(condition);
  switch (kind) {
    case 'all':
      return { all: children };
    case 'any':
      return { any: children };
    case 'not': {
      const [only] = children;
      if (children.length !== 1 || only === undefined) throw new ConditionPathError('a not holds exactly one condition');
      return { not: only };
    }
    case 'comparison':
      throw new ConditionPathError('a comparison has no children');
  }
}

export function getAt(root: RuleCondition, path: ConditionPath): RuleCondition | undefined {
  let node: RuleCondition | undefined = root;
  for (const index of path) {
    if (node === undefined) return undefined;
    node = childrenOf(node)[index];
  }
  return node;
}

function requireAt(root: RuleCondition, path: ConditionPath): RuleCondition {
  const node = getAt(root, path);
  if (node === undefined) throw new ConditionPathError(`no condition at [${path.join(', ')}]`);
  return node;
}

/** Replaces the node at `path` with what `edit` makes of it. */
export function updateAt(
  root: RuleCondition,
  path: ConditionPath,
  edit: (node: RuleCondition) => RuleCondition,
): RuleCondition {
  const [index, ...rest] = path;
  if (index === undefined) return edit(root);
  const children = childrenOf(root);
  const child = children[index];
  if (child === undefined) throw new ConditionPathError(`no condition at index ${index}`);
  const next = [...children];
  next[index] = updateAt(child, rest, edit);
  return withChildren(root, next);
}

export function replaceAt(root: RuleCondition, path: ConditionPath, next: RuleCondition): RuleCondition {
  return updateAt(root, path, () => next);
}

function requireGroup(node: RuleCondition): GroupKind {
  const kind = kindOf(node);
  if (kind !== 'all' && kind !== 'any') throw new ConditionPathError(`expected a group, found ${kind}`);
  return kind;
}

export function appendChild(root: RuleCondition, groupPath: ConditionPath, child: RuleCondition): RuleCondition {
  return updateAt(root, groupPath, (group) => {
    requireGroup(group);
    return withChildren(group, [...childrenOf(group), child]);
  });
}

/** Switches a group between all and any, keeping its conditions. */
export function setGroupKind(root: RuleCondition, groupPath: ConditionPath, kind: GroupKind): RuleCondition {
  return updateAt(root, groupPath, (group) => {
    requireGroup(group);
    const children = [...childrenOf(group)];
    return kind === 'all' ? { all: children } : { any: children };
  });
}

export function wrapInNot(root: RuleCondition, path: ConditionPath): RuleCondition {
  return updateAt(root, path, (node) => ({ not: node }));
}

/** Replaces a not with the condition it negates. */
export function unwrapNot(root: RuleCondition, path: ConditionPath): RuleCondition {
  return updateAt(root, path, (condition) => {
    const node = nodeOf(condition);
    if (node.kind !== 'not') throw new ConditionPathError('only a not can be unwrapped');
    return node.inner;
  });
}

/** Puts a condition inside a new all-group, so conditions can be added beside it. */
export function wrapInGroup(root: RuleCondition, path: ConditionPath): RuleCondition {
  return updateAt(root, path, (node) => ({ all: [node] }));
}

/**
 * The group a condition sits in, looking through nots (a not holds one condition and cannot be left empty);
 * null when only nots lie between the condition and the root.
 */
export function enclosingGroupPath(root: RuleCondition, path: ConditionPath): ConditionPath | null {
  let cut = path.length;
  while (cut > 0 && kindOf(requireAt(root, path.slice(0, cut - 1))) === 'not') cut -= 1;
  return cut === 0 ? null : path.slice(0, cut - 1);
}

/**
 * Removes the condition at `path` from the group that holds it; removing what a not negates removes the not too.
 * With no group above, what is left is an empty all.
 */
export function removeAt(root: RuleCondition, path: ConditionPath): RuleCondition {
  if (path.length === 0) throw new ConditionPathError('the root cannot be removed');
  requireAt(root, path);
  const groupPath = enclosingGroupPath(root, path);
  if (groupPath === null) return { all: [] };
  const index = path[groupPath.length];
  return updateAt(root, groupPath, (group) => withChildren(group, childrenOf(group).filter((_, i) => i !== index)));
}

/** Every fact the condition reads, including facts a value refers to ({ fact: name }). */
export function factsUsed(root: RuleCondition): Set<string> {
  const used = new Set<string>();
  const visit = (condition: RuleCondition): void => {
    const node = nodeOf(condition);
    if (node.kind !== 'comparison') {
      childrenOf(condition).forEach(visit);
      return;
    }
    used.add(node.comparison.fact);
    const value: unknown = node.comparison.value;
    if (typeof value === 'object' && value !== null && 'fact' in value && typeof value.fact === 'string') {
      used.add(value.fact);
    }
  };
  visit(root);
  return used;
}

/**
 * The number a person reads for a node: 1-based positions within groups, "2.1" inside the second condition's
 * group. A not adds no level, so a negated condition keeps the number it had. The root has no number ('').
 */
export function numberOf(root: RuleCondition, path: ConditionPath): string {
  const parts: number[] = [];
  let node: RuleCondition = root;
  for (const index of path) {
    if (kindOf(node) !== 'not') parts.push(index + 1);
    node = requireAt(node, [index]);
  }
  return parts.join('.');
}
