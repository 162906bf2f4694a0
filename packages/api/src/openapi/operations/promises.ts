import {
  disputeAttachmentParamsSchema,
  disputeListSchema,
  disputeViewSchema,
  idParamsSchema,
  openDisputeRequestSchema,
  promiseListSchema,
  promiseRequestSchema,
  promiseViewSchema,
  resolveDisputeRequestSchema,
} from '@recoup/contracts';
import { ALL_ROLES, file, json, MANAGERS, type Operations } from '../operation.ts';

export const promiseOperations: Operations = {
  'GET /api/accounts/:id/promises': {
    tag: 'promises',
    summary: "The account's promises to pay, with what it owes and how much of that is collectible",
    description: 'Every promise of the account, whatever its status, earliest due first.',
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The promises and the balance in the account\'s currency.', promiseListSchema) },
  },
  'POST /api/accounts/:id/promises': {
    tag: 'promises',
    summary: 'Record a promise to pay',
    description:
      "The account's collection workflow is asked to hold dunning until the promise falls due (plus its grace days); a promise " +
      'the workflow refuses, or cannot be handed to, is cancelled again and the call answers with an error.',
    access: ALL_ROLES,
    params: idParamsSchema,
    body: promiseRequestSchema,
    responses: { 201: json('The promise as stored.', promiseViewSchema) },
  },

  'GET /api/accounts/:id/disputes': {
    tag: 'promises',
    summary: "The account's disputes, with what it owes and how much of that is collectible",
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The disputes and the balance in the account\'s currency.', disputeListSchema) },
  },
  'POST /api/accounts/:id/disputes': {
    tag: 'promises',
    summary: 'Open a dispute over some of the account\'s invoices',
    description:
      'Each item names an open invoice of the account and, optionally, the disputed part of it (the whole open amount otherwise). ' +
      'An invoice already under an open dispute is refused with 409. The disputed amounts are not collected until the dispute ' +
      'is resolved, and the collection workflow is told.',
    access: ALL_ROLES,
    params: idParamsSchema,
    body: openDisputeRequestSchema,
    responses: { 201: json('The dispute as opened.', disputeViewSchema) },
  },

  'POST /api/disputes/:id/resolve': {
    tag: 'promises',
    summary: 'Resolve an open dispute as valid or invalid',
    description:
      "`valid` upholds it: each disputed amount is credited off its invoice with a credit note, as far as the invoice is still open. " +
      '`invalid` rejects it: the amounts become collectible again. Either way the collection workflow re-reads the account. ' +
      'A dispute that is no longer open is refused with 409.',
    access: MANAGERS,
    params: idParamsSchema,
    body: resolveDisputeRequestSchema,
    responses: { 200: json('The dispute as resolved, with the credit notes written.', disputeViewSchema) },
  },
  'GET /api/disputes/:id/attachments/:attachmentId': {
    tag: 'promises',
    summary: 'Download a file the debtor sent with a dispute',
    description:
      'For whoever may see the dispute\'s account. The file is sent as an attachment (Content-Disposition) under the media type ' +
      'its bytes were checked to be when it arrived: application/pdf, image/png or image/jpeg. It is sent with ' +
      '`X-Content-Type-Options: nosniff`, a sandboxing Content-Security-Policy and `Cache-Control: private, no-store`.',
    access: ALL_ROLES,
    params: disputeAttachmentParamsSchema,
    responses: {
      200: file('The file\'s bytes, as application/pdf, image/png or image/jpeg (the attachment\'s `mediaType`).', ['application/pdf', 'image/png', 'image/jpeg']),
    },
  },
};
