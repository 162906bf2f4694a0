import { deserialize, serialize } from 'node:v8';

// jsdom does not provide structuredClone, which every browser the designer supports has (dagre's layout uses it).
if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value)) as T;
}
