import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, startPostgres, type PostgresHandle } from '../../test/support/postgres.js';
import type { BenchStore } from './bench-store.js';
import { storeTestRun } from './fixtures.js';
import { openStore } from './open.js';
import { SCHEMA_VERSION } from './schema.js';
import { openSqlite, type SqliteDriver } from './sqlite.js';

/** Whether the driver opens a database here (better-sqlite3's add-on is built for one Node ABI only). */
const loads = (driver: SqliteDriver): boolean => {
  try {
    void openSqlite(':memory:', driver).close();
    return true;
  } catch {
    return false;
  }
};

const dirs: string[] = [];
const tempFile = (name: string): string => {
  const d = mkdtempSync(join(tmpdir(), 'kubetune-store-'));
  dirs.push(d);
  return join(d, name);
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The same contract for every backend. */
function contract(open: () => Promise<BenchStore>): void {
  it('stores a run whole and reads it back: environment, every sample with unit and direction, failures', async () => {
    const store = await open();
    const run = storeTestRun('r1', '2026-01-01T00:00:00.000Z');
    await store.saveRun(run);
    expect(await store.getRun('r1')).toEqual(run);
    expect(await store.getRun('nope')).toBeUndefined();
    await store.close();
  });
  it('lists runs newest first with counts, filtered by suite', async () => {
    const store = await open();
    await store.saveRun(storeTestRun('r2', '2026-01-02T00:00:00.000Z', 5));
    const list = await store.listRuns();
    expect(list.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(list[0]).toMatchObject({ suite: 'quick', target: 'local', repeats: 5, samples: 10, failures: 1 });
    expect(await store.listRuns({ suite: 'network' })).toEqual([]);
    expect((await store.recentRuns({ limit: 1 })).map((r) => r.id)).toEqual(['r2']);
    await store.close();
  });
  it('a run that fails half-way leaves nothing behind (one transaction per run)', async () => {
    const store = await open();
    const bad = storeTestRun('r3', '2026-01-03T00:00:00.000Z');
    const dup = { ...bad, samples: [...bad.samples, bad.samples[0]!] }; // primary key violation on the last insert
    await expect(store.saveRun(dup)).rejects.toThrow();
    expect(await store.getRun('r3')).toBeUndefined();
    await expect(store.saveRun(storeTestRun('r1', '2026-01-01T00:00:00.000Z'))).rejects.toThrow(); // id taken
    await store.close();
  });
  it('migrates once: reopening applies nothing and keeps the data', async () => {
    const store = await open();
    expect((await store.listRuns()).length).toBe(2);
    await store.close();
  });
}

for (const driver of ['node:sqlite', 'better-sqlite3'] as const) {
  describe.skipIf(!loads(driver))(
    `SQLite store through ${driver}${loads(driver) ? '' : ' (MISSING in this runtime)'}`,
    () => {
      const file = tempFile(`${driver.replace(':', '-')}.sqlite`);
      contract(() => openStore(file, { sqliteDriver: driver }));
      it('uses WAL and records the schema version', async () => {
        const conn = openSqlite(file, driver);
        expect(await conn.all('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
        expect(await conn.all('SELECT MAX(version) AS v FROM schema_migrations')).toEqual([{ v: SCHEMA_VERSION }]);
        await conn.close();
      });
    },
  );
}

it('at least one SQLite driver loads in this runtime', () => {
  expect(loads('node:sqlite') || loads('better-sqlite3')).toBe(true);
});

describe('SQLite store under kill -9', () => {
  it('keeps every run a child process reported committed, and no partial run', async () => {
    const file = tempFile('killed.sqlite');
    const script = tempFile('writer.mts');
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(join(import.meta.dirname, 'open.ts'))};
import { storeTestRun } from ${JSON.stringify(join(import.meta.dirname, 'fixtures.ts'))};
const store = await openStore(${JSON.stringify(file)});
for (let i = 0; ; i++) {
  await store.saveRun(storeTestRun('k' + i, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), 400));
  process.stdout.write('committed k' + i + '\\n');
}
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`writer made no progress: ${err}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if ((out.match(/committed/g) ?? []).length >= 5) {
          clearTimeout(timer);
          child.kill('SIGKILL'); // in the middle of the next run's transaction, most likely
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`writer exited early: ${err}`)));
    });
    await new Promise((r) => child.once('close', r));
    const committed = [...out.matchAll(/committed (k\d+)/g)].map((m) => m[1] as string);
    const store = await openStore(file);
    const runs = await store.listRuns({ limit: 1000 });
    for (const id of committed)
      expect(
        runs.some((r) => r.id === id),
        id,
      ).toBe(true);
    for (const r of runs) expect(r.samples, r.id).toBe(800);
    expect(runs.length - committed.length).toBeLessThanOrEqual(1); // the one whose commit beat its report
    await store.close();
  }, 90_000);
});

describe.skipIf(!postgresAvailable())(
  `PostgreSQL store${postgresAvailable() ? '' : ' (MISSING: postgresql-15 not installed)'}`,
  () => {
    let pg: PostgresHandle;
    beforeAll(async () => {
      pg = await startPostgres();
    }, 60_000);
    afterAll(() => pg?.stop());
    contract(() => openStore(pg.url));
  },
);
