// JSON Schema (2020-12, as OpenAPI 3.1 has it) in words for people: a tree of fields, each with its type, whether it
// is required or nullable, its allowed values and limits. Pure functions, so the reference page only renders.

/** A schema: an object of keywords, or `true` (anything) / `false` (nothing). Read loosely: servers vary. */
export type JsonSchema = boolean | Readonly<Record<string, unknown>>;

export interface SchemaField {
  /** The property's name; null for the whole body, an option of a union, or the keys of a map. */
  name: string | null;
  /** What a nameless field is: "Option 2", "Any key", "Item 1". */
  label: string | null;
  /** In words: "string", "integer", "array of object", "one of 2 shapes", "any". */
  type: string;
  format: string | null;
  /** Whether the property must be present; null where that means nothing (the root, an option, an item). */
  required: boolean | null;
  nullable: boolean;
  /** The allowed values, as JSON ("\"open\"", "3", "true"). */
  enumValues: string[] | null;
  /** The one allowed value, as JSON. */
  constValue: string | null;
  description: string | null;
  /** Limits and defaults in words: "1 to 500", "at most 200 characters", "default 50". */
  constraints: string[];
  /** The name of the component a `$ref` pointed to, when someone chose it (generated names are left out). */
  refName: string | null;
  /** Where a `$ref` loops back to a schema already open above: the path of the field it repeats ("" for the root). */
  repeats: string | null;
  /** Set where nesting went past the depth limit: the fields below are not shown. */
  truncated: boolean;
  /** True for an array: its items' fields (or options) are the children. */
  isArray: boolean;
  /** What the children are: an object's fields, a union's options, or a tuple's items. */
  childKind: 'fields' | 'oneOf' | 'anyOf' | 'tuple' | null;
  children: SchemaField[];
}

/** One field of a flattened tree: its place (`items[].balance[].currency`) and depth (0 for the top level). */
export interface FlatField extends Omit<SchemaField, 'children'> {
  path: string;
  depth: number;
}

export interface SchemaViewOptions {
  /** How many levels of nested fields to show below the top. */
  maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 8;

// z.number().int() comes out bounded by ±(2^53 − 1): true, but noise to a reader.
const SAFE_BOUND = Number.MAX_SAFE_INTEGER;
// zod-openapi names schemas it had to lift out itself (a recursive one) __schema0, __schema1, …
const GENERATED_NAME = /^__schema\d+$/;

type Keywords = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as JSON, for enum values, consts and defaults. */
export const literal = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
};

/** The value a local reference ("#/components/schemas/Money") points to within the document, or undefined. */
export function resolveRef(document: unknown, ref: string): unknown {
  if (ref === '#') return document;
  if (!ref.startsWith('#/')) return undefined;
  let current: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isRecord(current)) current = Object.prototype.hasOwnProperty.call(current, key) ? current[key] : undefined;
    else return undefined;
  }
  return current;
}

const refName = (ref: string): string | null => {
  const name = ref.split('/').pop();
  return name && !GENERATED_NAME.test(name) && ref.startsWith('#/') ? decodeURIComponent(name).replace(/~1/g, '/').replace(/~0/g, '~') : null;
};

const isNullSchema = (schema: unknown): boolean =>
  isRecord(schema) && (schema['type'] === 'null' || schema['const'] === null || (Array.isArray(schema['type']) && schema['type'].length === 1 && schema['type'][0] === 'null'));

const typeNames = (schema: Keywords): string[] => {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
};

const typeOfValue = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const range = (min: unknown, max: unknown, unit: string): string | null => {
  const lo = typeof min === 'number' ? min : null;
  const hi = typeof max === 'number' ? max : null;
  // "1 character", "3 characters": the unit is given in the plural.
  const of = (count: number) => (unit === '' ? '' : ` ${count === 1 ? unit.replace(/s$/, '') : unit}`);
  if (lo !== null && hi !== null) return lo === hi ? `exactly ${lo}${of(lo)}` : `${lo} to ${hi}${of(hi)}`;
  if (lo !== null) return `at least ${lo}${of(lo)}`;
  if (hi !== null) return `at most ${hi}${of(hi)}`;
  return null;
};

