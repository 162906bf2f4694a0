import { describe, expect, it } from '@jest/globals';
import { describeSchema, flattenSchema, resolveRef, typePhrase, type FlatField } from '../../src/admin/api-reference/schema-view.ts';
import {
  descriptionParagraphs,
  groupByTag,
  matchesFilter,
  readApiReference,
  type ApiOperation,
} from '../../src/admin/api-reference/openapi-document.ts';

/** The parts of a flattened field a reader sees on its line. */
const line = ({ path, depth, type, format, required, nullable, enumValues, constValue }: FlatField) => ({
  path,
  depth,
  type: typePhrase({ type, format, constValue }),
  required,
  ...(nullable ? { nullable } : {}),
  ...(enumValues ? { enumValues } : {}),
});

const money = {
  type: 'object',
  description: 'An amount in minor units.',
  properties: { amountMinor: { type: 'string' }, currency: { type: 'string', minLength: 3, maxLength: 3 } },
  required: ['amountMinor', 'currency'],
};

describe('the schema view', () => {
  it('flattens a nested object with arrays, enums, nullable and optional fields into paths and depths', () => {
    const schema = {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        status: { type: 'string', enum: ['open', 'settled'] },
        note: { type: ['string', 'null'] },
        promisedAt: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
        invoices: {
          type: 'array',
          items: {
            type: 'object',
            properties: { number: { type: 'string' }, lines: { type: 'array', items: { type: 'object', properties: { amount: { type: 'integer' } }, required: ['amount'] } } },
            required: ['number'],
          },
        },
        tags: { type: 'array', items: { type: 'string', enum: ['vip', 'legal'] } },
      },
      required: ['id', 'status', 'note', 'invoices'],
    };

    expect(flattenSchema(describeSchema(schema, {})).map(line)).toEqual([
      { path: 'id', depth: 0, type: 'string (uuid)', required: true },
      { path: 'status', depth: 0, type: 'string', required: true, enumValues: ['"open"', '"settled"'] },
      { path: 'note', depth: 0, type: 'string', required: true, nullable: true },
      { path: 'promisedAt', depth: 0, type: 'string (date)', required: false, nullable: true },
      { path: 'invoices', depth: 0, type: 'array of object', required: true },
      { path: 'invoices[].number', depth: 1, type: 'string', required: true },
      { path: 'invoices[].lines', depth: 1, type: 'array of object', required: false },
      { path: 'invoices[].lines[].amount', depth: 2, type: 'integer', required: true },
      { path: 'tags', depth: 0, type: 'array of string', required: false, enumValues: ['"vip"', '"legal"'] },
    ]);
  });

  it('resolves a $ref within the document, names the component and keeps a description written beside it', () => {
    const document = { components: { schemas: { Money: money } } };
    const root = describeSchema(
      { type: 'object', properties: { amount: { $ref: '#/components/schemas/Money', description: 'What was paid.' } }, required: ['amount'] },
      document,
    );

    const [amount] = root.children;
    expect(amount).toMatchObject({ name: 'amount', type: 'object', refName: 'Money', description: 'What was paid.', required: true });
    expect(flattenSchema(root).map((field) => field.path)).toEqual(['amount', 'amount.amountMinor', 'amount.currency']);
    expect(flattenSchema(root)[2]?.constraints).toEqual(['exactly 3 characters']);
  });

  it('opens the same $ref in two places, but marks one that loops back to itself instead of opening it again', () => {
    // The shape of the API's strategy conditions: zod-openapi lifts the recursive schema out as __schema0.
    const document = {
      components: {
        schemas: {
          __schema0: {
            anyOf: [
              { type: 'object', properties: { all: { type: 'array', items: { $ref: '#/components/schemas/__schema0' } } }, required: ['all'] },
              { type: 'object', properties: { fact: { type: 'string' }, value: {} }, required: ['fact', 'value'] },
            ],
          },
          Money: money,
        },
      },
    };
    const root = describeSchema(
      {
        type: 'object',
        properties: { condition: { $ref: '#/components/schemas/__schema0' }, paid: { $ref: '#/components/schemas/Money' }, owed: { $ref: '#/components/schemas/Money' } },
      },
      document,
    );

    const flat = flattenSchema(root);
    expect(flat.map((field) => [field.path, typePhrase(field), field.repeats])).toEqual([
      ['condition', 'any of 2 shapes', null],
      ['condition(1)', 'object', null],
      ['condition(1).all', 'array of any of 2 shapes', 'condition'],
      ['condition(2)', 'object', null],
      ['condition(2).fact', 'string', null],
      ['condition(2).value', 'any', null],
      ['paid', 'object', null],
      ['paid.amountMinor', 'string', null],
      ['paid.currency', 'string', null],
      ['owed', 'object', null],
      ['owed.amountMinor', 'string', null],
      ['owed.currency', 'string', null],
    ]);
    // A generated name means nothing to a reader; a chosen one is shown.
    expect(flat[0]?.refName).toBeNull();
    expect(flat[6]?.refName).toBe('Money');
  });

  it('reads a union of literals as an enum, a union of plain values as one phrase, and a union with null as nullable', () => {
    const literals = describeSchema({ anyOf: [{ type: 'string', const: 'me' }, { type: 'string', const: 'none' }] }, {});
    expect(literals).toMatchObject({ type: 'string', enumValues: ['"me"', '"none"'], children: [] });

    const mixed = describeSchema({ anyOf: [{ type: 'string', format: 'uuid' }, { type: 'string', const: 'me' }] }, {});
    expect(typePhrase(mixed)).toBe('string (uuid) or "me"');

    const nullable = describeSchema({ anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }], description: 'The score, once computed.' }, {});
    expect(nullable).toMatchObject({ type: 'integer', nullable: true, description: 'The score, once computed.', constraints: ['at least 0'] });

    expect(describeSchema({ type: 'string', enum: ['a', null] }, {})).toMatchObject({ nullable: true, enumValues: ['"a"'] });
  });

  it('lists each option of a union of objects, with its own fields', () => {
    const root = describeSchema(
      {
        oneOf: [
          { type: 'object', properties: { allowed: { type: 'boolean', const: true } }, required: ['allowed'] },
          { type: 'object', properties: { allowed: { type: 'boolean', const: false }, reason: { type: 'string' } }, required: ['allowed', 'reason'] },
        ],
        type: 'object',
      },
      {},
    );

    expect(root).toMatchObject({ type: 'one of 2 shapes', childKind: 'oneOf' });
    expect(flattenSchema(root).map((field) => [field.path, field.label ?? field.name, typePhrase(field)])).toEqual([
      ['(1)', 'Option 1', 'object'],
      ['(1).allowed', 'allowed', 'true'],
      ['(2)', 'Option 2', 'object'],
      ['(2).allowed', 'allowed', 'false'],
      ['(2).reason', 'reason', 'string'],
    ]);
  });

  it('merges allOf, reads maps and tuples, and stops at the depth limit', () => {
    const document = { components: { schemas: { Money: money } } };
    const merged = describeSchema({ allOf: [{ $ref: '#/components/schemas/Money' }, { type: 'object', properties: { note: { type: 'string' } } }] }, document);
    expect(flattenSchema(merged).map((field) => [field.path, field.required])).toEqual([
      ['amountMinor', true],
      ['currency', true],
      ['note', false],
    ]);

    const map = describeSchema({ type: 'object', additionalProperties: { type: 'integer' }, propertyNames: { enum: ['EUR', 'USD'] } }, {});
    expect(map.children).toEqual([expect.objectContaining({ label: 'Any key', type: 'integer', constraints: ['keys: EUR, USD'] })]);
    expect(describeSchema({ type: 'object', additionalProperties: {} }, {}).type).toBe('object (any keys)');

    const tuple = describeSchema({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] }, {});
    expect(flattenSchema(tuple).map((field) => [field.path, field.label, field.type])).toEqual([
      ['[0]', 'Item 1', 'string'],
      ['[1]', 'Item 2', 'number'],
    ]);

    const nest = (levels: number): object => (levels === 0 ? { type: 'string' } : { type: 'object', properties: { inner: nest(levels - 1) } });
    const deep = flattenSchema(describeSchema(nest(5), {}, { maxDepth: 3 }));
    expect(deep.map((field) => [field.path, field.truncated])).toEqual([
      ['inner', false],
      ['inner.inner', false],
      ['inner.inner.inner', true],
    ]);
  });

  it('puts limits and defaults in words, leaving out the bounds every safe integer has', () => {
    expect(describeSchema({ type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 }, {}).constraints).toEqual([]);
    expect(describeSchema({ type: 'integer', minimum: 1, maximum: 500, default: 50 }, {}).constraints).toEqual(['1 to 500', 'default 50']);
    expect(describeSchema({ type: 'string', minLength: 1 }, {}).constraints).toEqual(['at least 1 character']);
    expect(describeSchema({ type: 'string', pattern: '^-?\\d+$' }, {}).constraints).toEqual(['matches ^-?\\d+$']);
    // A format says what its pattern spells out.
    expect(describeSchema({ type: 'string', format: 'uuid', pattern: '^[0-9a-f-]{36}$' }, {}).constraints).toEqual([]);
    expect(describeSchema({ type: 'array', items: { type: 'string', maxLength: 20 }, maxItems: 10 }, {}).constraints).toEqual(['at most 10 items', 'each at most 20 characters']);
  });

  it('follows JSON pointers with escaped characters, and says when a reference is missing', () => {
    const document = { components: { schemas: { 'a/b~c': { type: 'string' } } } };
    expect(resolveRef(document, '#/components/schemas/a~1b~0c')).toEqual({ type: 'string' });
    expect(resolveRef(document, 'https://example.com/schema.json')).toBeUndefined();
    expect(describeSchema({ $ref: '#/components/schemas/Gone' }, document)).toMatchObject({ type: 'unknown', refName: 'Gone' });
  });
});

