// One-file portable copies of a whole archive, and merging such a file into another archive by UUID.
// The file is itself a Tala archive (a VACUUM INTO snapshot), so nothing is lost in translation.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join as joinPath } from 'node:path';
import { reanchor } from '../../shared/anchoring';
import { AppError } from '../../shared/errors';
import { plainFileName } from '../../shared/untrusted-text';
import type { Database } from '../db/connection';
import { Database as Connection } from '../db/connection';
import { migrate } from '../db/migrate';
import { columnList, foreignCode, readShape } from '../db/schema-shape';
import { join, raw, sql } from '../db/sql';
import { mergeFactTables } from '../facts/portable-merge';
import { mergeTranslationTables, scrubLocalTables } from '../translations/portable-merge';
import { mergeLibraryTables } from '../library/portable-merge';
import { diskError, snapshotInto, verifyBackupFile } from './backups';
import { TimeBudget, validatePortableRows } from './portable-validate';

export interface MergeReport {
  documents: { added: number; alreadyPresent: number };
  annotations: { added: number; alreadyPresent: number; orphaned: number };
  tags: { added: number };
}

/**
 * Tables the merge copies, in foreign-key order. A migration that adds a table must add it here (or to
 * DERIVED_TABLES): a test compares this list with the schema so nothing is silently left behind.
 */
export const MERGED_TABLES = [
  'documents',
  'passages',
  'document_versions',
  'originals',
  'tags',
  'document_tags',
  'annotations',
  'annotation_tags',
  'entities',
  'entity_aliases',
  'facts',
  'fact_evidence',
  'translations',
  'alignments',
  'alignment_links',
  'translation_segments',
  'collections',
  'collection_documents',
  'document_variants',
  'entity_redirects',
] as const;
/** Tables rebuilt from the others (search index, near-duplicate fingerprints): never copied. */
export const DERIVED_TABLE_PREFIXES = ['search_', 'dedup_'];
/** Tables of one installation (settings, the machine-translation log): never copied, emptied in portable files. */
export { LOCAL_TABLES } from '../translations/portable-merge';

