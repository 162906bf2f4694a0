import { z } from 'zod';
import { tagName } from '../schema-parts.ts';
import { defineKind, NEXT } from './kind.ts';
import { singleAction } from '../step-context.ts';

export const tagKind = defineKind({
  kind: 'tag',
  title: 'Tag / segment',
  schema: z
    .object({
      segment: tagName.optional(),
      addTags: z.array(tagName).max(20).default([]),
      removeTags: z.array(tagName).max(20).default([]),
    })
    .refine((d) => d.segment !== undefined || d.addTags.length > 0 || d.removeTags.length > 0, {
      message: 'set a segment or add or remove at least one tag',
    }),
  exits: NEXT,
  runs: {
    act: singleAction('set-tags', (data) => ({ segment: data.segment ?? null, addTags: [...data.addTags], removeTags: [...data.removeTags] })),
  },
});
