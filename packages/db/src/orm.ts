import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities/entities.ts';
import { MIGRATIONS } from './migrations/migration-list.ts';

export type RecoupOrm = MikroORM;

export interface CreateOrmOptions {
  databaseUrl: string;
  debug?: boolean;
  /** Connection pool size; the default suits one process. */
  poolMax?: number;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export function ormConfig(options: CreateOrmOptions): Options {
  return {
    clientUrl: options.databaseUrl,
    entities: [...ENTITIES],
    extensions: [Migrator],
    debug: options.debug ?? false,
    // Every unit of work must fork its own EntityManager (RequestContext or em.fork()).
    allowGlobalContext: false,
    // The schema is owned by the checked-in migrations; never create or alter anything implicitly.
    ensureDatabase: false,
    ensureIndexes: false,
    colors: false,
    pool: { max: options.poolMax ?? 10 },
    // The session store's, the sign-in throttle's and the portal rate limiter's tables have no entity; keep schema
    // tooling from proposing to drop them.
    schemaGenerator: { skipTables: ['session', 'sign_in_throttle', 'portal_rate_limit', 'api_token_rate_limit'] },
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      tableName: 'mikro_orm_migrations',
      // Listed explicitly (not discovered by glob) so the same migrations run under Node, Jest and bundlers.
      migrationsList: [...MIGRATIONS],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      snapshotOnMigrate: false,
      silent: true,
      emit: 'ts',
    },
  };
}

export async function createOrm(options: CreateOrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}

/** Applies every pending migration and returns the names of those it ran. */
export async function migrateToLatest(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}

export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  const pending = await orm.migrator.getPending();
  return pending.map((m) => m.name);
}
