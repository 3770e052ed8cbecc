/**
 * `npm run api-key -- create --name "Riverside 211" --role partner`: prints a new key (once).
 * `npm run api-key -- list [--all]`, `npm run api-key -- revoke <id>`.
 * The way to a first admin key when ADMIN_API_KEY is unset. Uses the same servers as `npm start`.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Role } from '../http/auth';
import { withCliSession } from '../runtime/cli-session';
import { createApiKey } from './api-key-store';
import { listApiKeys, revokeApiKey } from './manage-api-keys';

const USAGE = 'usage: npm run api-key -- create --name <name> --role partner|staff|admin | list [--all] | revoke <id>';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, role: { type: 'string' }, all: { type: 'boolean', default: false } },
});
const [command, id] = positionals;
const fail = (message: string): never => { console.error(`${message}\n${USAGE}`); process.exit(2); };

const role = z.enum(['partner', 'staff', 'admin']);
if (command === 'create') {
  if (!values.name?.trim() || /\u0000/.test(values.name)) fail('--name is required');
  if (!role.safeParse(values.role).success) fail('--role must be partner, staff or admin');
} else if (command === 'revoke') {
  if (!z.uuid().safeParse(id).success) fail('revoke needs a key id (a UUID; see `list`)');
} else if (command !== 'list') {
  fail(command ? `unknown command ${command}` : 'no command');
}

withCliSession(async (deps) => {
  if (command === 'create') {
    const key = await createApiKey(deps.db, { name: values.name!.trim(), role: values.role as Role }, 'cli');
    console.log(`${key.role} key "${key.name}" (${key.id}):\n${key.key}\nStore it now: it is not shown again.`);
  } else if (command === 'revoke') {
    const key = await revokeApiKey(deps.db, id);
    console.log(`revoked ${key.id} "${key.name}" at ${key.revoked_at}`);
  } else {
    const { data } = await listApiKeys(deps.db, { includeRevoked: values.all ?? false, page: 1, perPage: 100 });
    for (const k of data) console.log([k.id, k.role.padEnd(7), k.prefix, k.name, `last used ${k.last_used_at ?? 'never'}`, k.revoked_at ? `revoked ${k.revoked_at}` : ''].join('  '));
    if (data.length === 0) console.log('no keys');
  }
}, { syncIndex: false }).catch((err) => { console.error(`api-key failed: ${err.message}`); process.exit(1); });
