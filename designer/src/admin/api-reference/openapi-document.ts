import { isRecord, unexpected } from '../../api/response-reading.ts';
import { resolveRef } from './schema-view.ts';

// The API's OpenAPI 3.1 document (GET /api/openapi.json) read into what the reference page lists: operations with
// their parameters, bodies and answers, who may call each, and what an API token needs. Pure functions.

export const OPENAPI_PATH = '/api/openapi.json';

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'] as const;
export type OperationMethod = (typeof HTTP_METHODS)[number];

/** Who may call an operation (`x-access`): nobody need sign in, any signed-in user, or these roles. */
export type OperationAccess = 'public' | 'signed-in' | readonly string[];

export interface ApiTag {
  name: string;
  description: string;
}

export interface ApiParameter {
  name: string;
  in: string;
  required: boolean;
  description: string | null;
  deprecated: boolean;
  schema: unknown;
}

export interface MediaType {
  mediaType: string;
  /** Absent for a body that is not described field by field (a file). */
  schema: unknown;
}

export interface ApiRequestBody {
  required: boolean;
  description: string | null;
  content: MediaType[];
}

export interface ApiResponse {
  /** "200", "201", "4XX" or "default". */
  status: string;
  description: string;
  content: MediaType[];
}

/** One way to prove who is calling (`components.securitySchemes`). */
export interface SecurityScheme {
  id: string;
  /** In words: "cookie recoup.sid", "header x-csrf-token", "bearer token". */
  label: string;
  description: string | null;
}

export interface ApiOperation {
  /** "get /api/accounts/{id}": unique in the document. */
  key: string;
  method: OperationMethod;
  path: string;
  operationId: string | null;
  summary: string;
  description: string;
  tag: string;
  parameters: ApiParameter[];
  requestBody: ApiRequestBody | null;
  responses: ApiResponse[];
  /** Alternatives, each naming the schemes used together and their scopes; [] is public; null when not stated. */
  security: Record<string, string[]>[] | null;
  access: OperationAccess | null;
  /** `x-token-scope`: the scope a token needs, 'none' when every token may call it, null when tokens may not. */
  tokenScope: string | null;
  deprecated: boolean;
}

