import { z } from 'zod';
import { json, type Operations } from '../operation.ts';

/** What this contract itself is, as far as a client needs to check it got one. */
const openApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

export const systemOperations: Operations = {
  'GET /api/openapi.json': {
    tag: 'system',
    summary: 'This contract, as an OpenAPI 3.1 document',
    description: 'Generated from the schemas the API validates its input with, so it describes what the running server really accepts and answers.',
    access: 'public',
    responses: { 200: json('The OpenAPI document.', openApiDocumentSchema) },
  },
};