describe('reading the OpenAPI document', () => {
  const operation = (method: string, tag: string, extra: object = {}) => ({ summary: `${method} something`, tags: [tag], responses: { default: { description: 'An error.' } }, ...extra });
  const reference = readApiReference({
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    tags: [{ name: 'accounts', description: 'A' }, { name: 'payments', description: 'P' }],
    paths: {
      '/api/payments': { post: operation('post', 'payments', { 'x-token-scope': 'payments:write', 'x-access': ['admin'] }) },
      '/api/legacy': { get: operation('get', 'legacy') },
      '/api/accounts/{id}': {
        parameters: [{ in: 'path', name: 'id', schema: { type: 'string' } }],
        get: operation('get', 'accounts', {
          description: 'One account.\n\nRoles: admin, manager.\n\nAPI tokens need the scope `accounts:read`.',
          'x-access': ['admin', 'manager'],
          'x-token-scope': 'accounts:read',
          responses: { default: { description: 'An error.' }, '200': { description: 'The account.' } },
        }),
      },
    },
  });
  const byKey = (key: string) => reference.operations.find((op) => op.key === key) as ApiOperation;

  it('groups operations in the order of document.tags, with tags it does not list after them', () => {
    expect(groupByTag(reference.operations, reference.tags).map((group) => [group.tag.name, group.operations.map((op) => op.key)])).toEqual([
      ['accounts', ['get /api/accounts/{id}']],
      ['payments', ['post /api/payments']],
      ['legacy', ['get /api/legacy']],
    ]);
  });

  it('reads path-level parameters as required path parameters, and sorts answers by status with default last', () => {
    const account = byKey('get /api/accounts/{id}');
    expect(account.parameters).toEqual([{ name: 'id', in: 'path', required: true, description: null, deprecated: false, schema: { type: 'string' } }]);
    expect(account.responses.map((response) => response.status)).toEqual(['200', 'default']);
    expect(descriptionParagraphs(account)).toEqual(['One account.']);
  });

  it('matches every word of a search against the path, summary, tag or method, and can keep only what tokens may call', () => {
    const keys = (query: string, tokensOnly = false) => reference.operations.filter((op) => matchesFilter(op, { query, tokensOnly })).map((op) => op.key);
    expect(keys('PAYMENTS')).toEqual(['post /api/payments']);
    expect(keys('get accounts')).toEqual(['get /api/accounts/{id}']);
    expect(keys('/api/accounts/:id')).toEqual(['get /api/accounts/{id}']);
    expect(keys('', true)).toEqual(['post /api/payments', 'get /api/accounts/{id}']);
    expect(keys('legacy', true)).toEqual([]);
  });
});
