import { z } from 'zod';
import {
  ruleEvaluateRequestSchema,
  ruleEvaluateResponseSchema,
  templateCreateSchema,
  templateKeyParamsSchema,
  templatePreviewRequestSchema,
  templatePreviewSchema,
  templateUpdateSchema,
  templateViewSchema,
} from '@recoup/contracts';
import { ALL_ROLES, json, MANAGERS, type Operations } from '../operation.ts';

export const templateOperations: Operations = {
  'GET /api/templates': {
    tag: 'templates',
    summary: 'List the reminder templates, by key',
    access: ALL_ROLES,
    responses: { 200: json('The templates.', z.array(templateViewSchema)) },
  },
  'POST /api/templates': {
    tag: 'templates',
    summary: 'Create a reminder template',
    description: 'Strategies refer to a template by its key, which is unique and never changes. Texts that are not valid Mustache are refused (422) naming each field.',
    access: MANAGERS,
    body: templateCreateSchema,
    responses: { 201: json('The template as stored.', templateViewSchema) },
  },
  'POST /api/templates/preview': {
    tag: 'templates',
    summary: 'Render template texts for one account, without storing anything',
    description:
      'Shows what a reminder on the channel would say to the account right now, addressed to the contact it would go to. Only for an account the caller may see. An SMS longer than the limit is refused (422).',
    access: MANAGERS,
    body: templatePreviewRequestSchema,
    responses: { 200: json('The rendered subject and text.', templatePreviewSchema) },
  },
  'GET /api/templates/:key': {
    tag: 'templates',
    summary: 'One reminder template',
    access: ALL_ROLES,
    params: templateKeyParamsSchema,
    responses: { 200: json('The template.', templateViewSchema) },
  },
  'PUT /api/templates/:key': {
    tag: 'templates',
    summary: "Change a template's channel, name, texts or letter attachment",
    description:
      'Only the fields given change; the change is audited with the wording it replaced. Reminders sent from now on use the new texts, including those of strategies already published.',
    access: MANAGERS,
    params: templateKeyParamsSchema,
    body: templateUpdateSchema,
    responses: { 200: json('The template as it now stands.', templateViewSchema) },
  },
  'POST /api/rules/evaluate': {
    tag: 'templates',
    summary: "Test a rule against one account's current facts",
    description:
      'Checks the condition as publishing a strategy would (known facts, fitting operators), then evaluates it on the facts a workflow would load for the account now. Nothing is stored.',
    access: MANAGERS,
    body: ruleEvaluateRequestSchema,
    responses: { 200: json('Whether the rule holds, which comparisons held, and every fact it was evaluated on.', ruleEvaluateResponseSchema) },
  },
};
