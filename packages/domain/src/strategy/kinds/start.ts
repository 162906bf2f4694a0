import { z } from 'zod';
import { defineKind, NEXT } from './kind.ts';

export const startKind = defineKind({ kind: 'start', title: 'Start', schema: z.object({}).strict(), exits: NEXT });
