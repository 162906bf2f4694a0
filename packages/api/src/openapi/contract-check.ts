import type { Request, RequestHandler, Response } from 'express';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { currentUser, hasCurrentUser } from '../auth/current-user.ts';
import { inputSchemasUsed } from '../http/validate.ts';
import { bodyOf, mediaTypes, type Operation, type Operations, type RouteKey } from './operation.ts';
import { openApiPath, routeParts, type OpenApiDocument } from './document.ts';

// ajv-formats is CommonJS: its plugin is module.exports, and module.exports.default too, which TypeScript sees.
const addFormats = ajvFormats.default;

export interface ContractViolation {
  /** The contract's route, or the method and path when no route of the contract matched. */
  route: string;
  status: number;
  problem: string;
}

export interface ContractCheck {
  /** Mounted first, so it sees every answer under /api, also those of the checks before the routes. */
  middleware: RequestHandler;
  violations: ContractViolation[];
  /** The statuses each route answered with while checked. */
  answered: Map<RouteKey, Set<number>>;
}

interface Matcher {
  key: RouteKey;
  method: string;
  segments: readonly string[];
  operation: Operation;
}

// Of several routes matching a path, the one with a literal segment where the others have a parameter wins, as
// Express routes "/api/tasks/inbox" before "/api/tasks/:id" when both could match.
const moreSpecific = (a: Matcher, b: Matcher): number => {
  for (let index = 0; index < a.segments.length; index++) {
    const aParam = a.segments[index]!.startsWith(':');
    const bParam = b.segments[index]!.startsWith(':');
    if (aParam !== bParam) return aParam ? 1 : -1;
  }
  return 0;
};

const matches = (matcher: Matcher, method: string, segments: readonly string[]): boolean =>
  matcher.method === method &&
  matcher.segments.length === segments.length &&
  matcher.segments.every((segment, index) => segment.startsWith(':') || segment === segments[index]);

const isTwoHundred = (status: number): boolean => status >= 200 && status < 300;

type MediaTypes = Record<string, { schema?: unknown } | undefined>;
interface DocumentOperation {
  responses?: Record<string, { content?: MediaTypes } | undefined>;
}

/**
 * Checks every answer under /api against the contract while tests run: the route must be in the contract, a success
 * status must be one it declares and its JSON body must match that status's schema, an error must have the one error
 * shape, the input must have been checked with the very schemas the contract names, and a role outside the
 * operation's access must never succeed. What does not hold is collected as a violation for the test to report.
 */
