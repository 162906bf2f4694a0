import { isGrpcServiceError, type Connection, type ConnectionLike } from '@temporalio/client';
import { RECOUP_SEARCH_ATTRIBUTES } from '../shared/search-attributes.ts';
import { errorMessage } from '@recoup/domain';
import { WorkflowsError } from '../errors.ts';
import type { RecoupErrorOptions } from '@recoup/domain';

/**
 * temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD. Written out because @temporalio/proto is
 * CommonJS without named exports that Node's ES module loader can see.
 */
const INDEXED_VALUE_TYPE_KEYWORD = 2;

/** gRPC's ALREADY_EXISTS: older servers answer it for an attribute registered before. */
const ALREADY_EXISTS = 6;

/** The dev server's `--search-attribute Name=Keyword` flags that register the same attributes at its start. */
export const devServerSearchAttributeArgs = (): string[] =>
  RECOUP_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]);

export class SearchAttributesUnregisteredError extends WorkflowsError {
  override readonly name = 'SearchAttributesUnregisteredError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('unavailable', 'search-attributes-unregistered', message, options);
  }
}

/**
 * Registers the admin console's search attributes in the namespace through the operator service, as a cluster's
 * operator would with `temporal operator search-attribute create`. Registering an attribute that exists with the
 * same type changes nothing. The workflow upserts them as it moves, and a server refuses a workflow task that
 * upserts an unknown attribute, so a worker must not run before this has succeeded. Temporal Cloud does not
 * offer this call to an API key: there they are added once with `tcld namespace search-attributes add`, and found
 * here by listing them.
 */
export async function registerSearchAttributes(connection: ConnectionLike, namespace: string): Promise<void> {
  if (!('operatorService' in connection)) throw new SearchAttributesUnregisteredError('This connection has no operator service.');
  const operator = (connection as Connection).operatorService;
  const searchAttributes = Object.fromEntries(
    RECOUP_SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_VALUE_TYPE_KEYWORD]),
  );
  try {
    await operator.addSearchAttributes({ namespace, searchAttributes });
  } catch (error) {
    if (isGrpcServiceError(error) && error.code === ALREADY_EXISTS) return;
    // Where adding is not allowed (Temporal Cloud), attributes added by the operator beforehand are just as good.
    if (await allRegistered(operator, namespace, Object.keys(searchAttributes))) return;
    throw new SearchAttributesUnregisteredError(
      `Could not register the search attributes ${Object.keys(searchAttributes).join(', ')} in namespace "${namespace}" ` +
        `(${errorMessage(error)}). Register them as Keyword attributes ` +
        '(temporal operator search-attribute create, or tcld on Temporal Cloud) and start again.',
    );
  }
}

async function allRegistered(operator: Connection['operatorService'], namespace: string, names: string[]): Promise<boolean> {
  try {
    const listed = await operator.listSearchAttributes({ namespace });
    return names.every((name) => name in listed.customAttributes);
  } catch {
    return false;
  }
}
