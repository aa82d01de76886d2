import { join } from 'node:path';
import { benchStore, type BenchStore } from './bench-store.js';
import { openPostgres } from './postgres.js';
import { openSqlite, type SqliteDriver } from './sqlite.js';

/** The default history file: `$XDG_DATA_HOME/kubetune/bench.sqlite`, else `~/.local/share/kubetune/bench.sqlite`. */
export function defaultStorePath(env: Readonly<Record<string, string | undefined>>): string {
  const base = env['XDG_DATA_HOME'] ?? join(env['HOME'] ?? '.', '.local', 'share');
  return join(base, 'kubetune', 'bench.sqlite');
}

/** `--store FILE | postgres://…`: an SQLite file (default) or a PostgreSQL database with the same schema. */
export async function openStore(
  spec: string,
  options: { readonly sqliteDriver?: SqliteDriver } = {},
): Promise<BenchStore> {
  if (/^postgres(ql)?:\/\//.test(spec))
    return benchStore(await openPostgres(spec), spec.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'));
  return benchStore(openSqlite(spec, options.sqliteDriver), spec);
}
