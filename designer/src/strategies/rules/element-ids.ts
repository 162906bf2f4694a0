import type { ConditionPath } from './condition-tree.ts';
import { pathKey } from './node-names.ts';

// Ids of the controls that focus moves to after an edit, so the keyboard stays where the person was working.

export const factSelectId = (prefix: string, path: ConditionPath): string => `${prefix}-fact-${pathKey(path)}`;
export const addComparisonId = (prefix: string, path: ConditionPath): string => `${prefix}-add-${pathKey(path)}`;
export const wrapNotId = (prefix: string, path: ConditionPath): string => `${prefix}-wrap-not-${pathKey(path)}`;
export const removeNotId = (prefix: string, path: ConditionPath): string => `${prefix}-remove-not-${pathKey(path)}`;
export const groupKindId = (prefix: string, path: ConditionPath): string => `${prefix}-kind-${pathKey(path)}`;
