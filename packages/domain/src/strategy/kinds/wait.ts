import { waitDataSchema } from '../schema-parts.ts';
import { defineKind, NEXT } from './kind.ts';

export const waitKind = defineKind({ kind: 'wait', title: 'Wait', schema: waitDataSchema, exits: NEXT });
