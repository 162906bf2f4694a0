import type { Request } from 'express';
import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '../errors.ts';

export const issuesOf = (error: z.ZodError, location: string): FieldIssue[] =>
  error.issues.map((issue) => ({
    in: location,
    path: issue.path.map(String).join('.'),
    reason: issue.message,
  }));

export const parseWith = <S extends z.ZodType>(schema: S, value: unknown, location: string): z.infer<S> => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error, location));
  return parsed.data;
};

export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.body ?? {}, 'body');

export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.query, 'query');

export const parseParams = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.params, 'params');
