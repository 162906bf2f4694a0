import openapiTS, { astToString } from 'openapi-typescript';
import { apiDocument } from '@recoup/api/openapi';

const HEADER = `// Generated from Recoup's OpenAPI contract by \`pnpm --filter @recoup/api-client run generate\`. Do not edit:
// a test fails when this file no longer matches the contract the API serves.

`;

/** The TypeScript types of the contract, as the committed src/schema.ts must read. */
export const schemaSource = async (): Promise<string> => {
  // The document is a plain object; a JSON round trip gives openapi-typescript exactly what /api/openapi.json serves.
  const document = JSON.parse(JSON.stringify(apiDocument())) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { alphabetize: false, exportType: false });
  return HEADER + astToString(ast);
};