export const createContractCheck = (operations: Operations, document: OpenApiDocument): ContractCheck => {
  const matchers: Matcher[] = (Object.entries(operations) as [RouteKey, Operation][]).map(([key, operation]) => {
    const { method, path } = routeParts(key);
    return { key, method: method.toUpperCase(), segments: path.split('/').filter((part) => part !== ''), operation };
  });
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const components = (document as { components?: unknown }).components;
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (cacheKey: string, schema: unknown): ValidateFunction => {
    let validate = validators.get(cacheKey);
    if (!validate) {
      // References inside a schema point into the document's components, so they go along at the root.
      validate = ajv.compile({ ...(schema as object), components });
      validators.set(cacheKey, validate);
    }
    return validate;
  };
  const paths = (document as { paths?: Record<string, Record<string, DocumentOperation | undefined> | undefined> }).paths ?? {};
  const documented = (key: RouteKey): DocumentOperation | undefined => {
    const { method, path } = routeParts(key);
    return paths[openApiPath(path)]?.[method];
  };
  const errorSchema = (): unknown => {
    const first = matchers[0];
    return first ? documented(first.key)?.responses?.default?.content?.['application/json']?.schema : undefined;
  };

  const violations: ContractViolation[] = [];
  const answered = new Map<RouteKey, Set<number>>();

  const check = (req: Request, res: Response, body: { json: unknown } | null): void => {
    const path = req.originalUrl.split('?')[0] ?? '';
    // A CORS preflight is answered by the codec's origin check, before any route; it is not an operation.
    if ((!path.startsWith('/api/') && path !== '/api') || req.method === 'OPTIONS') return;
    const status = res.statusCode;
    const segments = path.split('/').filter((part) => part !== '');
    const candidates = matchers.filter((matcher) => matches(matcher, req.method, segments)).sort(moreSpecific);
    const matcher = candidates[0];
    const flag = (problem: string): void => {
      violations.push({ route: matcher?.key ?? `${req.method} ${path}`, status, problem });
    };
    if (status >= 400) {
      if (body === null) flag(`answered ${status} without the JSON error body`);
      else {
        const validate = validatorFor('error', errorSchema());
        if (!validate(body.json)) flag(`the error body does not match the error schema: ${ajv.errorsText(validate.errors)}`);
      }
    }
    if (!matcher) {
      // An unknown path is answered 404, and input refused before routing (a NUL in the path) with its 4xx, both in
      // the error shape checked above; a success or redirect means a route the contract lacks.
      if (status < 400) flag('no route of the contract matches this request');
      return;
    }
    const { key, operation } = matcher;
    const statuses = answered.get(key) ?? new Set<number>();
    statuses.add(status);
    answered.set(key, statuses);

    const role = hasCurrentUser(req) ? currentUser(req).role : null;
    if (Array.isArray(operation.access)) {
      const allowed = operation.access as readonly string[];
      if (isTwoHundred(status) && (role === null || !allowed.includes(role))) flag(`succeeded for ${role ?? 'nobody signed in'}, outside its access ${allowed.join(', ')}`);
      const code = (body?.json as { error?: { code?: unknown } } | undefined)?.error?.code;
      if (status === 403 && code === 'forbidden-role' && role !== null && allowed.includes(role)) flag(`refused the role ${role}, which its access allows`);
    }

    const used = inputSchemasUsed(req);
    for (const { location, schema } of used) {
      const named =
        location === 'body'
          ? bodyOf(operation.body)?.schema
          : location === 'query'
            ? operation.query
            : location === 'params'
              ? operation.params
              : operation.headers?.shape[location.slice('header:'.length)];
      if (named !== schema) flag(`the route checks its ${location} with a schema the contract does not name`);
    }
    if (isTwoHundred(status)) {
      const body = bodyOf(operation.body);
      const bodySchema = body?.checkedOffRequest ? undefined : body?.schema;
      for (const [location, declared] of [['body', bodySchema], ['query', operation.query], ['params', operation.params]] as const) {
        if (declared && !used.some((entry) => entry.location === location)) flag(`the contract names a ${location} schema the route never checked`);
      }
    }

    if (status < 200 || status >= 400 || status === 304) return;
    const declared = operation.responses[status];
    if (!declared) {
      flag(`answered ${status}, a status the contract does not declare (it declares ${Object.keys(operation.responses).join(', ')})`);
      return;
    }
    const types = mediaTypes(declared.contentType, declared.schema);
    const sent = (res.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (declared.schema && sent === 'application/json' && types.includes('application/json')) {
      if (body === null) {
        flag('declared a JSON body but answered without one');
        return;
      }
      const schema = documented(key)?.responses?.[String(status)]?.content?.['application/json']?.schema;
      const validate = validatorFor(`${key} ${status}`, schema);
      if (!validate(body.json)) flag(`the body does not match the contract: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`);
      return;
    }
    if (types.length > 0 && !types.some((type) => type.toLowerCase() === sent)) {
      flag(`answered with content type ${sent || 'none'}, the contract declares ${types.join(' or ')}`);
    }
  };

  const middleware: RequestHandler = (req, res, next) => {
    // The bytes of a JSON answer as they go out, whether sent with res.json or written in parts (a long import
    // answers with leading spaces to keep the connection alive, then the JSON).
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding: unknown): void => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      if (!String(res.getHeader('content-type') ?? '').startsWith('application/json')) return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as Response['write'];
    res.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return end(...args);
    }) as Response['end'];
    res.on('finish', () => {
      let body: { json: unknown } | null = null;
      if (chunks.length > 0 && req.method !== 'HEAD') {
        try {
          body = { json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
        } catch {
          violations.push({ route: `${req.method} ${req.originalUrl.split('?')[0] ?? ''}`, status: res.statusCode, problem: 'answered application/json that is not JSON' });
          return;
        }
      }
      check(req, res, body);
    });
    next();
  };
  return { middleware, violations, answered };
};

/** The violations as lines a failing test prints, each distinct one once with how often it happened. */
export const describeViolations = (violations: readonly ContractViolation[]): string => {
  const counts = new Map<string, number>();
  for (const { route, status, problem } of violations) {
    const line = `${route} → ${status}: ${problem}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, count]) => (count > 1 ? `${line} (${count} times)` : line)).join('\n');
};
