import { z } from 'zod';
import { ESCALATION_ACTIONS } from '../schema-parts.ts';
import { defineKind, NEXT } from './kind.ts';
import { singleAction } from '../step-context.ts';

export const escalateKind = defineKind({
  kind: 'escalate',
  title: 'Escalate',
  schema: z.object({ level: z.number().int().min(1).max(9), action: z.enum(ESCALATION_ACTIONS) }),
  exits: NEXT,
  runs: { act: singleAction('escalate', (data) => ({ level: data.level, action: data.action })) },
});
