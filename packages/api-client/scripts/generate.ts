import { writeFileSync } from 'node:fs';
import { schemaSource } from './schema-source.ts';

const target = new URL('../src/schema.ts', import.meta.url);
writeFileSync(target, await schemaSource());
console.log(`wrote ${target.pathname}`);
