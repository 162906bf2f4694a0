import { z } from 'zod';
import {
  activatePaymentModelRequestSchema,
  apiTokenListSchema,
  apiTokenScopeListSchema,
  apiTokenViewSchema,
  auditListQuerySchema,
  auditListResponseSchema,
  auditVerificationSchema,
  createApiTokenRequestSchema,
  createdApiTokenSchema,
  createUserRequestSchema,
  idParamsSchema,
  paymentModelListSchema,
  paymentModelViewSchema,
  pinPaymentModelRequestSchema,
  resetPasswordRequestSchema,
  startModelTrainingRequestSchema,
  startModelTrainingResponseSchema,
  temporalCodecRequestSchema,
  temporalCodecResponseSchema,
  trainingRunParamsSchema,
  trainingRunStatusSchema,
  updateUserRequestSchema,
  userAdminViewSchema,
  workflowActionRecordSchema,
  workflowActionRequestSchema,
  workflowFilterOptionsSchema,
  workflowHistorySchema,
  workflowInspectionSchema,
  workflowListQuerySchema,
  workflowListResponseSchema,
  workflowTimelineSchema,
} from '@recoup/contracts';
import { ADMINS, file, json, type Operations } from '../operation.ts';

const CODEC_ACCESS =
  "Called by the Temporal Web UI (from the admin's browser, on its own origin) and by `temporal workflow show --codec-endpoint`. " +
  "It needs a signed-in admin's session cookie but no CSRF token, and no API token opens it: it sits outside the CSRF and " +
  'same-origin checks of the rest of the API. Instead, a browser request is served only from the Web UI\'s origin ' +
  "(TEMPORAL_UI_URL) or the app's own, which get CORS headers with credentials (the CORS preflight is answered too); every " +
  'other origin is refused with 403 before the session is read. A request with no Origin whose Sec-Fetch-Site is not ' +
  'cross-site or same-site (the CLI) is served. Answers 409 when no payload keys are configured (TEMPORAL_PAYLOAD_KEYS), ' +
  '400 for a key id it does not know or a payload that does not open.';