function constraintsOf(schema: Keywords): string[] {
  const out: string[] = [];
  const bound = (value: unknown) => (typeof value === 'number' && Math.abs(value) === SAFE_BOUND ? undefined : value);
  const numeric = range(bound(schema['minimum']), bound(schema['maximum']), '');
  if (numeric) out.push(numeric);
  if (typeof schema['exclusiveMinimum'] === 'number') out.push(`more than ${schema['exclusiveMinimum']}`);
  if (typeof schema['exclusiveMaximum'] === 'number') out.push(`less than ${schema['exclusiveMaximum']}`);
  if (typeof schema['multipleOf'] === 'number') out.push(`a multiple of ${schema['multipleOf']}`);
  const length = range(schema['minLength'], schema['maxLength'], 'characters');
  if (length) out.push(length);
  const items = range(schema['minItems'], schema['maxItems'], 'items');
  if (items) out.push(items);
  if (schema['uniqueItems'] === true) out.push('no duplicates');
  // A format (uuid, date-time) says what the pattern spells out; only a bare pattern is worth showing.
  if (typeof schema['pattern'] === 'string' && typeof schema['format'] !== 'string') out.push(`matches ${schema['pattern']}`);
  if (schema['default'] !== undefined) out.push(`default ${literal(schema['default'])}`);
  if (schema['deprecated'] === true) out.push('deprecated');
  if (schema['readOnly'] === true) out.push('read-only');
  if (schema['writeOnly'] === true) out.push('write-only');
  return out;
}

/** A field's type as one phrase: `string (uuid)`, `object`, or the one value a const allows. Enum values are listed apart. */
export function typePhrase(field: Pick<SchemaField, 'type' | 'format' | 'constValue'>): string {
  if (field.constValue !== null) return field.constValue;
  return field.format ? `${field.type} (${field.format})` : field.type;
}

/** A plain value's type with its values spelled out, for one option among several: `"me" or "none"`, `string (uuid)`. */
const leafPhrase = (field: SchemaField): string => (field.constValue === null && field.enumValues !== null ? field.enumValues.join(' or ') : typePhrase(field));

const blank = (): SchemaField => ({
  name: null,
  label: null,
  type: 'any',
  format: null,
  required: null,
  nullable: false,
  enumValues: null,
  constValue: null,
  description: null,
  constraints: [],
  refName: null,
  repeats: null,
  truncated: false,
  isArray: false,
  childKind: null,
  children: [],
});

interface Walk {
  document: unknown;
  maxDepth: number;
  /** The references open on the way down, with the path of the field where each was first opened. */
  open: Map<string, string>;
}

const join = (base: string, name: string): string => (base === '' ? name : `${base}.${name}`);

/** Folds `allOf` members into one schema: their fields and required lists together, the rest of the first that says it. */
function mergeAllOf(schema: Keywords, walk: Walk): Keywords {
  const members = schema['allOf'];
  if (!Array.isArray(members)) return schema;
  const { allOf: _allOf, ...rest } = schema;
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  const merged: Record<string, unknown> = {};
  for (const raw of [...members, rest]) {
    let member: unknown = raw;
    // Follow references here too, but never one already open above (that would loop).
    for (let hops = 0; isRecord(member) && typeof member['$ref'] === 'string' && !walk.open.has(member['$ref']) && hops < 16; hops += 1) {
      const { $ref, ...siblings } = member;
      const target = resolveRef(walk.document, $ref as string);
      member = isRecord(target) ? { ...target, ...siblings } : siblings;
    }
    if (!isRecord(member)) continue;
    const inner = mergeAllOf(member, walk);
    for (const [key, value] of Object.entries(inner)) {
      if (key === 'properties' && isRecord(value)) {
        Object.assign(properties, value);
      } else if (key === 'required' && Array.isArray(value)) {
        for (const name of value) if (typeof name === 'string') required.add(name);
      } else if (!(key in merged)) {
        merged[key] = value;
      }
    }
  }
  if (Object.keys(properties).length > 0) {
    merged['properties'] = properties;
    merged['type'] ??= 'object';
  }
  if (required.size > 0) merged['required'] = [...required];
  return merged;
}

/**
 * One schema in words. `path` names where it sits (for a recursive `$ref` to say what it repeats), `depth` how deep
 * its own fields would be.
 */
