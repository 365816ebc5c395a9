// Data access for entities, aliases, facts and evidence. Functions take the connection first; callers
// open the transactions.
import { randomUUID } from 'node:crypto';
import type {
  EntityAlias,
  EntitySummary,
  EntityType,
  Fact,
  FactEvidence,
  FactObject,
  FactOrigin,
  FactStatus,
  ValueQualifier,
} from '../../shared/facts';
import type { Database } from '../db/connection';
import { sql, type SqlQuery } from '../db/sql';
import { editedElsewhereFor } from '../team/edited-elsewhere';
import { aliasKey } from './keys';
import { dateBounds, factLabel } from './values';

export interface FactRow {
  id: string;
  subject_id: string;
  subject_name: string;
  subject_type: EntityType;
  subject_alias: string;
  predicate: string;
  predicate_key: string;
  object_kind: FactObject['kind'];
  object_entity_id: string | null;
  object_name: string | null;
  object_type: EntityType | null;
  value_number: number | null;
  value_unit: string | null;
  value_date: string | null;
  value_date_from: string | null;
  value_date_to: string | null;
  value_text: string | null;
  value_qualifier: ValueQualifier;
  qualifier_date: string | null;
  qualifier_place_id: string | null;
  place_name: string | null;
  status: FactStatus;
  confidence: number;
  origin: FactOrigin;
  note: string;
  preferred: number;
  preferred_reason: string;
  source_document_id: string | null;
  source_title: string | null;
  source_exact: string | null;
  source_prefix: string | null;
  source_suffix: string | null;
  source_start: number | null;
  source_end: number | null;
  source_passage_id: string | null;
  created_at: string;
  updated_at: string;
}

export const SELECT_FACTS = sql`
  SELECT f.*, s.name AS subject_name, s.type AS subject_type, o.name AS object_name, o.type AS object_type, p.name AS
    place_name,
         d.title AS source_title,
         (SELECT ps.id FROM passages ps WHERE ps.document_id = f.source_document_id AND ps.start_offset <=
           f.source_start
            AND f.source_start < ps.end_offset + 2 ORDER BY ps.ordinal LIMIT 1) AS source_passage_id
  FROM facts f
  JOIN entities s ON s.id = f.subject_id
  LEFT JOIN entities o ON o.id = f.object_entity_id
  LEFT JOIN entities p ON p.id = f.qualifier_place_id
  LEFT JOIN documents d ON d.id = f.source_document_id`;

interface EvidenceRow {
  fact_id: string;
  annotation_id: string;
  document_id: string;
  title: string;
  lang: string;
  exact: string;
  start_offset: number;
  end_offset: number;
  status: FactEvidence['status'];
  passage_id: string | null;
  ordinal: number | null;
}

export function evidenceLink(docId: string, annotationId: string): string {
  return `#/doc/${docId}/a/${annotationId}`;
}

async function evidenceFor(db: Database, factIds: string[]): Promise<Map<string, FactEvidence[]>> {
  const out = new Map<string, FactEvidence[]>();
  if (factIds.length === 0) return out;
  // Chunked: SQLite limits bound parameters per statement.
  for (let i = 0; i < factIds.length; i += 500) {
    const chunk = factIds.slice(i, i + 500);
    const placeholders = chunk.map(() => '?').join(', ');
    const rows = await db.all<EvidenceRow>({
      text: `
        SELECT e.fact_id, e.annotation_id, a.document_id, d.title, d.lang, a.exact, a.start_offset, a.end_offset,
          a.status,
               p.id AS passage_id, p.ordinal
        FROM fact_evidence e
        JOIN annotations a ON a.id = e.annotation_id
        JOIN documents d ON d.id = a.document_id
        LEFT JOIN passages p ON p.id = (SELECT ps.id FROM passages ps WHERE ps.document_id = a.document_id AND
          ps.start_offset <= a.start_offset
                                          AND a.start_offset < ps.end_offset + 2 ORDER BY ps.ordinal LIMIT 1)
        WHERE e.fact_id IN (${placeholders})
        ORDER BY e.created_at, d.title, a.start_offset`,
      params: chunk,
    });
    for (const r of rows) {
      const list = out.get(r.fact_id) ?? [];
      list.push({
        annotationId: r.annotation_id,
        docId: r.document_id,
        docTitle: r.title,
        lang: r.lang,
        passageId: r.passage_id,
        paragraph: r.ordinal === null ? null : r.ordinal + 1,
        quote: r.exact,
        start: r.start_offset,
        end: r.end_offset,
        status: r.status,
        link: evidenceLink(r.document_id, r.annotation_id),
      });
      out.set(r.fact_id, list);
    }
  }
  return out;
}

