// What a Tala archive of a given schema version looks like (tables, columns, indexes, views, triggers), from
// running our own migrations on an empty in-memory database. A file handed to restore or import-archive is
// compared with it, so a foreign SQLite file, or one with planted views or triggers, is recognised as such.
import { Database } from './connection';
import { migrate } from './migrate';
import { raw, sql, type SqlQuery } from './sql';

interface SchemaObject {
  type: string;
  table: string;
  /** Column names in order (tables only). */
  columns: string;
  /** Normalised SQL for views and triggers, whose body is what matters. */
  body: string;
}
export type SchemaShape = Map<string, SchemaObject>;

const references = new Map<number, Promise<SchemaShape>>();

async function referenceShape(version: number): Promise<SchemaShape> {
  let shape = references.get(version);
  if (!shape) {
    shape = (async () => {
      const db = await Database.open(':memory:');
      try {
        await migrate(db, { target: version });
        return await readShape(db);
      } finally {
        await db.close();
      }
    })();
    references.set(version, shape);
  }
  return shape;
}

/** The schema objects of `db` (its `main` database, or another attached under `schema`). */
export async function readShape(db: Database, schema = 'main'): Promise<SchemaShape> {
  // `schema` is ours ('main' or 'src'), never from a file.
  const master = schema === 'main' ? 'sqlite_master' : `${schema}.sqlite_master`;
  const rows = await db.all<{ type: string; name: string; tbl_name: string; sql: string | null }>({
    text: `SELECT type, name, tbl_name, sql FROM ${master} WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
    params: [],
  });
  const shape: SchemaShape = new Map();
  for (const row of rows) {
    const columns =
      row.type === 'table'
        ? (await db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info(${row.name}, ${schema})`))
            .map((c) => c.name)
            .join(',')
        : '';
    const body = row.type === 'view' || row.type === 'trigger' ? (row.sql ?? '').replace(/\s+/g, ' ').trim() : '';
    shape.set(row.name, { type: row.type, table: row.tbl_name, columns, body });
  }
  return shape;
}

/** Names of the views and triggers in `shape` that a Tala archive of `version` does not have. */
export async function foreignCode(shape: SchemaShape, version: number): Promise<string[]> {
  const reference = await referenceShape(version);
  return [...shape]
    .filter(([name, o]) => (o.type === 'view' || o.type === 'trigger') && !sameObject(reference.get(name), o))
    .map(([name]) => name);
}

/**
 * Differences between `shape` and a Tala archive of schema `version`, in words ("missing table x"), empty
 * when it matches exactly. `ignoreCode` leaves out views and triggers the file adds or changes.
 */
export async function schemaDifferences(
  shape: SchemaShape,
  version: number,
  options: { ignoreCode?: boolean } = {},
): Promise<string[]> {
  const reference = await referenceShape(version);
  const differences: string[] = [];
  for (const [name, expected] of reference) {
    const found = shape.get(name);
    if (!found) differences.push(`missing ${expected.type} ${name}`);
    else if (!sameObject(expected, found)) differences.push(`${expected.type} ${name} differs`);
  }
  for (const [name, found] of shape) {
    if (reference.has(name)) continue;
    if (options.ignoreCode && (found.type === 'view' || found.type === 'trigger')) continue;
    differences.push(`unexpected ${found.type} ${name}`);
  }
  return differences;
}

function sameObject(a: SchemaObject | undefined, b: SchemaObject): boolean {
  return !!a && a.type === b.type && a.table === b.table && a.columns === b.columns && a.body === b.body;
}

/** The columns of one of our tables (in the `main` database) as a list to splice into SQL: names from our schema. */
export async function columnList(db: Database, table: string): Promise<SqlQuery> {
  const columns = await db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info(${table}, 'main')`);
  return raw(columns.map((c) => c.name).join(', '));
}
/** The same list with every column qualified by a table alias (`s.id, s.passage_id, …`). */
columnList.prefixed = (list: SqlQuery, alias: string): SqlQuery =>
  raw(
    list.text
      .split(', ')
      .map((c) => `${alias}.${c}`)
      .join(', '),
  );
