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

/** Where a request's input was read from: 'body', 'query', 'params' or 'header:<lower-case name>'. */
export type InputLocation = 'body' | 'query' | 'params' | `header:${string}`;

// The schemas each request was checked with, kept beside the request like the current user. The contract check
// (openapi/contract-check.ts) compares them with the ones the contract names, so the contract cannot describe one
// schema while the route validates with another.
const schemasUsed = new WeakMap<Request, { location: InputLocation; schema: z.ZodType }[]>();

const record = (req: Request, location: InputLocation, schema: z.ZodType): void => {
  const used = schemasUsed.get(req);
  if (used) used.push({ location, schema });
  else schemasUsed.set(req, [{ location, schema }]);
};

export const inputSchemasUsed = (req: Request): readonly { location: InputLocation; schema: z.ZodType }[] => schemasUsed.get(req) ?? [];

export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> => {
  record(req, 'body', schema);
  return parseWith(schema, req.body ?? {}, 'body');
};

export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> => {
  record(req, 'query', schema);
  return parseWith(schema, req.query, 'query');
};

export const parseParams = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> => {
  record(req, 'params', schema);
  return parseWith(schema, req.params, 'params');
};

/** One request header, checked with the schema of its value; a missing header is checked as undefined. */
export const parseHeader = <S extends z.ZodType>(schema: S, req: Request, name: string): z.infer<S> => {
  record(req, `header:${name.toLowerCase()}`, schema);
  return parseWith(schema, req.get(name), `header:${name}`);
};
