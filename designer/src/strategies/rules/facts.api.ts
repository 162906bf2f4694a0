import type { FactDefinition, FactType } from '@recoup/domain';
import type { ApiClient } from '../../api/api-client.ts';
import { FACT_TYPES } from './facts-registry.ts';
import type { FactsRegistry } from './facts-registry.ts';
import { isRecord, isStringArray, unexpected } from '../../api/response-reading.ts';

/** GET /api/facts. */
export interface FactsResponse extends FactsRegistry {
  operators: readonly string[];
}

function isFactType(value: unknown): value is FactType {
  return FACT_TYPES.some((type) => type === value);
}

function readFact(value: unknown): FactDefinition {
  if (!isRecord(value)) throw unexpected('a fact');
  const { name, type, description, unit, values, nullable } = value;
  if (typeof name !== 'string' || !isFactType(type) || typeof description !== 'string') throw unexpected('a fact');
  const fact: FactDefinition = { name, type, description };
  if (typeof unit === 'string') fact.unit = unit;
  if (isStringArray(values)) fact.values = values;
  if (nullable === true) fact.nullable = true;
  return fact;
}

export function readFactsResponse(body: unknown): FactsResponse {
  if (!isRecord(body) || !Array.isArray(body['facts']) || !isRecord(body['operatorsByType'])) {
    throw unexpected('a facts registry');
  }
  const byType = body['operatorsByType'];
  const read = (type: FactType): readonly string[] => {
    const operators = byType[type];
    if (!isStringArray(operators)) throw unexpected(`operators for ${type} facts`);
    return operators;
  };
  const operatorsByType: Record<FactType, readonly string[]> = {
    number: read('number'),
    string: read('string'),
    boolean: read('boolean'),
    date: read('date'),
    list: read('list'),
  };
  const operators = isStringArray(body['operators']) ? body['operators'] : [];
  return { facts: body['facts'].map(readFact), operators, operatorsByType };
}

export async function fetchFactsRegistry(client: ApiClient, signal?: AbortSignal): Promise<FactsResponse> {
  return readFactsResponse(await client.get<unknown>('/api/facts', signal));
}
