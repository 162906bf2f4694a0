import { z } from 'zod';
import { switchRuleSchema } from '../schema-parts.ts';
import { defineKind, distinct } from './kind.ts';
import { emit, rulesOf } from '../step-context.ts';

export const switchKind = defineKind({
  kind: 'switch',
  title: 'Switch',
  schema: z.object({ rules: z.array(switchRuleSchema).min(1).max(50) }),
  // One exit per outcome, and 'default' for when no rule holds (unless a rule is itself named so).
  exits: (data) => [
    ...distinct((data.rules ?? []).map((rule) => rule.outcome)).map((handle) => ({ handle, role: 'outcome' as const })),
    ...((data.rules ?? []).some((rule) => rule.outcome === 'default') ? [] : [{ handle: 'default', role: 'fallback' as const }]),
  ],
  conditions: (data) => data.rules.map((rule) => rule.condition),
  runs: {
    enter: (ctx, node) => {
      ctx.state.awaiting = { kind: 'condition' };
      emit(ctx, 'evaluate-switch', node.id, { rules: rulesOf(node.data.rules, 'outcome') });
      return undefined;
    },
  },
});
