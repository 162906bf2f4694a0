import { createContext, useContext } from 'react';
import type { RuleCondition } from '@recoup/domain';
import type { FactsRegistry } from './facts-registry.ts';

/** What every node of one builder shares: the whole tree (edits are made from the root) and how to change it. */
export interface RuleBuilderContextValue {
  root: RuleCondition;
  registry: FactsRegistry;
  readOnly: boolean;
  /** Unique per builder, for element ids. */
  idPrefix: string;
  change(next: RuleCondition): void;
  /** Moves keyboard focus to the element with this id once the next render is on screen. */
  focusAfterRender(elementId: string): void;
}

export const RuleBuilderContext = createContext<RuleBuilderContextValue | null>(null);

class MissingRuleBuilderError extends Error {
  override readonly name = 'MissingRuleBuilderError';
}

export function useRuleBuilder(): RuleBuilderContextValue {
  const context = useContext(RuleBuilderContext);
  if (!context) throw new MissingRuleBuilderError('condition nodes render only inside a RuleBuilder');
  return context;
}
