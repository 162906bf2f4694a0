import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { errorBodySchema } from '@recoup/contracts';
import { CSRF_HEADER } from '../auth/csrf.ts';
import { SESSION_COOKIE } from '../auth/session.ts';
import { scopeNeeded } from '../auth/token-auth.ts';
import { API_TAGS, bodyOf, mediaTypes, type ApiTag, type Operation, type Operations, type RouteKey } from './operation.ts';

/** The document as served, a plain JSON object (OpenAPI 3.1, whose schemas are JSON Schema 2020-12). */
export type OpenApiDocument = ReturnType<typeof createDocument>;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteParts {
  method: Method;
  /** The Express path, with :params. */
  path: string;
}

export const routeParts = (key: RouteKey): RouteParts => {
  const space = key.indexOf(' ');
  return { method: key.slice(0, space).toLowerCase() as Method, path: key.slice(space + 1) };
};

/** "/api/accounts/:id" as OpenAPI writes it, "/api/accounts/{id}". */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** A stable name for generated clients: "GET /api/accounts/:id/notes" is getAccountsByIdNotes. */
export const operationId = (key: RouteKey): string => {
  const { method, path } = routeParts(key);
  const words = path
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') ? `by-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter((word) => word !== '');
  return method + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
};

const UNSAFE = new Set<Method>(['post', 'put', 'patch', 'delete']);

const accessText = (operation: Operation): string =>
  operation.access === 'public' ? 'No sign-in needed.' : operation.access === 'signed-in' ? 'Any signed-in user.' : `Roles: ${operation.access.join(', ')}.`;

const operationObject = (key: RouteKey, operation: Operation): ZodOpenApiOperationObject => {
  const { method, path } = routeParts(key);
  const cookieOnly = operation.session === 'cookie-only';
  const scope = cookieOnly ? null : scopeNeeded(method.toUpperCase(), path);
  const body = bodyOf(operation.body);
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    const types = mediaTypes(response.contentType, response.schema);
    responses[status as `2${string}`] = {
      description: response.description,
      ...(types.length > 0 ? { content: Object.fromEntries(types.map((type) => [type, response.schema && type === 'application/json' ? { schema: response.schema } : {}])) } : {}),
    };
  }
  responses.default = {
    description: 'The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault.',
    content: { 'application/json': { schema: errorBodySchema } },
  };
  const signedIn = operation.access !== 'public';
  const security: Record<string, string[]>[] = [];
  if (signedIn) security.push(UNSAFE.has(method) && !cookieOnly ? { session: [], csrf: [] } : { session: [] });
  if (signedIn && scope !== null) security.push({ token: scope === 'none' ? [] : [scope] });
  const contentTypes = body ? mediaTypes(body.contentType ?? 'application/json', body.schema) : [];
  return {
    operationId: operationId(key),
    summary: operation.summary,
    description: [operation.description, accessText(operation), scope === null || !signedIn ? (signedIn ? 'Not open to API tokens.' : '') : scope === 'none' ? 'Open to every API token.' : `API tokens need the scope \`${scope}\`.`]
      .filter((part) => part)
      .join('\n\n'),
    tags: [operation.tag],
    ...(operation.params || operation.query || operation.headers
      ? {
          requestParams: {
            ...(operation.params ? { path: operation.params } : {}),
            ...(operation.query ? { query: operation.query } : {}),
            ...(operation.headers ? { header: operation.headers } : {}),
          },
        }
      : {}),
    ...(body
      ? {
          requestBody: {
            required: body.required ?? true,
            ...(body.description ? { description: body.description } : {}),
            content: Object.fromEntries(contentTypes.map((type) => [type, body.schema ? { schema: body.schema } : {}])),
          },
        }
      : {}),
    responses,
    security: signedIn ? security : [],
    'x-access': operation.access,
    ...(scope !== null && signedIn ? { 'x-token-scope': scope } : {}),
  };
};

/** Builds the OpenAPI 3.1 document of these operations. */
export const buildDocument = (operations: Operations, version: string): OpenApiDocument => {
  const paths: ZodOpenApiPathsObject = {};
  for (const [key, operation] of Object.entries(operations) as [RouteKey, Operation][]) {
    const { method, path } = routeParts(key);
    const item = (paths[openApiPath(path)] ??= {});
    item[method] = operationObject(key, operation);
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Recoup API',
        version,
        description: [
          'The API behind the Recoup web app, for integrations and scripts.',
          `People sign in with POST /api/auth/login; the session cookie \`${SESSION_COOKIE}\` then goes with every request, and every write carries the CSRF token from the login answer in the \`${CSRF_HEADER}\` header.`,
          'Machines send `Authorization: Bearer <token>` with an API token an admin created; a token needs no CSRF token, acts as its user\'s role and team, and reaches only the routes its scopes open.',
          'Money is always an integer amount in minor units with its ISO 4217 currency. Errors have one shape on every route: `{ error: { code, message, details } }`.',
        ].join('\n\n'),
      },
      tags: (Object.entries(API_TAGS) as [ApiTag, string][]).map(([name, description]) => ({ name, description })),
      paths,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session of a signed-in user.' },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'The CSRF token from the login answer, on every write made with a session.' },
          token: { type: 'http', scheme: 'bearer', description: 'An API token. Its scopes decide which routes it reaches.' },
        },
      },
    },
    { allowEmptySchema: { custom: true } },
  );
};
