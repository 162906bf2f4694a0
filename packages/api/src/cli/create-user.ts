import { parseArgs } from 'node:util';
import { loadConfig } from '@recoup/config';
import { AppUser, USER_ROLES, createOrm, type UserRole } from '@recoup/db';
import { hashPassword } from '../auth/passwords.ts';

// Creates a user, e.g. the first admin of a new installation:
//   RECOUP_USER_PASSWORD='…' node packages/api/src/cli/create-user.ts --email ana@example.com --name "Ana" --role admin
// The password comes from the environment so that it stays out of the shell history and the process list.

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
});
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};
const email = values.email?.trim().toLowerCase() ?? fail('--email is required');
const name = values.name?.trim() || fail('--name is required');
const role = (USER_ROLES as readonly string[]).includes(values.role ?? '') ? (values.role as UserRole) : fail(`--role must be one of ${USER_ROLES.join(', ')}`);
const password = process.env.RECOUP_USER_PASSWORD ?? fail('Set RECOUP_USER_PASSWORD to the new user\'s password.');
if (password.length < 12) fail('The password must have at least 12 characters.');
const config = loadConfig(process.env);
const databaseUrl = config.databaseUrl ?? fail('DATABASE_URL is required.');

const orm = await createOrm({ databaseUrl });
try {
  const em = orm.em.fork();
  if ((await em.count(AppUser, { email })) > 0) fail(`A user with e-mail ${email} already exists.`);
  em.create(AppUser, { email, name, role, passwordHash: await hashPassword(password), active: true });
  await em.flush();
  process.stdout.write(`Created ${role} ${email}\n`);
} finally {
  await orm.close();
}