export interface ApiReference {
  openapi: string;
  title: string;
  version: string;
  description: string;
  tags: ApiTag[];
  operations: ApiOperation[];
  securitySchemes: SecurityScheme[];
  /** The document as served, which `$ref`s point into. */
  document: Record<string, unknown>;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** An object that may be a `$ref` to one in components (a parameter, a body, an answer), followed a few hops. */
function deref(document: unknown, value: unknown): Record<string, unknown> | null {
  let current = value;
  for (let hops = 0; isRecord(current) && typeof current['$ref'] === 'string' && hops < 8; hops += 1) current = resolveRef(document, current['$ref']);
  return isRecord(current) ? current : null;
}

function readContent(document: unknown, content: unknown): MediaType[] {
  if (!isRecord(content)) return [];
  return Object.entries(content).map(([mediaType, entry]) => ({ mediaType, schema: isRecord(entry) ? entry['schema'] : undefined }));
}

function readParameter(document: unknown, raw: unknown): ApiParameter | null {
  const parameter = deref(document, raw);
  if (!parameter || typeof parameter['name'] !== 'string' || typeof parameter['in'] !== 'string') return null;
  // A parameter carries either a schema or a content map with one media type.
  const content = readContent(document, parameter['content']);
  return {
    name: parameter['name'],
    in: parameter['in'],
    required: parameter['in'] === 'path' || parameter['required'] === true,
    description: text(parameter['description']),
    deprecated: parameter['deprecated'] === true,
    schema: parameter['schema'] ?? content[0]?.schema,
  };
}

/** The path's own parameters, overridden by the operation's of the same name and place. */
function readParameters(document: unknown, pathLevel: unknown, own: unknown): ApiParameter[] {
  const byKey = new Map<string, ApiParameter>();
  for (const raw of [...(Array.isArray(pathLevel) ? pathLevel : []), ...(Array.isArray(own) ? own : [])]) {
    const parameter = readParameter(document, raw);
    if (parameter) byKey.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

function readRequestBody(document: unknown, raw: unknown): ApiRequestBody | null {
  const body = deref(document, raw);
  if (!body) return null;
  return { required: body['required'] === true, description: text(body['description']), content: readContent(document, body['content']) };
}

/** Answers by status, lowest first, `default` (every other status, the error shape) last. */
function readResponses(document: unknown, raw: unknown): ApiResponse[] {
  if (!isRecord(raw)) return [];
  const order = (status: string) => (status === 'default' ? 1000 : Number.parseInt(status.replace(/X/gi, '0'), 10) || 999);
  return Object.entries(raw)
    .map(([status, value]) => {
      const response = deref(document, value);
      return { status, description: text(response?.['description']) ?? '', content: readContent(document, response?.['content']) };
    })
    .sort((a, b) => order(a.status) - order(b.status));
}

function readSecurity(raw: unknown): Record<string, string[]>[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.filter(isRecord).map((requirement) => Object.fromEntries(Object.entries(requirement).map(([scheme, scopes]) => [scheme, strings(scopes)])));
}

function readAccess(raw: unknown): OperationAccess | null {
  if (raw === 'public' || raw === 'signed-in') return raw;
  if (Array.isArray(raw)) return strings(raw);
  return null;
}

function schemeLabel(scheme: Record<string, unknown>, id: string): string {
  const name = typeof scheme['name'] === 'string' ? ` ${scheme['name']}` : '';
  if (scheme['type'] === 'apiKey') return `${scheme['in'] === 'query' ? 'query parameter' : String(scheme['in'] ?? 'key')}${name}`;
  if (scheme['type'] === 'http') return scheme['scheme'] === 'bearer' ? 'bearer token' : `HTTP ${String(scheme['scheme'] ?? 'authentication')}`;
  return typeof scheme['type'] === 'string' ? `${scheme['type']} (${id})` : id;
}

/** The document in the page's terms. A body that is no OpenAPI document becomes one clear error. */
export function readApiReference(body: unknown): ApiReference {
  if (!isRecord(body) || typeof body['openapi'] !== 'string' || !isRecord(body['paths'])) throw unexpected('an API description');
  const document = body;
  const info = isRecord(body['info']) ? body['info'] : {};
  const operations: ApiOperation[] = [];
  const globalSecurity = readSecurity(body['security']);
  for (const [path, rawItem] of Object.entries(body['paths'])) {
    const item = deref(document, rawItem);
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      operations.push({
        key: `${method} ${path}`,
        method,
        path,
        operationId: text(operation['operationId']),
        summary: text(operation['summary']) ?? text(operation['operationId']) ?? '',
        description: text(operation['description']) ?? '',
        tag: strings(operation['tags'])[0] ?? 'other',
        parameters: readParameters(document, item['parameters'], operation['parameters']),
        requestBody: readRequestBody(document, operation['requestBody']),
        responses: readResponses(document, operation['responses']),
        security: readSecurity(operation['security']) ?? globalSecurity,
        access: readAccess(operation['x-access']),
        tokenScope: text(operation['x-token-scope']),
        deprecated: operation['deprecated'] === true,
      });
    }
  }
  const components = isRecord(body['components']) ? body['components'] : {};
  const schemes = isRecord(components['securitySchemes']) ? components['securitySchemes'] : {};
  return {
    openapi: body['openapi'],
    title: text(info['title']) ?? 'API',
    version: text(info['version']) ?? '',
    description: text(info['description']) ?? '',
    tags: (Array.isArray(body['tags']) ? body['tags'] : []).filter(isRecord).flatMap((tag) => (typeof tag['name'] === 'string' ? [{ name: tag['name'], description: text(tag['description']) ?? '' }] : [])),
    operations,
    securitySchemes: Object.entries(schemes).flatMap(([id, raw]) => {
      const scheme = deref(document, raw);
      return scheme ? [{ id, label: schemeLabel(scheme, id), description: text(scheme['description']) }] : [];
    }),
    document,
  };
}

export interface OperationFilter {
  /** Words to find in the path, summary, tag, method or operation id; every word must be found. */
  query: string;
  /** Only the operations an API token may call (those with `x-token-scope`). */
  tokensOnly: boolean;
}

export const NO_FILTER: OperationFilter = { query: '', tokensOnly: false };

/** The words of a search, a path written Express-style (`/api/accounts/:id`) read as OpenAPI writes it. */
const searchWords = (query: string): string[] =>
  query
    .toLowerCase()
    .replace(/:([a-z0-9_]+)/g, '{$1}')
    .split(/\s+/)
    .filter((word) => word !== '');

export function matchesFilter(operation: ApiOperation, filter: OperationFilter): boolean {
  if (filter.tokensOnly && operation.tokenScope === null) return false;
  const words = searchWords(filter.query);
  if (words.length === 0) return true;
  const haystack = [operation.method, operation.path, operation.summary, operation.tag, operation.operationId ?? ''].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export interface TagGroup {
  tag: ApiTag;
  operations: ApiOperation[];
}

/** Operations under their tag, in the order `document.tags` lists the tags; tags it does not list come after. Empty groups are left out. */
export function groupByTag(operations: readonly ApiOperation[], tags: readonly ApiTag[]): TagGroup[] {
  const groups = new Map<string, TagGroup>(tags.map((tag) => [tag.name, { tag, operations: [] }]));
  for (const operation of operations) {
    let group = groups.get(operation.tag);
    if (!group) {
      group = { tag: { name: operation.tag, description: '' }, operations: [] };
      groups.set(operation.tag, group);
    }
    group.operations.push(operation);
  }
  return [...groups.values()].filter((group) => group.operations.length > 0);
}

/** Text split into paragraphs at blank lines. */
export const paragraphs = (value: string): string[] =>
  value
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

// The sentences the API adds to every description to say who may call it and what a token needs. The page shows
// both as facts of their own, so where `x-access` is given they are not repeated in the text.
const RESTATEMENTS = [/^No sign-in needed\.$/, /^Any signed-in user\.$/, /^Roles: [^.]*\.$/, /^Not open to API tokens\.$/, /^Open to every API token\.$/, /^API tokens need the scope `[^`]+`\.$/];

/** The operation's description as paragraphs, without the closing sentences on access that the page states apart. */
export function descriptionParagraphs(operation: ApiOperation): string[] {
  const all = paragraphs(operation.description);
  return operation.access === null ? all : all.filter((part) => !RESTATEMENTS.some((pattern) => pattern.test(part)));
}

/** Who may call an operation, in words. */
export function accessText(operation: ApiOperation): string {
  const { access } = operation;
  if (access === 'public') return 'Anyone: no sign-in needed.';
  if (access === 'signed-in') return 'Any signed-in user.';
  if (access !== null) return access.length === 0 ? 'Nobody.' : `Users with the role ${joinWords(access)}.`;
  if (operation.security !== null && operation.security.length === 0) return 'Anyone: no sign-in needed.';
  return 'Signed-in users.';
}

/** What an API token needs to call an operation, in words. */
export function tokenText(operation: ApiOperation): string {
  if (operation.tokenScope === 'none') return 'Every API token, whatever its scopes.';
  if (operation.tokenScope !== null) return `Tokens with the scope ${operation.tokenScope}.`;
  if (operation.access === 'public') return 'No token needed.';
  return 'Not open to API tokens: only a signed-in user may call it.';
}

/** Each alternative way to authenticate, in words ("cookie recoup.sid and header x-csrf-token"). [] for none. */
export function securityAlternatives(operation: ApiOperation, schemes: readonly SecurityScheme[]): string[] {
  if (operation.security === null) return [];
  return operation.security.map((requirement) =>
    Object.entries(requirement)
      .map(([id, scopes]) => {
        const label = schemes.find((scheme) => scheme.id === id)?.label ?? id;
        return scopes.length > 0 ? `${label} with the scope ${scopes.join(', ')}` : label;
      })
      .join(' and '),
  );
}

const STATUS_TEXT: Readonly<Record<string, string>> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
  '301': 'Moved permanently',
  '302': 'Found',
  '303': 'See other',
  '304': 'Not modified',
  '307': 'Temporary redirect',
  '400': 'Bad request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not found',
  '409': 'Conflict',
  '422': 'Unprocessable content',
  '429': 'Too many requests',
  '500': 'Internal server error',
  '503': 'Service unavailable',
  default: 'Any other status',
};

/** A status's name: "Created" for 201, "Any other status" for `default`. */
export const statusText = (status: string): string => STATUS_TEXT[status] ?? (/^[1-5]XX$/i.test(status) ? `Any ${status[0]}xx status` : '');

const joinWords = (words: readonly string[]): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