function view(input: unknown, walk: Walk, path: string, depth: number): SchemaField {
  const field = blank();
  if (input === false) return { ...field, type: 'nothing (never valid)' };
  if (!isRecord(input)) return field;
  let schema: Keywords = input;

  // $ref, with its siblings (3.1 allows a description beside it) laid over the target.
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const { $ref: _ref, ...siblings } = schema;
    const name = refName(ref);
    const seenAt = walk.open.get(ref);
    if (seenAt !== undefined) {
      const target = resolveRef(walk.document, ref);
      return {
        ...field,
        type: isRecord(target) ? shallowType(target) : 'any',
        refName: name,
        repeats: seenAt,
        description: typeof siblings['description'] === 'string' ? siblings['description'] : null,
      };
    }
    const target = resolveRef(walk.document, ref);
    if (target === undefined) return { ...field, type: 'unknown', refName: name, description: `The reference ${ref} is not in the document.` };
    walk.open.set(ref, path);
    try {
      const resolved = view(isRecord(target) ? { ...target, ...siblings } : target, walk, path, depth);
      return { ...resolved, refName: resolved.refName ?? name };
    } finally {
      walk.open.delete(ref);
    }
  }

  schema = mergeAllOf(schema, walk);
  field.description = typeof schema['description'] === 'string' ? schema['description'] : typeof schema['title'] === 'string' ? schema['title'] : null;
  field.format = typeof schema['format'] === 'string' ? schema['format'] : null;
  field.constraints = constraintsOf(schema);
  if (schema['nullable'] === true) field.nullable = true;

  // Unions: a null member makes the field nullable; one member left is the field itself.
  const unionKind = Array.isArray(schema['oneOf']) ? 'oneOf' : Array.isArray(schema['anyOf']) ? 'anyOf' : null;
  if (unionKind !== null) {
    const members = schema[unionKind] as unknown[];
    const others = members.filter((member) => !isNullSchema(member));
    const nullable = field.nullable || others.length < members.length;
    if (others.length === 0) return { ...field, type: 'null', nullable: true };
    if (others.length === 1) {
      const inner = view(others[0], walk, path, depth);
      return {
        ...inner,
        nullable: inner.nullable || nullable,
        description: field.description ?? inner.description,
        constraints: [...new Set([...field.constraints, ...inner.constraints])],
      };
    }
    const options = others.map((member, index) => ({ ...view(member, walk, path, depth + 1), label: `Option ${index + 1}` }));
    // Literals only ("me" | "none" | "all"): an enum, whatever it was written as.
    if (options.every((option) => (option.constValue !== null || option.enumValues !== null) && option.children.length === 0)) {
      const types = [...new Set(options.map((option) => option.type))];
      return { ...field, nullable, type: types.join(' or '), enumValues: options.flatMap((option) => (option.constValue !== null ? [option.constValue] : (option.enumValues ?? []))) };
    }
    // Plain values only: one phrase, `string (uuid) or "me" or "none"`.
    if (options.every((option) => option.children.length === 0 && option.repeats === null && !option.truncated)) {
      return { ...field, nullable, type: options.map(leafPhrase).join(' or ') };
    }
    if (depth >= walk.maxDepth) return { ...field, nullable, type: `${unionKind === 'oneOf' ? 'one' : 'any'} of ${options.length} shapes`, truncated: true };
    return { ...field, nullable, type: `${unionKind === 'oneOf' ? 'one' : 'any'} of ${options.length} shapes`, childKind: unionKind, children: options };
  }

  const declared = typeNames(schema);
  if (declared.includes('null')) field.nullable = true;
  let types = declared.filter((t) => t !== 'null');

  if (schema['const'] !== undefined) {
    if (schema['const'] === null) return { ...field, type: 'null', nullable: true };
    field.constValue = literal(schema['const']);
    if (types.length === 0) types = [typeOfValue(schema['const'])];
  }
  if (Array.isArray(schema['enum'])) {
    const values = schema['enum'];
    if (values.includes(null)) field.nullable = true;
    const kept = values.filter((value) => value !== null);
    field.enumValues = kept.map(literal);
    if (types.length === 0) types = [...new Set(kept.map(typeOfValue))];
  }
  if (types.length === 0) {
    if (isRecord(schema['properties']) || schema['additionalProperties'] !== undefined) types = ['object'];
    else if (schema['items'] !== undefined || Array.isArray(schema['prefixItems'])) types = ['array'];
  }
  field.type = types.length === 0 ? 'any' : types.join(' or ');

  if (types.length === 1 && types[0] === 'object') return objectView(schema, field, walk, path, depth);
  if (types.length === 1 && types[0] === 'array') return arrayView(schema, field, walk, path, depth);
  return field;
}

/** A type in a word, without opening anything: for a schema that repeats one above it. */
function shallowType(schema: Keywords): string {
  const union = Array.isArray(schema['oneOf']) ? schema['oneOf'] : Array.isArray(schema['anyOf']) ? schema['anyOf'] : null;
  if (union) return `${Array.isArray(schema['oneOf']) ? 'one' : 'any'} of ${union.filter((m) => !isNullSchema(m)).length} shapes`;
  const types = typeNames(schema).filter((t) => t !== 'null');
  if (types.length > 0) return types.join(' or ');
  if (isRecord(schema['properties'])) return 'object';
  return 'any';
}

