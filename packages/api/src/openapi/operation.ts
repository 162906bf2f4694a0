import type { z } from 'zod';
import type { Role } from '@recoup/contracts';

/** The groups the reference page lists operations under, in this order. */
export const API_TAGS = {
  accounts: 'Accounts, their notes, calls and the cease-communication flag.',
  promises: 'Promises to pay and disputes recorded for an account.',
  tasks: "Collectors' tasks, the inbox and team workload.",
  payments: 'Payments, bank statements and cash application.',
  imports: 'Portfolio imports from an ERP or a spreadsheet.',
  strategies: 'Collection strategies, their versions and which segment runs which.',
  templates: 'Reminder templates and rules.',
  compliance: 'Contact hours and call limits by customer type.',
  kpis: 'Key figures: DSO, CEI, aging, promises kept, forecasts.',
  simulations: 'Simulations of a strategy on a generated portfolio.',
  admin: 'Workflows, audit log, outbox, payment models, users and API tokens.',
  auth: 'Signing in and who is signed in.',
  system: 'Health, reference facts and this contract.',
} as const;
export type ApiTag = keyof typeof API_TAGS;

/**
 * Who may call an operation: nobody need sign in ('public'), any signed-in user ('signed-in'), or only these
 * roles. A token acts as its user's role, so the same holds for token requests.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface OperationResponse {
  description: string;
  /** The body's schema. Omitted for a body that is not described field by field (a file, a redirect). */
  schema?: z.ZodType;
  /** Defaults to application/json when there is a schema; several when the answer's type depends on what it serves. */
  contentType?: string | readonly string[];
}

export interface OperationBody {
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string | readonly string[];
  description?: string;
  required?: boolean;
  /**
   * The body is read as a stream and checked with `schema` away from the request (in the parse worker), so the
   * contract check cannot see the route use it.
   */
  checkedOffRequest?: boolean;
}

/**
 * One route of the API as the contract states it. The schemas are the very objects the route validates its input
 * with (the contract check compares them by identity), and the ones its responses are checked against.
 */
export interface Operation {
  summary: string;
  description?: string;
  tag: ApiTag;
  access: Access;
  /**
   * How a signed-in caller proves it: by default the session cookie, plus the CSRF token on a write, or an API
   * token where its scopes reach. 'cookie-only' is for a route called from outside the app that takes neither a
   * CSRF token nor an API token (the Temporal codec endpoint).
   */
  session?: 'cookie-only';
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType | OperationBody;
  /** Success answers by status. Errors are described once for all operations: `{ error: { code, message, details } }`. */
  responses: Readonly<Record<number, OperationResponse>>;
}

/** "METHOD /path/:param", exactly as the router has it. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;
export type Operations = Readonly<Partial<Record<RouteKey, Operation>>>;

export const ALL_ROLES: readonly Role[] = ['admin', 'manager', 'collector'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMINS: readonly Role[] = ['admin'];

export const json = (description: string, schema: z.ZodType): OperationResponse => ({ description, schema });
export const file = (description: string, contentType: string | readonly string[]): OperationResponse => ({ description, contentType });

/** A response's or body's media types as a list. */
export const mediaTypes = (contentType: string | readonly string[] | undefined, schema: unknown): readonly string[] =>
  contentType === undefined ? (schema ? ['application/json'] : []) : typeof contentType === 'string' ? [contentType] : contentType;

export const bodyOf = (body: Operation['body']): OperationBody | undefined =>
  body === undefined ? undefined : '_zod' in body ? { schema: body } : body;