export async function exportPortable(db: Database, file: string): Promise<void> {
  if (existsSync(file)) throw new AppError('INVALID_REQUEST', `${file} already exists; choose a new file name.`);
  const partial = `${file}.partial`;
  await snapshotInto(db, partial, file);
  try {
    await scrubLocalTables(partial);
    copyFileSync(partial, file);
  } catch (err) {
    rmSync(file, { force: true });
    throw diskError(err, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Merges a portable archive into `db` in one transaction: rows whose UUID already exists are kept as
 * they are; a document whose content (hash) is already present under another id is not duplicated,
 * and its annotations are re-anchored onto the existing copy.
 */
export async function mergePortable(
  db: Database,
  file: string,
): Promise<{ report: MergeReport; addedDocumentIds: string[] }> {
  // Views and triggers the file brings are dropped from the private copy below; its tables must be exactly ours.
  const { schemaVersion: version } = await verifyBackupFile(file, { ignoreCode: true });
  const budget = new TimeBudget(MERGE_BUDGET_SECONDS);
  // Bring an older file up to our schema on a private copy; the user's file is never modified.
  const work = mkdtempSync(joinPath(tmpdir(), 'tala-merge-'));
  const copy = joinPath(work, basename(file));
  try {
    copyFileSync(file, copy);
    try {
      const source = await Connection.open(copy, { reader: false });
      try {
        await dropForeignCode(source, version);
        await migrate(source);
      } finally {
        await source.close();
      }
      await db.exclusive(() => db.run(sql`ATTACH DATABASE ${copy} AS src`));
    } catch (err) {
      // A schema SQLite cannot parse once it compiles it (a damaged column name): a refusal, not a fault.
      if (err instanceof AppError) throw err;
      const why = (err as Error).message.split(' -- in: ')[0];
      throw new AppError(
        'INVALID_REQUEST',
        `${basename(file)} cannot be read as a Tala archive (${why}); nothing was changed.`,
      );
    }
    try {
      return await db.transaction(async (tx) => {
        await validatePortableRows(tx, MERGED_TABLES, budget);
        try {
          return await mergeAttached(tx);
        } catch (err) {
          if (err instanceof AppError) throw err;
          // A row our constraints refuse (a forged enum, a duplicate name…): the whole file is refused.
          throw new AppError(
            'INVALID_REQUEST',
            `This file cannot be merged; nothing was changed: ${(err as Error).message.split(' -- in: ')[0]}.`,
          );
        }
      });
    } finally {
      await db.exclusive(() => db.run(sql`DETACH DATABASE src`));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Longest a merge may spend checking a file's rows. */
const MERGE_BUDGET_SECONDS = 120;

/** Views and triggers that are not ours are dropped from the private copy: they must never run. */
async function dropForeignCode(source: Database, version: number): Promise<void> {
  const shape = await readShape(source);
  for (const name of await foreignCode(shape, version)) {
    const kind = shape.get(name)!.type === 'view' ? 'VIEW' : 'TRIGGER';
    await source.exec(`DROP ${kind} IF EXISTS "${name.replace(/"/g, '""')}"`);
  }
}

async function mergeAttached(tx: Database): Promise<{ report: MergeReport; addedDocumentIds: string[] }> {
  const report: MergeReport = {
    documents: { added: 0, alreadyPresent: 0 },
    annotations: { added: 0, alreadyPresent: 0, orphaned: 0 },
    tags: { added: 0 },
  };

  // Documents: same id → present; same content under another id → mapped onto it; else added.
  const docMap = new Map<string, string>();
  const added: string[] = [];
  const srcDocs = await tx.all<{ id: string; content_hash: string }>(sql`SELECT id, content_hash FROM src.documents`);
  for (const d of srcDocs) {
    const same = await tx.get<{ id: string }>(
      sql`SELECT id FROM main.documents WHERE id = ${d.id} OR content_hash = ${d.content_hash} ORDER BY id = ${d.id}
        DESC LIMIT 1`,
    );
    if (same) {
      docMap.set(d.id, same.id);
      report.documents.alreadyPresent++;
    } else {
      docMap.set(d.id, d.id);
      added.push(d.id);
    }
  }
  // Explicit column lists, from our own schema: nothing of the file's is spliced into SQL.
  // A passage's sentences are in its row (schema v14).
  const [documentsCols, passagesCols, versionsCols, originalsCols] = await Promise.all(
    ['documents', 'passages', 'document_versions', 'originals'].map((t) => columnList(tx, t)),
  );
  for (const id of added) {
    await tx.run(
      sql`INSERT INTO main.documents (${documentsCols}) SELECT ${documentsCols} FROM src.documents WHERE id = ${id}`,
    );
    await tx.run(
      sql`INSERT INTO main.passages (${passagesCols}) SELECT ${passagesCols} FROM src.passages WHERE document_id =
        ${id}`,
    );
    await tx.run(
      sql`INSERT INTO main.document_versions (${versionsCols}) SELECT ${versionsCols} FROM src.document_versions WHERE
        document_id = ${id}`,
    );
    await tx.run(
      sql`INSERT INTO main.originals (${originalsCols}) SELECT ${originalsCols} FROM src.originals WHERE document_id =
        ${id}`,
    );
    // A shared file's name is untrusted: only a plain base name enters this archive (never a path).
    const original = await tx.get<{ file_name: string }>(
      sql`SELECT file_name FROM main.originals WHERE document_id = ${id}`,
    );
    if (original)
      await tx.run(
        sql`UPDATE main.originals SET file_name = ${plainFileName(original.file_name)} WHERE document_id = ${id}`,
      );
  }
  report.documents.added = added.length;

  // Tags merge by name (case-insensitive); ids follow the existing tag when names meet.
  const tagMap = new Map<string, string>();
  for (const t of await tx.all<{ id: string; name: string; created_at: string }>(
    sql`SELECT id, name, created_at FROM src.tags`,
  )) {
    const existing = await tx.get<{ id: string }>(sql`SELECT id FROM main.tags WHERE name = ${t.name} OR id = ${t.id}`);
    if (existing) tagMap.set(t.id, existing.id);
    else {
      await tx.run(sql`INSERT INTO main.tags (id, name, created_at) VALUES (${t.id}, ${t.name}, ${t.created_at})`);
      tagMap.set(t.id, t.id);
      report.tags.added++;
    }
  }
  for (const dt of await tx.all<{ document_id: string; tag_id: string }>(
    sql`SELECT document_id, tag_id FROM src.document_tags`,
  )) {
    await tx.run(
      sql`INSERT OR IGNORE INTO main.document_tags (document_id, tag_id) VALUES (${docMap.get(dt.document_id)!},
        ${tagMap.get(dt.tag_id)!})`,
    );
  }

  // Annotations: new ids only; on a mapped document whose text differs, re-anchor onto our text.
  const textCache = new Map<string, { text: string; version: number }>();
  const mainText = async (id: string) => {
    if (!textCache.has(id))
      textCache.set(
        id,
        (await tx.get<{ text: string; version: number }>(
          sql`SELECT text, version FROM main.documents WHERE id = ${id}`,
        ))!,
      );
    return textCache.get(id)!;
  };
  type SrcAnnotation = {
    id: string;
    document_id: string;
    exact: string;
    prefix: string;
    suffix: string;
    start_offset: number;
    end_offset: number;
    status: string;
    src_text: string;
  };
  const srcAnnotations = await tx.all<SrcAnnotation>(sql`
    SELECT a.id, a.document_id, a.exact, a.prefix, a.suffix, a.start_offset, a.end_offset, a.status, d.text AS src_text
    FROM src.annotations a JOIN src.documents d ON d.id = a.document_id`);
  // Column names come from our own schema (never from the file), so they may be spliced in.
  const columns = (await tx.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('annotations')`)).map(
    (c) => c.name,
  );
  for (const a of srcAnnotations) {
    if (await tx.get(sql`SELECT 1 FROM main.annotations WHERE id = ${a.id}`)) {
      report.annotations.alreadyPresent++;
      continue;
    }
    const target = docMap.get(a.document_id)!;
    await tx.run(sql`INSERT INTO main.annotations (${raw(columns.join(', '))})
                     SELECT ${join(columns.map((c) => (c === 'document_id' ? sql`${target}` : raw(c))))} FROM
                       src.annotations WHERE id = ${a.id}`);
    if (target !== a.document_id) {
      const ours = await mainText(target);
      const selector = { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start_offset, end: a.end_offset };
      const placed =
        ours.text === a.src_text ? { status: a.status, selector } : reanchor(a.src_text, ours.text, selector);
      if (placed.status === 'orphaned') report.annotations.orphaned++;
      const s = placed.selector;
      await tx.run(sql`
        UPDATE main.annotations SET exact = ${s.exact}, prefix = ${s.prefix}, suffix = ${s.suffix},
          start_offset = ${s.start}, end_offset = ${s.end}, status = ${placed.status}, document_version =
            ${ours.version}
        WHERE id = ${a.id}`);
    }
    report.annotations.added++;
    for (const at of await tx.all<{ tag_id: string }>(
      sql`SELECT tag_id FROM src.annotation_tags WHERE annotation_id = ${a.id}`,
    )) {
      await tx.run(
        sql`INSERT OR IGNORE INTO main.annotation_tags (annotation_id, tag_id) VALUES (${a.id},
          ${tagMap.get(at.tag_id)!})`,
      );
    }
  }
  // The facts ledger (entities, aliases, facts, evidence) by UUID, after the annotations its evidence cites.
  await mergeFactTables(tx, docMap);
  // Translation links, corrections and typed-translation segments by UUID, following re-mapped documents.
  await mergeTranslationTables(tx, docMap);
  // Collections by name, their documents and versions of a source following re-mapped documents.
  await mergeLibraryTables(tx, docMap);
  const broken = await tx.all(sql`PRAGMA foreign_key_check`);
  if (broken.length > 0)
    throw new AppError(
      'ARCHIVE_ERROR',
      `The merge would leave ${broken.length} broken reference(s); nothing was changed.`,
    );
  return { report, addedDocumentIds: added };
}
