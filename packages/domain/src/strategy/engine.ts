// What the collection workflow needs of the domain, and nothing more: the workflow bundle is loaded into every
// workflow context, so it should not carry the schemas and tables the engine does not use.
export { nextWakeAt, step } from './interpreter.ts';
export { checkMigration, migrateState, type MigrationCheck } from './migration.ts';
export { taskOutcomesAt } from './node-exits.ts';
export { dispatchCommand, type CommandHandlers, type CommandOf } from './engine-types.ts';