function objectView(schema: Keywords, field: SchemaField, walk: Walk, path: string, depth: number): SchemaField {
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].filter((name): name is string => typeof name === 'string') : []);
  const extra = schema['additionalProperties'] ?? schema['unevaluatedProperties'];
  const names = Object.keys(properties);
  const mapOf = isRecord(extra) && Object.keys(extra).length > 0 ? extra : null;
  if (names.length === 0 && mapOf === null) {
    if (extra === true || (isRecord(extra) && Object.keys(extra).length === 0)) return { ...field, type: 'object (any keys)' };
    return field;
  }
  if (depth >= walk.maxDepth) return { ...field, truncated: true };
  const children: SchemaField[] = names.map((name) => ({ ...view(properties[name], walk, join(path, name), depth + 1), name, required: required.has(name) }));
  if (mapOf !== null) {
    const keys = isRecord(schema['propertyNames']) ? schema['propertyNames'] : null;
    const value = view(mapOf, walk, join(path, '*'), depth + 1);
    const keyRule = keys && Array.isArray(keys['enum']) ? [`keys: ${keys['enum'].map((k) => String(k)).join(', ')}`] : keys && typeof keys['pattern'] === 'string' ? [`keys match ${keys['pattern']}`] : [];
    children.push({ ...value, label: names.length === 0 ? 'Any key' : 'Any other key', constraints: [...keyRule, ...value.constraints] });
  } else if (extra === true || (isRecord(extra) && Object.keys(extra).length === 0)) {
    field.constraints = [...field.constraints, 'other keys allowed'];
  }
  return { ...field, childKind: 'fields', children };
}

function arrayView(schema: Keywords, field: SchemaField, walk: Walk, path: string, depth: number): SchemaField {
  if (Array.isArray(schema['prefixItems'])) {
    const items = schema['prefixItems'];
    if (depth >= walk.maxDepth) return { ...field, type: `tuple of ${items.length}`, truncated: true };
    const children = items.map((item, index) => ({ ...view(item, walk, `${path}[${index}]`, depth + 1), label: `Item ${index + 1}` }));
    return { ...field, type: `tuple of ${items.length}`, childKind: 'tuple', children };
  }
  if (schema['items'] === undefined) return field;
  // The items' own fields become the array's: "array of object" with the object's fields below it.
  const item = view(schema['items'], walk, `${path}[]`, depth);
  return {
    ...field,
    type: `array of ${typePhrase(item)}${item.nullable ? ' or null' : ''}`,
    isArray: true,
    enumValues: item.enumValues,
    description: field.description ?? item.description,
    constraints: [...field.constraints, ...item.constraints.map((rule) => `each ${rule}`)],
    refName: item.refName,
    repeats: item.repeats,
    truncated: item.truncated,
    childKind: item.childKind,
    children: item.children,
  };
}

/** A schema as a tree of fields. `document` is what `$ref`s are resolved in (the whole OpenAPI document). */
export function describeSchema(schema: unknown, document: unknown, options: SchemaViewOptions = {}): SchemaField {
  return view(schema, { document, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, open: new Map() }, '', 0);
}

/** Where a child sits below its parent: `a.b`, `a.*` (a map's values), `a(2)` (the second option), `a[0]` (a tuple's first). */
function childPath(parent: SchemaField, base: string, child: SchemaField, index: number): string {
  if (parent.childKind === 'tuple') return `${base}[${index}]`;
  if (parent.childKind === 'oneOf' || parent.childKind === 'anyOf') return `${base}(${index + 1})`;
  const name = child.name ?? '*';
  return base === '' ? name : `${base}.${name}`;
}

/** The fields below the root, depth first, each with its path (`items[].balance[].currency`) and depth (0 at the top). */
export function flattenSchema(root: SchemaField): FlatField[] {
  const out: FlatField[] = [];
  const visit = (parent: SchemaField, base: string, depth: number) => {
    parent.children.forEach((child, index) => {
      const path = childPath(parent, base, child, index);
      const { children: _children, ...flat } = child;
      out.push({ ...flat, path, depth });
      visit(child, child.isArray ? `${path}[]` : path, depth + 1);
    });
  };
  visit(root, root.isArray ? '[]' : '', 0);
  return out;
}
