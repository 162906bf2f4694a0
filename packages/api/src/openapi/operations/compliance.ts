import { z } from 'zod';
import {
  callAttemptRequestSchema,
  callAttemptViewSchema,
  complianceSettingSchema,
  complianceSettingViewSchema,
  customerTypeParamsSchema,
  idParamsSchema,
} from '@recoup/contracts';
import { ADMINS, ALL_ROLES, json, type Operations } from '../operation.ts';

export const complianceOperations: Operations = {
  'GET /api/compliance-settings': {
    tag: 'compliance',
    summary: 'Contact hours and call limits of each customer type',
    access: ALL_ROLES,
    responses: { 200: json('One setting per customer type.', z.array(complianceSettingViewSchema)) },
  },
  'PUT /api/compliance-settings/:customerType': {
    tag: 'compliance',
    summary: "Change a customer type's contact hours and call limits",
    description: 'Applies to every reminder and call from then on. `callLimitScope` stays as it is when left out. The change is audited with the values before and after.',
    access: ADMINS,
    params: customerTypeParamsSchema,
    body: complianceSettingSchema,
    responses: { 200: json('The setting as it now stands.', complianceSettingViewSchema) },
  },
  'GET /api/accounts/:id/calls': {
    tag: 'accounts',
    summary: 'Calls placed to the account, newest first',
    description: 'At most the latest 200.',
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The calls.', z.array(callAttemptViewSchema)) },
  },
  'POST /api/accounts/:id/calls': {
    tag: 'accounts',
    summary: 'Log a call placed to the debtor',
    description:
      "Refused (422, naming the rule and the first moment a call would be allowed) when it breaks contact hours in any zone the debtor may be in, the call limits of the account's customer type, or a request to cease communication. A refused call is still written to the account's communication log, but does not count as placed.",
    access: ALL_ROLES,
    params: idParamsSchema,
    body: callAttemptRequestSchema,
    responses: { 201: json('The call as logged.', callAttemptViewSchema) },
  },
};
