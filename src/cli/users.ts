import os from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES, type Actor } from '../store/desk/desk-store.js';
import { deskOf } from '../store/desk/open-desk.js';
import { newToken } from '../store/desk/tokens.js';
import { openStore } from '../store/open-store.js';
import { StoreError } from '../store/store.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const USERS_USAGE = `counterclaim users add NAME --role reader|analyst|admin
counterclaim users list [--json]
counterclaim users remove NAME

Users of a shared server (counterclaim serve beyond loopback needs a token on
every request). 'add' prints the user's token once: it is stored only as a
scrypt hash and cannot be shown again (remove the user and add them again for a
new one). Readers read; analysts also review and ingest; admins also manage
users and the source registry. Every change is in the audit trail, as done by
cli:<your login name> (or cli:NAME with --as NAME).

Options:
  --role ROLE        the new user's role
  --json             list as JSON
  --db PATH          database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
${'  --as NAME          record the change as done by NAME (default: your login name)'}
`;

const userName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1-64 lower-case letters, digits, . _ or -');

/** The `--as NAME` option of every command that writes (parseArgs shape). */
export const AS_OPTION = { as: { type: 'string' } } as const;
export const AS_USAGE = '  --as NAME          record the writes as done by NAME (default: your login name)\n';

/**
 * Who a CLI write is recorded as in the audit trail: `cli:` and the login running it, or
 * `cli:NAME` with `--as NAME` (a shared account, a script run for someone). The prefix
 * says the name was not checked against a token: whoever may write the database file
 * may write anything in it, so the CLI records who says they are writing, and how.
 */
export function cliActor(now: Date = new Date(), as?: string): Actor {
  if (as !== undefined) {
    const checked = userName.safeParse(as);
    if (!checked.success) throw new UsageError(`--as ${JSON.stringify(as)} ${checked.error.issues[0]?.message ?? 'is invalid'}`);
    return { name: `cli:${as}`, at: now.toISOString() };
  }
  let login = 'unknown';
  try {
    login = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): still recorded as a CLI write.
  }
  return { name: `cli:${login}`, at: now.toISOString() };
}

export async function usersCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { role: { type: 'string' }, json: { type: 'boolean', default: false }, db: { type: 'string' }, ...AS_OPTION } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [action, name, ...extra] = positionals;
  if (action !== 'add' && action !== 'list' && action !== 'remove') throw new UsageError('users needs add, list or remove');
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(' ')}`);
  if (action === 'list' && name !== undefined) throw new UsageError('users list takes no NAME');
  if (action !== 'list') {
    if (name === undefined) throw new UsageError(`users ${action} needs a NAME`);
    const ok = userName.safeParse(name);
    if (!ok.success) throw new UsageError(`NAME ${JSON.stringify(name)} ${ok.error.issues[0]!.message}`);
  }
  if (action === 'add' && !(ROLES as readonly string[]).includes(values.role ?? '')) throw new UsageError(`users add needs --role ${ROLES.join('|')}`);
  if (action !== 'add' && values.role !== undefined) throw new UsageError('--role is for users add');

  const store = await openStore(values.db);
  try {
    const desk = deskOf(store);
    if (!desk) throw new StoreError('this database has no desk tables');
    if (action === 'list') {
      const users = await desk.listUsers();
      if (values.json) io.out(`${JSON.stringify({ users }, null, 2)}\n`);
      else if (users.length === 0) io.out('no users (counterclaim users add NAME --role reader|analyst|admin)\n');
      else for (const u of users) io.out(`${u.name.padEnd(20)} ${u.role.padEnd(8)} added ${u.createdAt.slice(0, 10)} by ${u.createdBy}\n`);
    } else if (action === 'add') {
      const { token, tokenId, tokenHash } = await newToken();
      if (!(await desk.addUser({ name: name!, role: values.role as (typeof ROLES)[number], tokenId, tokenHash }, cliActor(new Date(), values.as)))) throw new UsageError(`there is already a user ${name}`);
      io.out(`added ${name} (${values.role}). Their token, shown this once:\n\n  ${token}\n\nSend it as: Authorization: Bearer ${token.slice(0, 8)}…\n`);
    } else {
      if (!(await desk.removeUser(name!, cliActor(new Date(), values.as)))) throw new UsageError(`no user ${name}`);
      io.out(`removed ${name}; their token no longer works\n`);
    }
  } finally {
    await store.close();
  }
  return EXIT_OK;
}