function toObject(r: FactRow): FactObject {
  switch (r.object_kind) {
    case 'entity':
      return {
        kind: 'entity',
        entityId: r.object_entity_id!,
        name: r.object_name ?? '',
        type: r.object_type ?? 'other',
      };
    case 'number':
      return { kind: 'number', number: r.value_number!, unit: r.value_unit };
    case 'date':
      return { kind: 'date', date: r.value_date! };
    case 'text':
      return { kind: 'text', text: r.value_text ?? '' };
  }
}

/** Facts with their evidence, read on one snapshot (see Database.read). */
export async function selectFacts(db: Database, where: SqlQuery): Promise<Fact[]> {
  const { rows, evidence, elsewhere } = await db.read(async (rd) => {
    const found = await rd.all<FactRow>(sql`${SELECT_FACTS} ${where}`);
    const ids = found.map((r) => r.id);
    return {
      rows: found,
      evidence: await evidenceFor(rd, ids),
      elsewhere: await editedElsewhereFor(rd, 'facts', ids),
    };
  });
  return rows.map((r) => {
    const fact: Omit<Fact, 'label'> = {
      id: r.id,
      subject: { entityId: r.subject_id, name: r.subject_name, type: r.subject_type },
      subjectAlias: r.subject_alias,
      predicate: r.predicate,
      object: toObject(r),
      valueQualifier: r.value_qualifier,
      qualifiers: {
        date: r.qualifier_date,
        place: r.qualifier_place_id ? { entityId: r.qualifier_place_id, name: r.place_name ?? '' } : null,
      },
      status: r.status,
      confidence: r.confidence,
      origin: r.origin,
      note: r.note,
      preferred: r.preferred === 1,
      preferredReason: r.preferred_reason,
      evidence: evidence.get(r.id) ?? [],
      candidate:
        r.status === 'proposed' && r.source_document_id && r.source_exact !== null
          ? {
              docId: r.source_document_id,
              docTitle: r.source_title ?? '',
              passageId: r.source_passage_id,
              quote: r.source_exact,
              start: r.source_start ?? 0,
              end: r.source_end ?? 0,
              link: `#/doc/${r.source_document_id}`,
            }
          : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
    const by = elsewhere.get(r.id);
    return { ...fact, label: factLabel(fact), ...(by ? { editedElsewhere: by } : {}) };
  });
}

export async function getFact(db: Database, id: string): Promise<Fact | undefined> {
  return (await selectFacts(db, sql`WHERE f.id = ${id}`))[0];
}

export async function getFactRow(db: Database, id: string): Promise<FactRow | undefined> {
  return db.get<FactRow>(sql`${SELECT_FACTS} WHERE f.id = ${id}`);
}

/** The value columns of a fact object (dates also get their first and last day). */
export function valueColumns(object: {
  kind: FactObject['kind'];
  entityId?: string;
  number?: number;
  unit?: string | null;
  date?: string;
  text?: string;
}) {
  const bounds = object.kind === 'date' ? dateBounds(object.date!) : null;
  return {
    object_entity_id: object.kind === 'entity' ? object.entityId! : null,
    value_number: object.kind === 'number' ? object.number! : null,
    value_unit: object.kind === 'number' ? (object.unit ?? null) : null,
    value_date: object.kind === 'date' ? object.date! : null,
    value_date_from: bounds ? bounds.from : null,
    value_date_to: bounds ? bounds.to : null,
    value_text: object.kind === 'text' ? object.text! : null,
  };
}

export interface FactRecord {
  id: string;
  subjectId: string;
  subjectAlias: string;
  predicate: string;
  predicateKey: string;
  objectKind: FactObject['kind'];
  value: ReturnType<typeof valueColumns>;
  valueQualifier: ValueQualifier;
  qualifierDate: string | null;
  qualifierPlaceId: string | null;
  status: FactStatus;
  confidence: number;
  origin: FactOrigin;
  note: string;
  source: { docId: string; exact: string; prefix: string; suffix: string; start: number; end: number } | null;
  proposalKey: string | null;
  now: string;
}

/** Inserts a fact; with a proposal key already present nothing happens and false is returned. */
export async function insertFact(tx: Database, f: FactRecord): Promise<boolean> {
  const v = f.value;
  const s = f.source;
  const result = await tx.run(sql`
    INSERT OR IGNORE INTO facts (id, subject_id, subject_alias, predicate, predicate_key, object_kind,
      object_entity_id, value_number, value_unit,
      value_date, value_date_from, value_date_to, value_text, value_qualifier, qualifier_date, qualifier_place_id,
        status, confidence, origin, note,
      source_document_id, source_exact, source_prefix, source_suffix, source_start, source_end, proposal_key,
        created_at, updated_at)
    VALUES (${f.id}, ${f.subjectId}, ${f.subjectAlias}, ${f.predicate}, ${f.predicateKey}, ${f.objectKind},
      ${v.object_entity_id}, ${v.value_number},
      ${v.value_unit}, ${v.value_date}, ${v.value_date_from}, ${v.value_date_to}, ${v.value_text},
        ${f.valueQualifier}, ${f.qualifierDate},
      ${f.qualifierPlaceId}, ${f.status}, ${f.confidence}, ${f.origin}, ${f.note}, ${s?.docId ?? null},
        ${s?.exact ?? null}, ${s?.prefix ?? null},
      ${s?.suffix ?? null}, ${s?.start ?? null}, ${s?.end ?? null}, ${f.proposalKey}, ${f.now}, ${f.now})`);
  return result.changes > 0;
}

export async function addEvidence(
  tx: Database,
  factId: string,
  annotationId: string,
  owned: boolean,
  now: string,
): Promise<void> {
  await tx.run(
    sql`INSERT OR IGNORE INTO fact_evidence (fact_id, annotation_id, owned, created_at) VALUES (${factId},
      ${annotationId}, ${owned ? 1 : 0}, ${now})`,
  );
}

// ---- entities

interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  created_at: string;
  updated_at: string;
  facts: number;
}

