import type { Request, RequestHandler } from 'express';
import { findUnstorable, MAX_JSON_DEPTH, NUL, type StorageProblem, type Unstorable, type ValuePath } from '@recoup/domain';
import { ValidationError, type FieldIssue } from '../errors.ts';
import type { MountedRoute } from './route-inventory.ts';

// One check for every route, before any handler runs: what a request carries (the parsed JSON body at any depth,
// keys included, the query, the path) must be something PostgreSQL can store and the API can write back. A NUL,
// a lone surrogate or a body nested beyond reason is refused with 400 naming the field; otherwise the database or
// JSON.stringify would refuse it deep inside a handler, with an error the API could only answer with a 500. Text
// bodies (CSV, bank files) are left to their readers, which name the line and column instead. A portfolio import's
// JSON body is read in a worker thread, not here (see imports/portfolio-parse.worker.ts), and checked there the same way.

export const STORAGE_REASONS: Record<StorageProblem, string> = {
  nul: 'must not contain a NUL character (U+0000)',
  'lone-surrogate': 'must be well-formed Unicode, without a lone surrogate (U+D800 to U+DFFF)',
  'too-deep': `nests deeper than ${MAX_JSON_DEPTH} levels, which no field of this API does`,
};

/** "contacts.0.name", the notation of every other field issue; a key that is no plain name is quoted. */
export const dottedPath = (path: ValuePath): string =>
  path.map((part) => (typeof part === 'number' || /^[\w$-]+$/.test(part) ? String(part) : JSON.stringify(part))).join('.');

/** Where a parsed value (a JSON body, the query) holds what cannot be stored, each as a field issue in `location`. */
export const unstorableIssues = (value: unknown, location: string): FieldIssue[] =>
  findUnstorable(value).map((found: Unstorable) => ({
    in: location,
    path: dottedPath(found.path),
    reason: found.inKey ? `is a key that ${STORAGE_REASONS[found.problem]}` : STORAGE_REASONS[found.problem],
  }));

/** The parameter a path segment fills, from the routes the app mounts: "id" for the 3rd segment of /api/tasks/:id. */
const parameterAt = (routes: readonly MountedRoute[], method: string, segments: readonly string[], index: number): string | null => {
  const matching = routes.filter((route) => {
    const parts = route.path.split('/');
    return parts.length === segments.length && parts.every((part, i) => part.startsWith(':') || part === segments[i]);
  });
  const best = matching.find((route) => route.method === method) ?? matching[0];
  const part = best?.path.split('/')[index];
  return part?.startsWith(':') ? part.slice(1) : null;
};

const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // The router answers a malformed percent-encoding itself.
  }
};

const pathIssues = (req: Request, routes: () => readonly MountedRoute[]): FieldIssue[] => {
  const pathname = req.originalUrl.split('?')[0] ?? '';
  // Only a percent-encoding can put either into a path: the HTTP parser refuses raw control characters.
  if (!pathname.includes('%')) return [];
  const segments = pathname.split('/').map(decoded);
  const issues: FieldIssue[] = [];
  segments.forEach((segment, index) => {
    const problem = segment.includes(NUL) ? 'nul' : segment.isWellFormed() ? null : 'lone-surrogate';
    if (problem === null) return;
    issues.push({ in: 'params', path: parameterAt(routes(), req.method, segments, index) ?? `segment ${index}`, reason: STORAGE_REASONS[problem] });
  });
  return issues;
};

/** `routes` is read only when a path needs naming, so it may list routes mounted after this middleware. */
export const refuseUnstorableInput =
  (routes: () => readonly MountedRoute[]): RequestHandler =>
  (req, _res, next) => {
    const body: unknown = req.body;
    const structured = body !== null && typeof body === 'object' && !Buffer.isBuffer(body);
    const issues = [...pathIssues(req, routes), ...unstorableIssues(req.query, 'query'), ...(structured ? unstorableIssues(body, 'body') : [])];
    if (issues.length > 0) throw unstorableInputError(issues);
    next();
  };

/** The refusal of input that cannot be stored, naming the first field: "body.accounts.0.name must not contain…". */
export const unstorableInputError = (issues: FieldIssue[]): ValidationError => {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new ValidationError(issues, `${first?.in}.${first?.path} ${first?.reason}${more}.`);
};