export const adminOperations: Operations = {
  'GET /api/admin/workflows': {
    tag: 'admin',
    summary: 'List collection workflows, newest first',
    description:
      "Read from Temporal's visibility, filtered by status and the workflow's search attributes (strategy version, node, " +
      'segment, collector), with names joined from the database. Paged by the opaque `nextPageToken`, which only this list ' +
      'hands out; `total` is null when the server cannot count.',
    access: ADMINS,
    query: workflowListQuerySchema,
    responses: { 200: json('One page of workflows.', workflowListResponseSchema) },
  },
  'GET /api/admin/workflows/filter-options': {
    tag: 'admin',
    summary: 'What the workflow list can be filtered by',
    description: 'The published strategy versions with their nodes, the segments that are indexed, and the active collectors.',
    access: ADMINS,
    responses: { 200: json('The filter options.', workflowFilterOptionsSchema) },
  },
  'GET /api/admin/accounts/:id/workflow': {
    tag: 'admin',
    summary: "Inspect an account's collection workflow",
    description:
      "The latest run as Temporal describes it, where the strategy stands (asked of the running workflow; `stateError` says why " +
      'it is missing when the workflow did not answer), links to the Temporal Web UI and the history download, and the ' +
      'pauses, resumes and terminations recorded for the account.',
    access: ADMINS,
    params: idParamsSchema,
    responses: { 200: json('The inspection.', workflowInspectionSchema) },
  },
  'GET /api/admin/accounts/:id/timeline': {
    tag: 'admin',
    summary: "The workflow's history as an admin reads it: activities, waits, messages and decisions",
    access: ADMINS,
    params: idParamsSchema,
    responses: { 200: json('The timeline, in history order.', workflowTimelineSchema) },
  },
  'POST /api/admin/accounts/:id/workflow/pause': {
    tag: 'admin',
    summary: "Pause the account's collection workflow",
    description:
      'Nothing more happens on the account until it is resumed; messages that arrive meanwhile are kept. The reason goes to ' +
      'the audit log, which is written only if Temporal carried out the pause. A workflow already paused or ended refuses it.',
    access: ADMINS,
    params: idParamsSchema,
    body: workflowActionRequestSchema,
    responses: { 200: json('The action as recorded.', workflowActionRecordSchema) },
  },
  'POST /api/admin/accounts/:id/workflow/resume': {
    tag: 'admin',
    summary: "Resume the account's paused collection workflow",
    description: 'The reason goes to the audit log, which is written only if Temporal carried out the resume. A workflow that is not paused refuses it.',
    access: ADMINS,
    params: idParamsSchema,
    body: workflowActionRequestSchema,
    responses: { 200: json('The action as recorded.', workflowActionRecordSchema) },
  },
  'POST /api/admin/accounts/:id/workflow/terminate': {
    tag: 'admin',
    summary: "Terminate the account's collection workflow",
    description:
      'Ends the running workflow at once, without any further activity, and closes the account\'s open tasks. The reason goes ' +
      'to the audit log, which is written only if Temporal carried out the termination. Cannot be undone.',
    access: ADMINS,
    params: idParamsSchema,
    body: workflowActionRequestSchema,
    responses: { 200: json('The action as recorded.', workflowActionRecordSchema) },
  },
  'GET /api/admin/accounts/:id/history': {
    tag: 'admin',
    summary: "The workflow's history, event by event, with payloads decoded",
    access: ADMINS,
    params: idParamsSchema,
    responses: { 200: json('The history events, oldest first.', workflowHistorySchema) },
  },
  'GET /api/admin/accounts/:id/history.json': {
    tag: 'admin',
    summary: "Download the workflow's history in Temporal's own export format",
    description: 'The same JSON `temporal workflow show --output json` writes, sent as an attachment; it can be replayed in a test.',
    access: ADMINS,
    params: idParamsSchema,
    responses: { 200: file("The history as Temporal exports it (not described field by field here).", 'application/json') },
  },

  'GET /api/admin/audit': {
    tag: 'admin',
    summary: 'Read the audit log, newest first',
    description:
      'Filtered by actor (`system` for entries no user made), action prefix, entity, entity id and time. Paged by keyset: pass ' +
      "the page's `nextBefore` as `before` for the next, older page, so entries appended meanwhile never shift the pages.",
    access: ADMINS,
    query: auditListQuerySchema,
    responses: { 200: json('One page of entries.', auditListResponseSchema) },
  },
  'POST /api/admin/audit/verify': {
    tag: 'admin',
    summary: "Check the audit log's hash chain",
    description:
      'Walks the whole log in order and reports how many entries held and the first that did not (changed, removed or slipped ' +
      'in). The check and its result are recorded in the log itself.',
    access: ADMINS,
    responses: { 200: json('How many entries were verified, and the first broken one if any.', auditVerificationSchema) },
  },

  'GET /api/admin/payment-models': {
    tag: 'admin',
    summary: 'The stored payment prediction models, newest first',
    description: 'With how each was trained and measured, and why it is or is not the active one. The models themselves stay on the server.',
    access: ADMINS,
    responses: { 200: json('The models.', paymentModelListSchema) },
  },
  'POST /api/admin/payment-models/runs': {
    tag: 'admin',
    summary: 'Start a training run of the payment model now',
    description: 'The run goes on in the background; follow it by the workflow id answered. Audited.',
    access: ADMINS,
    body: startModelTrainingRequestSchema,
    responses: { 202: json('The run was started.', startModelTrainingResponseSchema) },
  },
  'GET /api/admin/payment-models/runs/:workflowId': {
    tag: 'admin',
    summary: 'How a training run stands',
    description: 'Running, completed with the model it stored (or why it stored none), or failed with the reason.',
    access: ADMINS,
    params: trainingRunParamsSchema,
    responses: { 200: json('The run.', trainingRunStatusSchema) },
  },
  'POST /api/admin/payment-models/:id/pin': {
    tag: 'admin',
    summary: 'Pin or unpin a payment model',
    description: 'Pinning makes the model the active one and keeps training from replacing it; unpinning only lifts that. Audited.',
    access: ADMINS,
    params: idParamsSchema,
    body: pinPaymentModelRequestSchema,
    responses: { 200: json('The model as it now stands.', paymentModelViewSchema) },
  },
  'POST /api/admin/payment-models/:id/activate': {
    tag: 'admin',
    summary: 'Make a stored payment model the active one',
    description: 'Rolls back (or forward) to the model for the reason given; the model active before is retired. Audited.',
    access: ADMINS,
    params: idParamsSchema,
    body: activatePaymentModelRequestSchema,
    responses: { 200: json('The model as it now stands.', paymentModelViewSchema) },
  },

  'GET /api/admin/api-tokens': {
    tag: 'admin',
    summary: 'List the API tokens, newest first',
    description: 'Never the secrets: only their first characters, to tell tokens apart.',
    access: ADMINS,
    responses: { 200: json('The tokens with their status as of now.', apiTokenListSchema) },
  },
  'GET /api/admin/api-tokens/scopes': {
    tag: 'admin',
    summary: 'The scopes a token can be given, with what each opens',
    access: ADMINS,
    responses: { 200: json('The scopes.', apiTokenScopeListSchema) },
  },
  'POST /api/admin/api-tokens': {
    tag: 'admin',
    summary: 'Create an API token',
    description:
      'The token acts as the named (active) user, with that user\'s role and team, on the routes its scopes open. The secret is ' +
      'in this answer only (sent with `Cache-Control: no-store`): it is not stored and cannot be shown again. Audited.',
    access: ADMINS,
    body: createApiTokenRequestSchema,
    responses: { 201: json('The token and its secret.', createdApiTokenSchema) },
  },
  'DELETE /api/admin/api-tokens/:id': {
    tag: 'admin',
    summary: 'Revoke an API token',
    description: 'The next request with the token is refused. Revoking a token twice is refused with 409. Audited.',
    access: ADMINS,
    params: idParamsSchema,
    responses: { 200: json('The token, now revoked.', apiTokenViewSchema) },
  },

  'GET /api/users': {
    tag: 'admin',
    summary: 'List the users',
    description: 'By name, with any sign-in lock that failed sign-ins put on them.',
    access: ADMINS,
    responses: { 200: json('The users.', z.array(userAdminViewSchema)) },
  },
  'POST /api/users': {
    tag: 'admin',
    summary: 'Create a user',
    description: 'A collector may be put on an active manager\'s team with `managerId`. Audited (never the password).',
    access: ADMINS,
    body: createUserRequestSchema,
    responses: { 201: json('The user as created.', userAdminViewSchema) },
  },
  'PATCH /api/users/:id': {
    tag: 'admin',
    summary: "Change a user's name, role, team or active flag",
    description:
      'The last active admin cannot be demoted or deactivated, and a manager who still leads active collectors keeps the role ' +
      'until they are moved (409). A deactivated user\'s sessions end at once. Audited.',
    access: ADMINS,
    params: idParamsSchema,
    body: updateUserRequestSchema,
    responses: { 200: json('The user as it now stands.', userAdminViewSchema) },
  },
  'POST /api/users/:id/password': {
    tag: 'admin',
    summary: "Set a user's password",
    description: "Ends the user's sessions, so whoever held the old password is signed out. Audited.",
    access: ADMINS,
    params: idParamsSchema,
    body: resetPasswordRequestSchema,
    responses: { 200: json('The user.', userAdminViewSchema) },
  },
  'POST /api/users/:id/unlock-sign-in': {
    tag: 'admin',
    summary: 'Lift the sign-in lock that failed sign-ins put on a user',
    description:
      "Forgets the failures counted against the user's e-mail. Locks on a client address are not lifted: they expire by " +
      'themselves. Audited whether or not a lock was in place.',
    access: ADMINS,
    params: idParamsSchema,
    responses: { 200: json('The user, no longer locked.', userAdminViewSchema) },
  },

  'POST /api/admin/temporal-codec/decode': {
    tag: 'admin',
    summary: "Decode Temporal payloads with the deployment's payload keys (Temporal codec server)",
    description: `Temporal's codec-server protocol: the payloads as proto3 JSON, \`{ payloads: [{ metadata: { name: base64 }, data: base64 }] }\`, answered in the same order, encrypted ones opened and the others as they came. ${CODEC_ACCESS}`,
    access: ADMINS,
    session: 'cookie-only',
    body: temporalCodecRequestSchema,
    responses: { 200: json('The payloads decoded.', temporalCodecResponseSchema) },
  },
  'POST /api/admin/temporal-codec/encode': {
    tag: 'admin',
    summary: "Encode Temporal payloads with the deployment's payload keys (Temporal codec server)",
    description: `Temporal's codec-server protocol: the payloads as proto3 JSON, \`{ payloads: [{ metadata: { name: base64 }, data: base64 }] }\`, answered encrypted with the active key, in the same order. ${CODEC_ACCESS}`,
    access: ADMINS,
    session: 'cookie-only',
    body: temporalCodecRequestSchema,
    responses: { 200: json('The payloads encoded.', temporalCodecResponseSchema) },
  },
};