const SELECT_ENTITIES = sql`
  SELECT e.id, e.type, e.name, e.created_at, e.updated_at,
         (SELECT count(*) FROM facts f WHERE f.status <> 'rejected'
            AND (f.subject_id = e.id OR f.object_entity_id = e.id OR f.qualifier_place_id = e.id)) AS facts
  FROM entities e`;

async function aliasesOf(db: Database, ids: string[]): Promise<Map<string, EntityAlias[]>> {
  const out = new Map<string, EntityAlias[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.all<{ entity_id: string; alias: string; key: string }>({
      text: `SELECT entity_id, alias, key FROM entity_aliases WHERE entity_id IN (${chunk.map(() => '?').join(', ')})
        ORDER BY created_at, alias`,
      params: chunk,
    });
    for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), { alias: r.alias, key: r.key }]);
  }
  return out;
}

/** Entities with their aliases, read on one snapshot (see Database.read). */
export async function selectEntities(db: Database, where: SqlQuery): Promise<EntitySummary[]> {
  const { rows, aliases } = await db.read(async (rd) => {
    const found = await rd.all<EntityRow>(sql`${SELECT_ENTITIES} ${where}`);
    return {
      rows: found,
      aliases: await aliasesOf(
        rd,
        found.map((r) => r.id),
      ),
    };
  });
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    name: r.name,
    aliases: aliases.get(r.id) ?? [],
    facts: r.facts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function getEntity(db: Database, id: string): Promise<EntitySummary | undefined> {
  return (await selectEntities(db, sql`WHERE e.id = ${id}`))[0];
}

export async function insertEntity(tx: Database, type: EntityType, name: string, now: string): Promise<string> {
  const id = randomUUID();
  await tx.run(
    sql`INSERT INTO entities (id, type, name, created_at, updated_at) VALUES (${id}, ${type}, ${name}, ${now}, ${now})`,
  );
  await insertAlias(tx, id, name, now);
  return id;
}

/** Adds an alias unless the entity already has one with the same key. */
export async function insertAlias(tx: Database, entityId: string, alias: string, now: string): Promise<boolean> {
  const key = aliasKey(alias);
  if (!key) return false;
  const result = await tx.run(
    sql`INSERT OR IGNORE INTO entity_aliases (id, entity_id, alias, key, created_at) VALUES (${randomUUID()},
      ${entityId}, ${alias.trim()}, ${key}, ${now})`,
  );
  if (result.changes > 0) await tx.run(sql`UPDATE entities SET updated_at = ${now} WHERE id = ${entityId}`);
  return result.changes > 0;
}
