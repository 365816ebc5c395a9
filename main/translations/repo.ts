// Data access for translations, stored alignments, manual links and typed-translation segments.
import type {
  AlignLevel,
  AlignmentBead,
  SegmentStatus,
  SegmentUnit,
  TranslationLink,
  TranslationOrigin,
} from '../../shared/translations';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';

export interface LinkRow {
  id: string;
  source_document_id: string;
  translation_document_id: string;
  origin: TranslationOrigin;
  created_at: string;
}

const LINK_COLUMNS = sql`t.id, t.origin, t.created_at AS createdAt,
  s.id AS sId, s.title AS sTitle, s.lang AS sLang, s.version AS sVersion,
  d.id AS dId, d.title AS dTitle, d.lang AS dLang, d.version AS dVersion`;

interface LinkViewRow {
  id: string;
  origin: TranslationOrigin;
  createdAt: string;
  sId: string;
  sTitle: string;
  sLang: string;
  sVersion: number;
  dId: string;
  dTitle: string;
  dLang: string;
  dVersion: number;
}

function toLink(r: LinkViewRow): TranslationLink {
  return {
    id: r.id,
    origin: r.origin,
    createdAt: r.createdAt,
    source: { id: r.sId, title: r.sTitle, lang: r.sLang, version: r.sVersion },
    translation: { id: r.dId, title: r.dTitle, lang: r.dLang, version: r.dVersion },
  };
}

/** Links where the document is the source or the translation, oldest first. */
export async function listLinks(db: Database, docId: string): Promise<TranslationLink[]> {
  const rows = await db.all<LinkViewRow>(sql`
    SELECT ${LINK_COLUMNS} FROM translations t
    JOIN documents s ON s.id = t.source_document_id JOIN documents d ON d.id = t.translation_document_id
    WHERE t.source_document_id = ${docId} OR t.translation_document_id = ${docId}
    ORDER BY t.created_at, t.id`);
  return rows.map(toLink);
}

export async function getLinkView(db: Database, id: string): Promise<TranslationLink | undefined> {
  const row = await db.get<LinkViewRow>(sql`
    SELECT ${LINK_COLUMNS} FROM translations t
    JOIN documents s ON s.id = t.source_document_id JOIN documents d ON d.id = t.translation_document_id
    WHERE t.id = ${id}`);
  return row && toLink(row);
}

export async function getLink(db: Database, id: string): Promise<LinkRow | undefined> {
  return db.get<LinkRow>(sql`SELECT * FROM translations WHERE id = ${id}`);
}

/** The link between two documents, in either direction. */
export async function findLinkBetween(db: Database, a: string, b: string): Promise<LinkRow | undefined> {
  return db.get<LinkRow>(sql`
    SELECT * FROM translations
    WHERE (source_document_id = ${a} AND translation_document_id = ${b}) OR (source_document_id = ${b} AND
      translation_document_id = ${a})
    ORDER BY created_at LIMIT 1`);
}

export async function insertLink(tx: Database, row: LinkRow): Promise<void> {
  await tx.run(sql`INSERT INTO translations (id, source_document_id, translation_document_id, origin, created_at)
                   VALUES (${row.id}, ${row.source_document_id}, ${row.translation_document_id}, ${row.origin},
                     ${row.created_at})`);
}

export async function deleteLink(tx: Database, id: string): Promise<boolean> {
  return (await tx.run(sql`DELETE FROM translations WHERE id = ${id}`)).changes > 0;
}

export interface StoredAlignment {
  beads: AlignmentBead[];
  stats: { lengthRatio: number; lexiconSize: number; passes: number; ms: number };
  createdAt: string;
}

export async function loadAlignment(
  db: Database,
  linkId: string,
  sourceVersion: number,
  targetVersion: number,
  alignerVersion: number,
): Promise<StoredAlignment | undefined> {
  const row = await db.get<{ beads: string; stats: string; created_at: string }>(sql`
    SELECT beads, stats, created_at FROM alignments
    WHERE translation_id = ${linkId} AND source_version = ${sourceVersion} AND target_version = ${targetVersion} AND
      aligner_version = ${alignerVersion}`);
  if (!row) return undefined;
  try {
    return {
      beads: JSON.parse(row.beads) as AlignmentBead[],
      stats: JSON.parse(row.stats) as StoredAlignment['stats'],
      createdAt: row.created_at,
    };
  } catch {
    return undefined;
  }
}

