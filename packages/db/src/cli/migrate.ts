// Usage: DATABASE_URL=postgresql://... node packages/db/src/cli/migrate.ts <up|pending|down>
import { createOrm, migrateToLatest, pendingMigrations } from '../orm.ts';

const USAGE = 'usage: node packages/db/src/cli/migrate.ts <up|pending|down>  (reads DATABASE_URL)';
const COMMANDS = ['up', 'pending', 'down'] as const;
type Command = (typeof COMMANDS)[number];

function parseCommand(value: string | undefined): Command | undefined {
  return COMMANDS.find((c) => c === value);
}

async function main(): Promise<number> {
  const command = parseCommand(process.argv[2]);
  const databaseUrl = process.env.DATABASE_URL;
  if (!command || !databaseUrl) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const orm = await createOrm({ databaseUrl, poolMax: 2 });
  try {
    switch (command) {
      case 'up': {
        const applied = await migrateToLatest(orm);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
        return 0;
      }
      case 'pending': {
        const pending = await pendingMigrations(orm);
        process.stdout.write(pending.length ? `${pending.join('\n')}\n` : 'no pending migrations\n');
        return 0;
      }
      case 'down': {
        // Reverts only the most recent migration, and only on request.
        const reverted = await orm.migrator.down();
        process.stdout.write(`reverted: ${reverted.map((m) => m.name).join(', ') || 'nothing'}\n`);
        return 0;
      }
    }
  } finally {
    await orm.close(true);
  }
}

process.exitCode = await main();
