import { csrfResponseSchema, healthResponseSchema, loginRequestSchema, loginResponseSchema, meResponseSchema } from '@recoup/contracts';
import { ALL_ROLES, json, type Operations } from '../operation.ts';

export const authOperations: Operations = {
  'POST /api/auth/login': {
    tag: 'auth',
    summary: 'Sign in with e-mail and password',
    description:
      'Starts a new session (the session cookie is set, under a new id) and answers the CSRF token to send with every later ' +
      'request that changes something. Needs no CSRF token itself. Every attempt is audited; repeated failures lock the ' +
      'e-mail and the client address for a while, and a locked attempt is refused with 429 before the password is checked.',
    access: 'public',
    body: loginRequestSchema,
    responses: { 200: json('The signed-in user and the CSRF token of the new session.', loginResponseSchema) },
  },
  'POST /api/auth/logout': {
    tag: 'auth',
    summary: 'Sign out',
    description: 'Ends the session and clears its cookie. Audited.',
    access: ALL_ROLES,
    responses: { 204: { description: 'Signed out.' } },
  },
  'GET /api/auth/me': {
    tag: 'auth',
    summary: 'Who is signed in',
    description: 'With an API token: the user the token acts as.',
    access: ALL_ROLES,
    responses: { 200: json('The current user.', meResponseSchema) },
  },
  'GET /api/auth/csrf': {
    tag: 'auth',
    summary: 'A CSRF token for this browser',
    description:
      'Send it in the `X-CSRF-Token` header with every POST, PUT, PATCH and DELETE. Signed in, it is the session\'s token; ' +
      'signed out, nothing is stored: the token is bound to a nonce cookie, which this call sets when missing. Requests with ' +
      'an API token need none.',
    access: 'public',
    responses: { 200: json('The token.', csrfResponseSchema) },
  },

  'GET /api/health': {
    tag: 'system',
    summary: 'Whether the API is up, and whether a worker is taking work',
    description:
      'Answers 200 as long as the API answers, so a load balancer keeps it; `status` is `degraded`, with the reason in ' +
      '`worker.detail`, when no worker has polled the task queue lately (then no reminder goes out and no workflow moves). ' +
      'Temporal is asked at most every few seconds.',
    access: 'public',
    responses: { 200: json('The API\'s health.', healthResponseSchema) },
  },
};
