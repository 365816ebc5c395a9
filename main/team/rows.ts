// Generic row access for the shared tables, by their key: sync reads and writes whole rows this way.
import type { Database, Row } from '../db/connection';
import type { SqlValue } from '../db/sql';
import { passageTextSql } from '../documents/passage-text';
import type { SyncedTable } from './tables';

export function keyWhere(table: SyncedTable): string {
  return table.key.map((k) => `${k} = ?`).join(' AND ');
}

/**
 * The select list of a shared table's whole row as it syncs, for alias `t`: its columns, and for passages their
 * text (stored once, in documents.text: main/documents/passage-text.ts), which travels in the row as before.
 */
export function rowColumns(table: string, t: string): string {
  return table === 'passages' ? `${t}.*, ${passageTextSql(t).text} AS text` : `${t}.*`;
}

/**
 * A row as it is written here: a passage's text goes to own_text (always right; compactPassageTexts drops it
 * where the document's text gives it).
 */
export function storedRow(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table !== 'passages' || typeof row.text !== 'string') return row;
  const { text, ...rest } = row;
  return { ...rest, own_text: text };
}

export async function readRow(db: Database, table: SyncedTable, key: unknown[]): Promise<Row | null> {
  const row = await db.get<Row>({
    text: `SELECT ${rowColumns(table.name, 't')} FROM ${table.name} t WHERE ${keyWhere(table)}`,
    params: key as SqlValue[],
  });
  return row ?? null;
}

export async function deleteRow(db: Database, table: SyncedTable, key: unknown[]): Promise<void> {
  await db.run({ text: `DELETE FROM ${table.name} WHERE ${keyWhere(table)}`, params: key as SqlValue[] });
}

/**
 * Updates the row in place, or inserts it when it is not there: never delete-and-insert (that would cascade
 * to its children), and no UPSERT (its conflict policy would override the search triggers' OR IGNORE).
 */
export async function upsertRow(
  db: Database,
  table: SyncedTable,
  given: Record<string, unknown>,
  known: ReadonlySet<string>,
): Promise<void> {
  const row = storedRow(table.name, given);
  const cols = Object.keys(row).filter((k) => known.has(k));
  const updates = cols.filter((k) => !table.key.includes(k));
  if (updates.length) {
    const changed = await db.run({
      text: `UPDATE ${table.name} SET ${updates.map((k) => `${k} = ?`).join(', ')} WHERE ${keyWhere(table)}`,
      params: [...updates.map((k) => toSqlValue(row[k])), ...table.key.map((k) => toSqlValue(row[k]))],
    });
    if (changed.changes > 0) return;
  } else if (
    await db.get({
      text: `SELECT 1 FROM ${table.name} WHERE ${keyWhere(table)}`,
      params: table.key.map((k) => toSqlValue(row[k])),
    })
  ) {
    return;
  }
  await insertRow(db, table, row, known);
}

/** Inserts a row known not to be there. */
export async function insertRow(
  db: Database,
  table: SyncedTable,
  given: Record<string, unknown>,
  known: ReadonlySet<string>,
): Promise<void> {
  const row = storedRow(table.name, given);
  const cols = Object.keys(row).filter((k) => known.has(k));
  await db.run({
    text: `INSERT INTO ${table.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    params: cols.map((k) => toSqlValue(row[k])),
  });
}

export async function columnsOf(db: Database, table: string): Promise<Set<string>> {
  const info = await db.all<{ name: string }>({ text: `PRAGMA table_info(${table})`, params: [] });
  return new Set(info.map((c) => c.name));
}

export function toSqlValue(v: unknown): SqlValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return JSON.stringify(v);
}