/** Stores the alignment of a link for these versions; older ones of the link are dropped. */
export async function storeAlignment(
  tx: Database,
  row: {
    id: string;
    linkId: string;
    sourceVersion: number;
    targetVersion: number;
    alignerVersion: number;
    createdAt: string;
  } & Omit<StoredAlignment, 'createdAt'>,
): Promise<void> {
  await tx.run(sql`DELETE FROM alignments WHERE translation_id = ${row.linkId}`);
  await tx.run(sql`INSERT INTO alignments (id, translation_id, source_version, target_version, aligner_version, beads,
    stats, created_at)
                   VALUES (${row.id}, ${row.linkId}, ${row.sourceVersion}, ${row.targetVersion}, ${row.alignerVersion},
                           ${JSON.stringify(row.beads)}, ${JSON.stringify(row.stats)}, ${row.createdAt})`);
}

export async function forgetAlignments(tx: Database, linkId: string): Promise<void> {
  await tx.run(sql`DELETE FROM alignments WHERE translation_id = ${linkId}`);
}

/** A manual link: passage ids (paragraph level) or [passage id, sentence ordinal] (sentence level). */
export interface ManualLinkRow {
  id: string;
  level: AlignLevel;
  op: 'merge' | 'split' | 'shift' | 'link';
  source: Array<string | [string, number]>;
  target: Array<string | [string, number]>;
  createdAt: string;
}

/** Manual links of a translation, newest first (a newer correction wins over an older one it contradicts). */
export async function listManualLinks(db: Database, linkId: string): Promise<ManualLinkRow[]> {
  const rows = await db.all<{
    id: string;
    level: AlignLevel;
    op: ManualLinkRow['op'];
    source: string;
    target: string;
    created_at: string;
  }>(sql`
    SELECT id, level, op, source, target, created_at FROM alignment_links WHERE translation_id = ${linkId} ORDER BY
      created_at DESC, rowid DESC`);
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    op: r.op,
    source: JSON.parse(r.source),
    target: JSON.parse(r.target),
    createdAt: r.created_at,
  }));
}

export async function insertManualLink(tx: Database, linkId: string, row: ManualLinkRow): Promise<void> {
  await tx.run(sql`INSERT INTO alignment_links (id, translation_id, level, op, source, target, created_at)
                   VALUES (${row.id}, ${linkId}, ${row.level}, ${row.op}, ${JSON.stringify(row.source)},
                     ${JSON.stringify(row.target)}, ${row.createdAt})`);
}

export async function deleteManualLinks(tx: Database, ids: readonly string[]): Promise<void> {
  for (const id of ids) await tx.run(sql`DELETE FROM alignment_links WHERE id = ${id}`);
}

export async function clearManualLinks(tx: Database, linkId: string): Promise<void> {
  await tx.run(sql`DELETE FROM alignment_links WHERE translation_id = ${linkId}`);
}

export interface SegmentRow {
  id: string;
  translation_id: string;
  ordinal: number;
  unit: SegmentUnit;
  source_passage_id: string | null;
  source_sentence: number | null;
  source_text: string;
  target_passage_id: string | null;
  text: string;
  status: SegmentStatus;
  updated_at: string;
}

export async function listSegmentRows(db: Database, linkId: string): Promise<SegmentRow[]> {
  return db.all<SegmentRow>(sql`SELECT * FROM translation_segments WHERE translation_id = ${linkId} ORDER BY ordinal`);
}

export async function getSegmentRow(db: Database, id: string): Promise<SegmentRow | undefined> {
  return db.get<SegmentRow>(sql`SELECT * FROM translation_segments WHERE id = ${id}`);
}

export async function insertSegment(tx: Database, s: SegmentRow): Promise<void> {
  await tx.run(sql`INSERT INTO translation_segments (id, translation_id, ordinal, unit, source_passage_id,
    source_sentence, source_text, target_passage_id, text, status, updated_at)
                   VALUES (${s.id}, ${s.translation_id}, ${s.ordinal}, ${s.unit}, ${s.source_passage_id},
                     ${s.source_sentence}, ${s.source_text},
                           ${s.target_passage_id}, ${s.text}, ${s.status}, ${s.updated_at})`);
}
