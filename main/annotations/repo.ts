// Data access for annotations. Selectors are stored as columns; tags through annotation_tags.
import type { TextSelector } from '../../shared/anchoring';
import type { AnchorStatus, Annotation, AnnotationColor } from '../../shared/types';
import type { Database } from '../db/connection';
import { sql, type SqlQuery } from '../db/sql';
import { setAnnotationTags } from '../documents/tags-repo';
import { editedElsewhereFor } from '../team/edited-elsewhere';

interface AnnotationRow {
  id: string;
  document_id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start_offset: number;
  end_offset: number;
  color: AnnotationColor;
  note: string;
  status: AnchorStatus;
  created_at: string;
  updated_at: string;
  tags: string | null;
}

// Tags are gathered with a unit-separator so that commas in tag names survive.
const SELECT_ANNOTATIONS = sql`
  SELECT a.id, a.document_id, a.exact, a.prefix, a.suffix, a.start_offset, a.end_offset, a.color, a.note, a.status,
         a.created_at, a.updated_at,
         (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM annotation_tags at JOIN tags t ON t.id =
           at.tag_id
                                                   WHERE at.annotation_id = a.id ORDER BY t.name)) AS tags
  FROM annotations a`;

function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    docId: row.document_id,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start_offset,
    end: row.end_offset,
    color: row.color,
    note: row.note,
    tags: row.tags ? row.tags.split('\u001f') : [],
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Annotations with who edited them elsewhere, read on one snapshot (see Database.read). */
async function select(db: Database, where: SqlQuery): Promise<Annotation[]> {
  const { rows, elsewhere } = await db.read(async (rd) => {
    const found = await rd.all<AnnotationRow>(sql`${SELECT_ANNOTATIONS} ${where}`);
    const ids = found.map((r) => r.id);
    return { rows: found, elsewhere: await editedElsewhereFor(rd, 'annotations', ids) };
  });
  return rows.map((r) => {
    const a = toAnnotation(r);
    const by = elsewhere.get(r.id);
    return by ? { ...a, editedElsewhere: by } : a;
  });
}

export async function listAnnotations(db: Database, documentId: string): Promise<Annotation[]> {
  return select(
    db,
    sql`WHERE a.document_id = ${documentId} ORDER BY a.status = 'orphaned', a.start_offset, a.end_offset, a.created_at`,
  );
}

export async function listAllAnnotations(db: Database): Promise<Annotation[]> {
  return select(db, sql`ORDER BY a.document_id, a.start_offset, a.created_at`);
}

export async function listOrphanedAnnotations(db: Database): Promise<Annotation[]> {
  return select(db, sql`WHERE a.status = 'orphaned' ORDER BY a.updated_at DESC`);
}

export async function getAnnotation(db: Database, id: string): Promise<Annotation | undefined> {
  return (await select(db, sql`WHERE a.id = ${id}`))[0];
}

export interface AnnotationRecord {
  id: string;
  docId: string;
  selector: TextSelector;
  color: AnnotationColor;
  note: string;
  tags: string[];
  status: AnchorStatus;
  documentVersion: number;
  createdAt: string;
  updatedAt: string;
}

export async function insertAnnotation(tx: Database, a: AnnotationRecord): Promise<void> {
  const s = a.selector;
  await tx.run(sql`
    INSERT INTO annotations (id, document_id, exact, prefix, suffix, start_offset, end_offset, color, note, status,
      document_version, created_at, updated_at)
    VALUES (${a.id}, ${a.docId}, ${s.exact}, ${s.prefix}, ${s.suffix}, ${s.start}, ${s.end}, ${a.color}, ${a.note},
      ${a.status},
            ${a.documentVersion}, ${a.createdAt}, ${a.updatedAt})`);
  await setAnnotationTags(tx, a.id, a.tags);
}

export async function updateAnnotationBody(
  tx: Database,
  id: string,
  changes: { note?: string; color?: AnnotationColor; tags?: string[] },
  now: string,
): Promise<void> {
  if (changes.note !== undefined) await tx.run(sql`UPDATE annotations SET note = ${changes.note} WHERE id = ${id}`);
  if (changes.color !== undefined) await tx.run(sql`UPDATE annotations SET color = ${changes.color} WHERE id = ${id}`);
  if (changes.tags !== undefined) await setAnnotationTags(tx, id, changes.tags);
  await tx.run(sql`UPDATE annotations SET updated_at = ${now} WHERE id = ${id}`);
}

export async function updateAnnotationAnchor(
  tx: Database,
  id: string,
  selector: TextSelector,
  status: AnchorStatus,
  documentVersion: number,
  now: string,
): Promise<void> {
  await tx.run(sql`
    UPDATE annotations
    SET exact = ${selector.exact}, prefix = ${selector.prefix}, suffix = ${selector.suffix},
        start_offset = ${selector.start}, end_offset = ${selector.end}, status = ${status},
        document_version = ${documentVersion}, updated_at = ${now}
    WHERE id = ${id}`);
}

export async function markOrphaned(tx: Database, id: string, now: string): Promise<void> {
  await tx.run(sql`UPDATE annotations SET status = 'orphaned', updated_at = ${now} WHERE id = ${id}`);
}

export async function deleteAnnotation(tx: Database, id: string): Promise<boolean> {
  return (await tx.run(sql`DELETE FROM annotations WHERE id = ${id}`)).changes > 0;
}
