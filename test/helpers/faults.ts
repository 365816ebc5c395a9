// Fault injection on a real archive file: a SQLite trigger, created from a second connection, aborts one kind of
// statement of the action under test, as a crash or a full disk would at that step. Tests then compare row counts.
import { Database } from '../../main/db/connection';
import { raw, sql } from '../../main/db/sql';

export interface Faults {
  /** Makes statements matching `event` (e.g. `BEFORE INSERT ON passages`) fail until the returned function runs. */
  inject(event: string, when?: string): Promise<() => Promise<void>>;
  /** Row counts of the tables, by name. */
  counts(tables: readonly string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function openFaults(file: string): Promise<Faults> {
  const db = await Database.open(file, { reader: false });
  return {
    async inject(event, when = '1') {
      await db.exec(
        `CREATE TRIGGER injected_fault ${event} WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
      );
      return () => db.exec('DROP TRIGGER injected_fault');
    },
    async counts(tables) {
      const out: Record<string, number> = {};
      for (const table of tables)
        out[table] = (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(table)}`))!.n;
      return out;
    },
    close: () => db.close(),
  };
}

/** Runs `action` with the fault in place and expects it to fail with it; the fault is removed either way. */
export async function failsWith(faults: Faults, event: string, action: () => Promise<unknown>, when?: string) {
  const clear = await faults.inject(event, when);
  try {
    await action().then(
      () => {
        throw new Error(`the action succeeded despite a fault on ${event}`);
      },
      (err: unknown) => {
        if (!/injected fault/.test(String((err as Error)?.message))) throw err;
      },
    );
  } finally {
    await clear();
  }
}
