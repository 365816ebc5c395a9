// The vocabulary's cross-script name keys in the archive (search_name_keys): written as words enter
// search_terms, read by a query for its own words. A query then finds the spellings of its names in other
// scripts (Sahakyan → саакяна, սահակյանը) in one statement, without keying the whole vocabulary in memory.
import { nameKeys, nameScript } from '../../shared/text/name-key';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';

/** Words that can be names: three letters or more, no digits. */
export const NAME_TERM = /^[\p{L}\p{M}]{3,}$/u;

const ROWS_PER_INSERT = 5000;

/** Adds the name keys of these (new) vocabulary words. */
export async function insertNameKeys(tx: Database, terms: readonly string[]): Promise<void> {
  const rows: Array<[string, string]> = [];
  for (const term of terms) {
    if (!NAME_TERM.test(term)) continue;
    for (const key of nameKeys(term)) rows.push([key, term]);
  }
  // One JSON parameter per statement (see indexer.ts insertRows); keys and words are well-formed strings.
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = JSON.stringify(rows.slice(i, i + ROWS_PER_INSERT));
    await tx.run(sql`
      INSERT OR IGNORE INTO search_name_keys (key, term)
      SELECT value ->> 0, value ->> 1 FROM json_each(${chunk}) WHERE true ORDER BY key`);
  }
}

/** Rebuilds the name keys from search_terms (after a reindex rebuilt the term list). */
export async function rebuildNameKeys(tx: Database): Promise<void> {
  await tx.run(sql`DELETE FROM search_name_keys`);
  const BATCH = 20_000;
  for (let last = 0; ;) {
    const rows = await tx.all<{ id: number; term: string }>(
      sql`SELECT id, term FROM search_terms WHERE id > ${last} ORDER BY id LIMIT ${BATCH}`,
    );
    if (rows.length === 0) break;
    await insertNameKeys(
      tx,
      rows.map((r) => r.term),
    );
    last = rows[rows.length - 1].id;
  }
}

export interface NameVariant {
  term: string;
  script: string;
}

/** The name keys of each word. */
export function nameKeysOf(words: Iterable<string>): Map<string, readonly string[]> {
  const keysOf = new Map<string, readonly string[]>();
  for (const w of words) keysOf.set(w, w ? nameKeys(w) : []);
  return keysOf;
}

export function addKeyRow(byKey: Map<string, string[]>, key: string, term: string): void {
  const list = byKey.get(key);
  if (list) list.push(term);
  else byKey.set(key, [term]);
}

/**
 * For each word: the vocabulary words that may spell the same name in any script (the word itself excluded),
 * `limit + 1` at most, sorted (as Vocabulary.nameVariants), from the rows of its keys (search_name_keys, any order).
 */
export function nameVariantsFrom(
  keysOf: Map<string, readonly string[]>,
  byKey: Map<string, string[]>,
  limit: number,
): Map<string, NameVariant[]> {
  for (const list of byKey.values()) list.sort(compare);
  const out = new Map<string, NameVariant[]>();
  for (const [word, keys] of keysOf) {
    const found = new Set<string>();
    for (const key of keys) {
      for (const t of byKey.get(key) ?? []) {
        if (found.size > limit) break;
        found.add(t);
      }
    }
    found.delete(word);
    out.set(
      word,
      [...found].sort(compare).map((term) => ({ term, script: nameScript(term) })),
    );
  }
  return out;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
