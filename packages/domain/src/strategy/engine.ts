// What the collection workflow needs of the domain, and nothing more: the workflow bundle is loaded into every
// workflow context, so it should not carry the tables and services the engine does not use. (The node kinds'
// definitions come with the interpreter, schemas included: each kind is one module.)
export { nextWakeAt, step } from './interpreter.ts';
export { checkMigration, migrateState, type MigrationCheck } from './migration.ts';
export { taskOutcomesAt } from './node-exits.ts';
export { dispatchCommand, type CommandHandlers, type CommandOf } from './engine-types.ts';
