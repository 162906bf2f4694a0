import { z } from 'zod';
import { defineKind, NEXT } from './kind.ts';
import { follow } from '../step-context.ts';

export const startKind = defineKind({ kind: 'start', title: 'Start', schema: z.object({}).strict(), exits: NEXT, runs: { enter: (ctx, node) => follow(ctx, node, 'next') } });
