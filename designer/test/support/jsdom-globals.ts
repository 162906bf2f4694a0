import { deserialize, serialize } from 'node:v8';
// From the DOM library: importing @testing-library/react here, before Jest's globals exist, would skip its cleanup
// after each test.
import { configure } from '@testing-library/dom';

// jsdom does not provide structuredClone, which every browser the designer supports has (dagre's layout uses it).
if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value)) as T;
}

// Testing Library waits 1 s for an element by default. On a busy CI machine running every suite at once, a page
// whose fake server answers at once can still take longer than that to render; waiting longer costs nothing when
// the element does appear, and a test that would fail still fails.
configure({ asyncUtilTimeout: 5_000 });
