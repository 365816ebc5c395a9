// The facts ledger on an open archive: mentions and proposals for a document, facts with evidence
// annotations, entities with aliases (merge, split, suggestions), conflicts, timeline and exports.
//
// Evidence is an annotation made through the archive's AnnotationService, so a passage edit re-anchors it
// like any other annotation and the reader can open it (#/doc/<docId>/a/<annotationId>). Proposals are
// facts with status 'proposed' that remember where they were read; nothing is confirmed without a person.
import { randomUUID } from 'node:crypto';
import { anchor, describeRange } from '../../shared/anchoring';
import type { ExportedFile } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type {
  ConflictGroup,
  EntityDetail,
  EntityMentionHit,
  EntityRef,
  EntitySummary,
  EntityType,
  EvidenceRange,
  Fact,
  FactChanges,
  FactExportFormat,
  FactFilter,
  FactObjectInput,
  MentionsResult,
  MergeSuggestion,
  NewFactInput,
  PredicateSuggestion,
  ProposalReport,
  TimelineItem,
} from '../../shared/facts';
import type { DocumentDetail } from '../../shared/types';
import type { AnnotationService } from '../annotations/service';
import { getDocument } from '../documents/repo';
import type { Database } from '../db/connection';
import { join, raw, sql, type SqlQuery } from '../db/sql';
import type { CandidateFact } from './extract/propose';
import { exportFacts } from './export';
import { aliasKey, blockKeys, compareNames, predicateKey } from './keys';
import { nameWords as nameKeyWords, sameName } from '../../shared/text/name-key';
import * as repo from './repo';
import { dateBounds, isFactDate, sameValue } from './values';

import { EVIDENCE_TAG } from '../../shared/facts';
// Tag put on the annotations made as evidence, so they can be told apart in the reader and exports.
export { EVIDENCE_TAG };
const MAX_MENTION_HITS = 200;

export class FactService {
  constructor(
    private readonly db: Database,
    private readonly annotations: AnnotationService,
  ) {}

  // ---- mentions and proposals

  private async document(docId: string): Promise<DocumentDetail> {
    const doc = await getDocument(this.db, docId);
    if (!doc) throw new AppError('NOT_FOUND', `No document with id ${docId} in this archive.`);
    return doc;
  }

  /** The extractor (lexicons, name and number rules) loads on first use: opening an archive does not need it. */
  private async analyse(doc: DocumentDetail) {
    const { analyse } = await import('./extract/index');
    const sentences = doc.passages.flatMap((p) => p.sentences.map(([s, e]) => [p.start + s, p.start + e] as const));
    return analyse(doc.text, {
      lang: doc.lang,
      sentences: sentences.length > 0 ? sentences : undefined,
      referenceDate: doc.publishedAt,
    });
  }

  /** Persons, organisations, places, dates and quantities in a document (offsets into DocumentDetail.text). */
  async extract(docId: string): Promise<MentionsResult> {
    const doc = await this.document(docId);
    return { docId: doc.id, lang: doc.lang, version: doc.version, mentions: (await this.analyse(doc)).mentions };
  }

  /**
   * Proposes candidate facts for a document and stores the new ones as 'proposed'. A proposal made
   * before — even one the user rejected — is not made again.
   */
  async propose(docId: string): Promise<ProposalReport> {
    const doc = await this.document(docId);
    const { candidates } = await this.analyse(doc);
    let created = 0;
    await this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      for (const c of candidates) {
        const key = proposalKey(doc.id, c);
        if (await tx.get(sql`SELECT 1 FROM facts WHERE proposal_key = ${key}`)) continue;
        const subject = await this.resolveEntity(
          tx,
          { name: c.subject.name, type: c.subject.type },
          now,
          c.subject.text,
        );
        const object: FactObjectInput =
          c.object.kind === 'entity'
            ? { kind: 'entity', name: c.object.name, type: c.object.type }
            : c.object.kind === 'number'
              ? { kind: 'number', number: c.object.number, unit: c.object.unit ?? undefined }
              : c.object;
        const selector = describeRange(doc.text, c.start, c.end);
        const inserted = await repo.insertFact(tx, {
          id: randomUUID(),
          subjectId: subject.id,
          subjectAlias: c.subject.text,
          predicate: c.predicate,
          predicateKey: predicateKey(c.predicate),
          objectKind: object.kind,
          value: await this.valueOf(tx, object, now),
          valueQualifier: c.valueQualifier,
          qualifierDate: c.qualifiers.date,
          qualifierPlaceId: null,
          status: 'proposed',
          confidence: c.confidence,
          origin: 'extractor',
          note: '',
          source: { docId: doc.id, ...selector },
          proposalKey: key,
          now,
        });
        if (inserted) created++;
      }
    });
    const proposals = await this.list({ docId: doc.id, status: 'proposed', sort: 'created', limit: 100_000 });
    // In reading order: where each proposal was read in this document.
    proposals.sort(
      (a, b) =>
        (a.candidate?.docId === doc.id ? a.candidate.start : Infinity) -
        (b.candidate?.docId === doc.id ? b.candidate.start : Infinity),
    );
    return { docId: doc.id, created, proposals };
  }

  // ---- facts

  async get(id: string): Promise<Fact> {
    const fact = await repo.getFact(this.db, id);
    if (!fact) throw new AppError('NOT_FOUND', `No fact with id ${id} in this archive.`);
    return fact;
  }

  async list(filter: FactFilter = {}): Promise<Fact[]> {
    const where: SqlQuery[] = [];
    if (filter.status) where.push(sql`f.status = ${filter.status}`);
    if (filter.predicate) where.push(sql`f.predicate_key = ${predicateKey(filter.predicate)}`);
    if (filter.entityId)
      where.push(
        sql`(f.subject_id = ${filter.entityId} OR f.object_entity_id = ${filter.entityId} OR f.qualifier_place_id =
          ${filter.entityId})`,
      );
    if (filter.docId) {
      where.push(sql`(f.source_document_id = ${filter.docId} OR EXISTS (SELECT 1 FROM fact_evidence e JOIN annotations
        a ON a.id = e.annotation_id
                      WHERE e.fact_id = f.id AND a.document_id = ${filter.docId}))`);
    }
    const direction = raw(filter.descending ? 'DESC' : 'ASC');
    const order: Record<NonNullable<FactFilter['sort']>, SqlQuery> = {
      created: sql`f.created_at ${direction}, f.id`,
      updated: sql`f.updated_at ${direction}, f.id`,
      subject: sql`s.name COLLATE NOCASE ${direction}, f.predicate_key, f.created_at`,
      predicate: sql`f.predicate_key ${direction}, s.name COLLATE NOCASE, f.created_at`,
      date: sql`COALESCE(f.value_date_from, f.qualifier_date) IS NULL, COALESCE(f.value_date_from, f.qualifier_date)
        ${direction}, f.created_at`,
      confidence: sql`f.confidence ${direction}, f.created_at`,
    };
    const whereClause = where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : sql``;
    const limit = filter.limit ?? 1000;
    return repo.selectFacts(
      this.db,
      sql`${whereClause} ORDER BY ${order[filter.sort ?? 'created']} LIMIT ${limit} OFFSET ${filter.offset ?? 0}`,
    );
  }

  /** A fact recorded by a person: confirmed at once, each evidence range becoming an annotation. */
  async create(input: NewFactInput): Promise<Fact> {
    const id = randomUUID();
    const predicate = cleanPredicate(input.predicate);
    const evidence = input.evidence ?? [];
    for (const range of evidence) await this.document(range.docId);
    // One unit of work: the fact and every evidence annotation are stored together or not at all.
    return this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      const subject = await this.resolveEntity(tx, input.subject, now);
      const placeId = await this.placeOf(tx, input.place, input.placeId, now);
      await repo.insertFact(tx, {
        id,
        subjectId: subject.id,
        subjectAlias: input.subject.name?.trim() || subject.name,
        predicate,
        predicateKey: predicateKey(predicate),
        objectKind: input.object.kind,
        value: await this.valueOf(tx, input.object, now),
        valueQualifier: input.valueQualifier ?? 'exact',
        qualifierDate: cleanDate(input.date),
        qualifierPlaceId: placeId,
        status: 'confirmed',
        confidence: 1,
        origin: 'person',
        note: input.note?.trim() ?? '',
        source: null,
        proposalKey: null,
        now,
      });
      for (const range of evidence) await this.attachEvidence(id, range);
      return this.get(id);
    });
  }

  async update(id: string, changes: FactChanges): Promise<Fact> {
    await this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      const row = await repo.getFactRow(tx, id);
      if (!row) throw new AppError('NOT_FOUND', `No fact with id ${id} in this archive.`);
      if (changes.subject) {
        const subject = await this.resolveEntity(tx, changes.subject, now);
        await tx.run(
          sql`UPDATE facts SET subject_id = ${subject.id}, subject_alias =
            ${changes.subject.name?.trim() || subject.name} WHERE id = ${id}`,
        );
      }
      if (changes.predicate !== undefined) {
        const predicate = cleanPredicate(changes.predicate);
        await tx.run(
          sql`UPDATE facts SET predicate = ${predicate}, predicate_key = ${predicateKey(predicate)} WHERE id = ${id}`,
        );
      }
      if (changes.object) {
        const v = await this.valueOf(tx, changes.object, now);
        await tx.run(sql`
          UPDATE facts SET object_kind = ${changes.object.kind}, object_entity_id = ${v.object_entity_id},
            value_number = ${v.value_number},
            value_unit = ${v.value_unit}, value_date = ${v.value_date}, value_date_from = ${v.value_date_from},
              value_date_to = ${v.value_date_to},
            value_text = ${v.value_text}
          WHERE id = ${id}`);
      }
      if (changes.valueQualifier !== undefined)
        await tx.run(sql`UPDATE facts SET value_qualifier = ${changes.valueQualifier} WHERE id = ${id}`);
      if (changes.date !== undefined)
        await tx.run(sql`UPDATE facts SET qualifier_date = ${cleanDate(changes.date)} WHERE id = ${id}`);
      if (changes.place !== undefined || changes.placeId !== undefined) {
        const placeId = await this.placeOf(tx, changes.place, changes.placeId, now);
        await tx.run(sql`UPDATE facts SET qualifier_place_id = ${placeId} WHERE id = ${id}`);
      }
      if (changes.note !== undefined)
        await tx.run(sql`UPDATE facts SET note = ${changes.note.trim()} WHERE id = ${id}`);
      await tx.run(sql`UPDATE facts SET updated_at = ${now} WHERE id = ${id}`);
    });
    const fact = await this.get(id);
    await this.refreshEvidenceNotes(fact);
    return fact;
  }

  /**
   * Accepts a proposal (optionally edited first): the passage it was read from becomes an evidence
   * annotation — re-found in the current text if the document was corrected since — and the fact is confirmed.
   */
  async accept(id: string, changes?: FactChanges): Promise<Fact> {
    // One unit of work: edits, the evidence annotation and the new status commit together or not at all.
    return this.db.transaction(async (tx) => {
      if (changes && Object.keys(changes).length > 0) await this.update(id, changes);
      const row = await repo.getFactRow(tx, id);
      if (!row) throw new AppError('NOT_FOUND', `No fact with id ${id} in this archive.`);
      if (row.status === 'confirmed') return this.get(id);
      if (row.source_document_id && row.source_exact !== null) {
        const doc = await this.document(row.source_document_id);
        const selector = {
          exact: row.source_exact,
          prefix: row.source_prefix ?? '',
          suffix: row.source_suffix ?? '',
          start: row.source_start ?? 0,
          end: row.source_end ?? 0,
        };
        const found = anchor(doc.text, selector);
        if (!found)
          throw new AppError(
            'INVALID_REQUEST',
            `The passage this proposal was read from (“${row.source_exact.slice(0, 80)}”) is no` +
              ` longer in the document; propose again or add the fact by hand.`,
          );
        const existing = await tx.get(sql`SELECT 1 FROM fact_evidence WHERE fact_id = ${id}`);
        if (!existing) await this.attachEvidence(id, { docId: doc.id, start: found.start, end: found.end });
      }
      await tx.run(
        sql`UPDATE facts SET status = 'confirmed', updated_at = ${new Date().toISOString()} WHERE id = ${id}`,
      );
      return this.get(id);
    });
  }

  async reject(id: string): Promise<Fact> {
    await this.setStatus(id, 'rejected');
    return this.get(id);
  }

  /** Deletes a fact and the evidence annotations made for it (annotations that other facts also cite stay). */
  async delete(id: string): Promise<Fact> {
    const fact = await this.get(id);
    const owned = await this.db.all<{ annotation_id: string }>(sql`
      SELECT e.annotation_id FROM fact_evidence e
      WHERE e.fact_id = ${id} AND e.owned = 1
        AND NOT EXISTS (SELECT 1 FROM fact_evidence o WHERE o.annotation_id = e.annotation_id AND o.fact_id <>
          e.fact_id)`);
    await this.db.transaction((tx) => tx.run(sql`DELETE FROM facts WHERE id = ${id}`));
    for (const { annotation_id } of owned) await this.annotations.delete(annotation_id).catch(() => undefined);
    return fact;
  }

  /** Adds a passage as evidence (a new annotation on that text range). */
  async addEvidence(id: string, range: EvidenceRange): Promise<Fact> {
    await this.get(id);
    await this.attachEvidence(id, range);
    return this.get(id);
  }

  /** Removes one evidence passage; its annotation goes too when it was made for this fact alone. */
  async removeEvidence(id: string, annotationId: string): Promise<Fact> {
    const link = await this.db.get<{ owned: number }>(
      sql`SELECT owned FROM fact_evidence WHERE fact_id = ${id} AND annotation_id = ${annotationId}`,
    );
    if (!link) throw new AppError('NOT_FOUND', 'That annotation is not evidence of this fact.');
    await this.db.transaction((tx) =>
      tx.run(sql`DELETE FROM fact_evidence WHERE fact_id = ${id} AND annotation_id = ${annotationId}`),
    );
    const stillCited = await this.db.get(sql`SELECT 1 FROM fact_evidence WHERE annotation_id = ${annotationId}`);
    if (link.owned === 1 && !stillCited) await this.annotations.delete(annotationId).catch(() => undefined);
    return this.get(id);
  }

  /** The evidence annotation and its link to the fact, in one unit of work (joined by the caller's, if any). */
  private attachEvidence(factId: string, range: EvidenceRange): Promise<void> {
    return this.db.transaction(async (tx) => {
      const fact = await this.get(factId);
      const { docId, start, end } = range;
      const annotation = await this.annotations.create({
        docId,
        start,
        end,
        color: 'green',
        note: fact.label,
        tags: [EVIDENCE_TAG],
      });
      await repo.addEvidence(tx, factId, annotation.id, true, new Date().toISOString());
    });
  }

  /** Keeps the note of annotations made as evidence in step with the fact they support. */
  private async refreshEvidenceNotes(fact: Fact): Promise<void> {
    const owned = await this.db.all<{ annotation_id: string; note: string }>(sql`
      SELECT e.annotation_id, a.note FROM fact_evidence e JOIN annotations a ON a.id = e.annotation_id WHERE e.fact_id
        = ${fact.id} AND e.owned = 1`);
    for (const a of owned)
      if (a.note !== fact.label) await this.annotations.update(a.annotation_id, { note: fact.label });
  }

  private async setStatus(id: string, status: Fact['status']): Promise<void> {
    await this.db.transaction(async (tx) => {
      const result = await tx.run(
        sql`UPDATE facts SET status = ${status}, updated_at = ${new Date().toISOString()} WHERE id = ${id}`,
      );
      if (result.changes === 0) throw new AppError('NOT_FOUND', `No fact with id ${id} in this archive.`);
    });
  }

  /** Marks one fact of a conflict as the one to trust (the others in its group lose the mark), or clears the mark. */
  async setPreferred(id: string, preferred: boolean, reason: string): Promise<Fact> {
    await this.db.transaction(async (tx) => {
      const row = await repo.getFactRow(tx, id);
      if (!row) throw new AppError('NOT_FOUND', `No fact with id ${id} in this archive.`);
      const now = new Date().toISOString();
      if (preferred) {
        await tx.run(sql`
          UPDATE facts SET preferred = 0, preferred_reason = '', updated_at = ${now}
          WHERE preferred = 1 AND subject_id = ${row.subject_id} AND predicate_key = ${row.predicate_key}
            AND qualifier_date IS ${row.qualifier_date} AND qualifier_place_id IS ${row.qualifier_place_id}`);
      }
      await tx.run(
        sql`UPDATE facts SET preferred = ${preferred ? 1 : 0}, preferred_reason = ${preferred ? reason.trim() : ''},
          updated_at = ${now} WHERE id = ${id}`,
      );
    });
    return this.get(id);
  }

  /**
   * Facts that disagree: same subject, predicate and qualifiers (date, place), different values. By default
   * only confirmed facts count; with `includeProposed` proposals join in.
   */
  async conflicts(options: { includeProposed?: boolean } = {}): Promise<ConflictGroup[]> {
    const statuses = options.includeProposed ? sql`('confirmed', 'proposed')` : sql`('confirmed')`;
    const candidates = await repo.selectFacts(
      this.db,
      sql`
      WHERE f.status IN ${statuses} AND EXISTS (
        SELECT 1 FROM facts g WHERE g.id <> f.id AND g.status IN ${statuses} AND g.subject_id = f.subject_id AND
          g.predicate_key = f.predicate_key
          AND g.qualifier_date IS f.qualifier_date AND g.qualifier_place_id IS f.qualifier_place_id)
      ORDER BY s.name COLLATE NOCASE, f.predicate_key, f.qualifier_date, f.created_at`,
    );
    const groups = new Map<string, Fact[]>();
    for (const f of candidates) {
      const key = [
        f.subject.entityId,
        predicateKey(f.predicate),
        f.qualifiers.date ?? '',
        f.qualifiers.place?.entityId ?? '',
      ].join('\u0000');
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const out: ConflictGroup[] = [];
    for (const facts of groups.values()) {
      const distinct: Fact[] = [];
      for (const f of facts) if (!distinct.some((d) => sameValue(d, f))) distinct.push(f);
      if (distinct.length < 2) continue;
      const first = facts[0];
      out.push({
        subject: { entityId: first.subject.entityId, name: first.subject.name },
        predicate: first.predicate,
        qualifiers: first.qualifiers,
        facts,
        preferredFactId: facts.find((f) => f.preferred)?.id ?? null,
      });
    }
    return out;
  }

  /** Dated facts in time order: by their date value, or else by their date qualifier. */
  async timeline(options: { entityId?: string; includeProposed?: boolean } = {}): Promise<TimelineItem[]> {
    const statuses = options.includeProposed ? sql`('confirmed', 'proposed')` : sql`('confirmed')`;
    const entity = options.entityId
      ? sql`AND (f.subject_id = ${options.entityId} OR f.object_entity_id = ${options.entityId} OR
        f.qualifier_place_id = ${options.entityId})`
      : sql``;
    const facts = await repo.selectFacts(
      this.db,
      sql`WHERE f.status IN ${statuses} AND (f.value_date IS NOT NULL OR f.qualifier_date IS NOT NULL) ${entity}`,
    );
    const items: TimelineItem[] = facts.map((fact) => {
      const date = fact.object.kind === 'date' ? fact.object.date : fact.qualifiers.date!;
      return { date, ...dateBounds(date), role: fact.object.kind === 'date' ? 'value' : 'qualifier', fact };
    });
    return items.sort(
      (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.fact.label.localeCompare(b.fact.label),
    );
  }

  /** Predicates used so far, most used first (for suggestions while typing). */
  async predicates(prefix = ''): Promise<PredicateSuggestion[]> {
    const key = predicateKey(prefix);
    const rows = await this.db.all<{ predicate: string; facts: number }>(sql`
      SELECT (SELECT g.predicate FROM facts g WHERE g.predicate_key = f.predicate_key GROUP BY g.predicate ORDER BY
        count(*) DESC, g.predicate LIMIT 1) AS predicate,
             count(*) AS facts
      FROM facts f WHERE f.status <> 'rejected' AND instr(f.predicate_key, ${key}) > 0
      GROUP BY f.predicate_key ORDER BY instr(f.predicate_key, ${key}) = 1 DESC, facts DESC, f.predicate_key LIMIT 50`);
    return rows;
  }

  async export(format: FactExportFormat, filter: FactFilter = {}): Promise<ExportedFile> {
    // One snapshot: the facts and the documents their evidence points into, as they stood together.
    const { facts, docs } = await this.db.read(async (rd) => {
      const found = await this.list({
        status: 'confirmed',
        ...filter,
        limit: filter.limit ?? 1_000_000,
        sort: filter.sort ?? 'subject',
      });
      const docIds = [...new Set(found.flatMap((f) => f.evidence.map((e) => e.docId)))];
      const byId = new Map<string, DocumentDetail>();
      for (const id of docIds) {
        const doc = await getDocument(rd, id);
        if (doc) byId.set(id, doc);
      }
      return { facts: found, docs: byId };
    });
    return exportFacts(facts, docs, format);
  }

  // ---- entities

  async listEntities(options: { type?: EntityType; query?: string } = {}): Promise<EntitySummary[]> {
    const where: SqlQuery[] = [];
    if (options.type) where.push(sql`e.type = ${options.type}`);
    const q = options.query ? aliasKey(options.query) : '';
    if (q) where.push(sql`EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND instr(a.key, ${q}) > 0)`);
    const whereClause = where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : sql``;
    return repo.selectEntities(this.db, sql`${whereClause} ORDER BY e.name COLLATE NOCASE, e.created_at`);
  }

  async getEntity(id: string): Promise<EntityDetail> {
    // One snapshot: the entity, its facts and where its aliases occur, as they stood together.
    return this.db.read(async (rd) => {
      const entity = await repo.getEntity(rd, id);
      if (!entity) throw new AppError('NOT_FOUND', `No entity with id ${id} in this archive.`);
      const factList = (await this.list({ entityId: id, sort: 'date', limit: 10_000 })).filter(
        (f) => f.status !== 'rejected',
      );
      return { ...entity, factList, mentions: await this.mentionsOf(entity) };
    });
  }

  /** Where the entity's aliases occur in the archive's documents (whole words, capped). */
  private async mentionsOf(entity: EntitySummary): Promise<EntityMentionHit[]> {
    const aliases = [...new Set(entity.aliases.map((a) => a.alias).filter((a) => a.length >= 2))].sort(
      (a, b) => b.length - a.length,
    );
    const hits: EntityMentionHit[] = [];
    const taken = new Map<string, Array<[number, number]>>();
    for (const alias of aliases) {
      const docs = await this.db.all<{ id: string; title: string; lang: string; text: string }>(
        sql`SELECT id, title, lang, text FROM documents WHERE instr(text, ${alias}) > 0 ORDER BY title`,
      );
      for (const d of docs) {
        const spans = taken.get(d.id) ?? [];
        const passages = await this.db.all<{ id: string; ordinal: number; start_offset: number; end_offset: number }>(
          sql`SELECT id, ordinal, start_offset, end_offset FROM passages WHERE document_id = ${d.id} ORDER BY ordinal`,
        );
        for (
          let at = d.text.indexOf(alias);
          at !== -1 && hits.length < MAX_MENTION_HITS;
          at = d.text.indexOf(alias, at + 1)
        ) {
          const end = at + alias.length;
          if (
            /[\p{L}\p{N}]/u.test(d.text[at - 1] ?? '') ||
            /[\p{N}]/u.test(d.text[end] ?? '') ||
            spans.some(([s, e]) => at < e && s < end)
          )
            continue;
          // A following letter is allowed only as a Russian case ending (Саакяна) — not a longer word.
          const tail = /^\p{L}*/u.exec(d.text.slice(end, end + 4))![0];
          if (tail.length > 2) continue;
          spans.push([at, end]);
          const passage = passages.find((p) => at >= p.start_offset && at < p.end_offset + 2);
          hits.push({
            docId: d.id,
            docTitle: d.title,
            lang: d.lang,
            passageId: passage?.id ?? null,
            paragraph: passage ? passage.ordinal + 1 : null,
            alias,
            start: at,
            end: end + tail.length,
            snippet: snippetAround(d.text, at, end + tail.length),
            link: `#/doc/${d.id}`,
          });
        }
        taken.set(d.id, spans);
      }
    }
    return hits.sort((a, b) => a.docTitle.localeCompare(b.docTitle) || a.start - b.start);
  }

  async addAlias(id: string, alias: string): Promise<EntitySummary> {
    const name = alias.trim();
    if (!aliasKey(name)) throw new AppError('INVALID_REQUEST', 'An alias needs at least one letter or digit.');
    await this.db.transaction(async (tx) => {
      if (!(await tx.get(sql`SELECT 1 FROM entities WHERE id = ${id}`)))
        throw new AppError('NOT_FOUND', `No entity with id ${id} in this archive.`);
      await repo.insertAlias(tx, id, name, new Date().toISOString());
    });
    return (await repo.getEntity(this.db, id))!;
  }

  /** Renames an entity (the new name also becomes an alias) or changes its type. */
  async updateEntity(id: string, changes: { name?: string; type?: EntityType }): Promise<EntitySummary> {
    await this.db.transaction(async (tx) => {
      if (!(await tx.get(sql`SELECT 1 FROM entities WHERE id = ${id}`)))
        throw new AppError('NOT_FOUND', `No entity with id ${id} in this archive.`);
      const now = new Date().toISOString();
      if (changes.name !== undefined) {
        const name = changes.name.trim();
        if (!aliasKey(name)) throw new AppError('INVALID_REQUEST', 'A name needs at least one letter or digit.');
        await tx.run(sql`UPDATE entities SET name = ${name}, updated_at = ${now} WHERE id = ${id}`);
        await repo.insertAlias(tx, id, name, now);
      }
      if (changes.type !== undefined)
        await tx.run(sql`UPDATE entities SET type = ${changes.type}, updated_at = ${now} WHERE id = ${id}`);
    });
    return (await repo.getEntity(this.db, id))!;
  }

  /** Folds `sourceIds` into `targetId`: their aliases and facts move over, then they are deleted. */
  async mergeEntities(targetId: string, sourceIds: string[]): Promise<EntitySummary> {
    const sources = [...new Set(sourceIds)].filter((s) => s !== targetId);
    if (sources.length === 0)
      throw new AppError('INVALID_REQUEST', 'Name at least one other entity to merge into this one.');
    await this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      for (const id of [targetId, ...sources]) {
        if (!(await tx.get(sql`SELECT 1 FROM entities WHERE id = ${id}`)))
          throw new AppError('NOT_FOUND', `No entity with id ${id} in this archive.`);
      }
      for (const source of sources) {
        for (const a of await tx.all<{ alias: string }>(
          sql`SELECT alias FROM entity_aliases WHERE entity_id = ${source} ORDER BY created_at`,
        )) {
          await repo.insertAlias(tx, targetId, a.alias, now);
        }
        await tx.run(sql`UPDATE facts SET subject_id = ${targetId}, updated_at = ${now} WHERE subject_id = ${source}`);
        await tx.run(
          sql`UPDATE facts SET object_entity_id = ${targetId}, updated_at = ${now} WHERE object_entity_id = ${source}`,
        );
        await tx.run(
          sql`UPDATE facts SET qualifier_place_id = ${targetId}, updated_at = ${now} WHERE qualifier_place_id =
            ${source}`,
        );
        await tx.run(sql`DELETE FROM entities WHERE id = ${source}`);
        // Where it went: a fact added elsewhere for the merged entity (a team member, a portable file) follows.
        await tx.run(sql`UPDATE entity_redirects SET to_id = ${targetId} WHERE to_id = ${source}`);
        await tx.run(sql`INSERT INTO entity_redirects (from_id, to_id, merged_at) VALUES (${source}, ${targetId},
          ${now})
                         ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id, merged_at = excluded.merged_at`);
      }
      await tx.run(sql`UPDATE entities SET updated_at = ${now} WHERE id = ${targetId}`);
    });
    return (await repo.getEntity(this.db, targetId))!;
  }

  /**
   * Splits off a new entity holding the given aliases; the facts whose subject was written with one of
   * those aliases go with it (undoes a wrong merge, or separates two people of the same name).
   */
  async splitEntity(
    id: string,
    aliases: string[],
    name?: string,
  ): Promise<{ kept: EntitySummary; created: EntitySummary }> {
    const keys = new Set(aliases.map(aliasKey).filter(Boolean));
    if (keys.size === 0) throw new AppError('INVALID_REQUEST', 'Name the aliases that belong to the new entity.');
    let createdId = '';
    await this.db.transaction(async (tx) => {
      const entity = await tx.get<{ type: EntityType; name: string }>(
        sql`SELECT type, name FROM entities WHERE id = ${id}`,
      );
      if (!entity) throw new AppError('NOT_FOUND', `No entity with id ${id} in this archive.`);
      const own = await tx.all<{ id: string; alias: string; key: string }>(
        sql`SELECT id, alias, key FROM entity_aliases WHERE entity_id = ${id} ORDER BY created_at`,
      );
      const moving = own.filter((a) => keys.has(a.key));
      if (moving.length === 0) throw new AppError('INVALID_REQUEST', 'None of those names is an alias of this entity.');
      if (moving.length === own.length)
        throw new AppError('INVALID_REQUEST', 'Leave at least one alias with the entity being split.');
      const now = new Date().toISOString();
      const newName = name?.trim() || moving[0].alias;
      createdId = randomUUID();
      await tx.run(
        sql`INSERT INTO entities (id, type, name, created_at, updated_at) VALUES (${createdId}, ${entity.type},
          ${newName}, ${now}, ${now})`,
      );
      for (const a of moving) await tx.run(sql`UPDATE entity_aliases SET entity_id = ${createdId} WHERE id = ${a.id}`);
      await repo.insertAlias(tx, createdId, newName, now);
      const facts = await tx.all<{ id: string; subject_alias: string }>(
        sql`SELECT id, subject_alias FROM facts WHERE subject_id = ${id}`,
      );
      for (const f of facts)
        if (keys.has(aliasKey(f.subject_alias)))
          await tx.run(sql`UPDATE facts SET subject_id = ${createdId}, updated_at = ${now} WHERE id = ${f.id}`);
      if (moving.some((a) => a.alias === entity.name)) {
        const remaining = own.find((a) => !keys.has(a.key))!;
        await tx.run(sql`UPDATE entities SET name = ${remaining.alias} WHERE id = ${id}`);
      }
      await tx.run(sql`UPDATE entities SET updated_at = ${now} WHERE id = ${id}`);
    });
    return { kept: (await repo.getEntity(this.db, id))!, created: (await repo.getEntity(this.db, createdId))! };
  }

  /**
   * Pairs of entities of the same type that probably name the same thing: the same name in another script
   * (Бако Саакян / Bako Sahakyan), a surname alone (Sahakyan), close spellings (Saakyan ~ Sahakyan).
   */
  async mergeSuggestions(options: { minScore?: number } = {}): Promise<MergeSuggestion[]> {
    const minScore = options.minScore ?? 0.8;
    const entities = await repo.selectEntities(this.db, sql`ORDER BY e.created_at`);
    // Blocking: only entities sharing a cross-script key or the first letters of a skeleton of the surname are
    // compared.
    const blocks = new Map<string, EntitySummary[]>();
    for (const e of entities) {
      const keys = new Set(e.aliases.flatMap((a) => blockKeys(a.alias)).filter(Boolean));
      for (const k of keys) blocks.set(`${e.type}\u0000${k}`, [...(blocks.get(`${e.type}\u0000${k}`) ?? []), e]);
    }
    const seen = new Set<string>();
    const out: MergeSuggestion[] = [];
    for (const block of blocks.values()) {
      for (let i = 0; i < block.length; i++) {
        for (let j = i + 1; j < block.length; j++) {
          const [a, b] = [block[i], block[j]];
          const pair = [a.id, b.id].sort().join('|');
          if (seen.has(pair)) continue;
          seen.add(pair);
          let best = { score: 0, reasons: [] as string[] };
          for (const x of a.aliases)
            for (const y of b.aliases) {
              const m = compareNames(x.alias, y.alias);
              if (m.score > best.score) best = m;
            }
          if (best.score < minScore) continue;
          const aFirst =
            a.facts > b.facts ||
            (a.facts === b.facts &&
              (a.aliases.length > b.aliases.length ||
                (a.aliases.length === b.aliases.length && a.name.length >= b.name.length)));
          out.push({ target: aFirst ? a : b, source: aFirst ? b : a, score: best.score, reasons: best.reasons });
        }
      }
    }
    return out.sort((x, y) => y.score - x.score || x.target.name.localeCompare(y.target.name));
  }

  // ---- helpers

  /**
   * Finds the entity a name refers to: an exact alias (across scripts, after transliteration), else a lone
   * surname shared by exactly one person; else creates one. The written form becomes an alias.
   */
  private async resolveEntity(
    tx: Database,
    ref: EntityRef,
    now: string,
    writtenAs?: string,
  ): Promise<{ id: string; name: string }> {
    if (ref.entityId) {
      const found = await tx.get<{ id: string; name: string }>(
        sql`SELECT id, name FROM entities WHERE id = ${ref.entityId}`,
      );
      if (!found) throw new AppError('NOT_FOUND', `No entity with id ${ref.entityId} in this archive.`);
      return found;
    }
    const name = ref.name?.trim() ?? '';
    const key = aliasKey(name);
    if (!key) throw new AppError('INVALID_REQUEST', 'A fact needs a subject: give an entity id or a name.');
    const typeFilter = ref.type ? sql`AND e.type = ${ref.type}` : sql``;
    const byFacts = sql`ORDER BY (SELECT count(*) FROM facts f WHERE f.subject_id = e.id) DESC, e.created_at LIMIT 1`;
    let found = await tx.get<{ id: string; name: string }>(sql`
      SELECT e.id, e.name FROM entities e WHERE EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND
        a.key = ${key}) ${typeFilter} ${byFacts}`);
    // The same name in another script or spelling (Бако Саакян, Բակո Սահակյան, Bako Sahakyan): the aliases' keys
    // are compared with the cross-script name key (shared/text/name-key.ts), computed here from the stored
    // aliases, so archives made before it meet too.
    found ??= await this.entityBySameName(tx, name, ref.type);
    if (!found && !key.includes(' ') && (ref.type === undefined || ref.type === 'person')) {
      const bySurname = await tx.all<{ id: string; name: string }>(sql`
        SELECT DISTINCT e.id, e.name FROM entities e JOIN entity_aliases a ON a.entity_id = e.id
        WHERE e.type = 'person' AND a.key LIKE ${`% ${key}`}`);
      if (bySurname.length === 1) found = bySurname[0];
    }
    if (!found) {
      const id = await repo.insertEntity(tx, ref.type ?? 'other', name, now);
      found = { id, name };
    } else await repo.insertAlias(tx, found.id, name, now);
    if (writtenAs && writtenAs.trim() !== name) await repo.insertAlias(tx, found.id, writtenAs, now);
    return found;
  }

  /** The entity (of this type) with an alias that is the same name as `name` across scripts, most facts first. */
  private async entityBySameName(
    tx: Database,
    name: string,
    type: EntityRef['type'],
  ): Promise<{ id: string; name: string } | undefined> {
    if (nameKeyWords(name).length === 0) return undefined;
    const typeFilter = type ? sql`WHERE e.type = ${type}` : sql``;
    const rows = await tx.all<{ id: string; name: string; alias: string; n: number }>(sql`
      SELECT e.id, e.name, a.alias, (SELECT count(*) FROM facts f WHERE f.subject_id = e.id) AS n
      FROM entities e JOIN entity_aliases a ON a.entity_id = e.id ${typeFilter}
      ORDER BY n DESC, e.created_at`);
    const hit = rows.find((r) => sameName(r.alias, name));
    return hit ? { id: hit.id, name: hit.name } : undefined;
  }

  private async placeOf(
    tx: Database,
    place: string | undefined,
    placeId: string | undefined,
    now: string,
  ): Promise<string | null> {
    if (placeId) return (await this.resolveEntity(tx, { entityId: placeId }, now)).id;
    if (place && place.trim()) return (await this.resolveEntity(tx, { name: place, type: 'place' }, now)).id;
    return null;
  }

  private async valueOf(
    tx: Database,
    object: FactObjectInput,
    now: string,
  ): Promise<ReturnType<typeof repo.valueColumns>> {
    switch (object.kind) {
      case 'entity': {
        const entity = await this.resolveEntity(
          tx,
          { entityId: object.entityId, name: object.name, type: object.type },
          now,
        );
        return repo.valueColumns({ kind: 'entity', entityId: entity.id });
      }
      case 'number':
        if (!Number.isFinite(object.number)) throw new AppError('INVALID_REQUEST', 'A number value must be finite.');
        return repo.valueColumns({ kind: 'number', number: object.number, unit: object.unit?.trim() || null });
      case 'date':
        return repo.valueColumns({ kind: 'date', date: cleanDate(object.date) ?? invalidDate(object.date) });
      case 'text': {
        const text = object.text.trim();
        if (!text) throw new AppError('INVALID_REQUEST', 'A text value cannot be empty.');
        return repo.valueColumns({ kind: 'text', text });
      }
    }
  }
}

function cleanPredicate(predicate: string): string {
  const p = predicate.trim().replace(/\s+/gu, ' ');
  if (!p) throw new AppError('INVALID_REQUEST', 'A fact needs a predicate (what is said about the subject).');
  return p;
}

function cleanDate(date: string | undefined): string | null {
  if (date === undefined || date.trim() === '') return null;
  const d = date.trim();
  if (!isFactDate(d)) invalidDate(d);
  return d;
}

function invalidDate(date: string): never {
  throw new AppError('INVALID_REQUEST', `“${date}” is not a date like 2012-07-19, 2012-07, 2012 or 1601/1700.`);
}

/** The same reading of the same document is proposed once, whatever its offsets after later edits. */
function proposalKey(docId: string, c: CandidateFact): string {
  const value =
    c.object.kind === 'number'
      ? `${c.object.number} ${c.object.unit ?? ''}`
      : c.object.kind === 'date'
        ? c.object.date
        : aliasKey(c.object.name);
  return [
    docId,
    predicateKey(c.predicate),
    aliasKey(c.subject.name),
    value,
    c.valueQualifier,
    c.qualifiers.date ?? '',
  ].join('|');
}

function snippetAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 60);
  const to = Math.min(text.length, end + 60);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/gu, ' ')}${to < text.length ? '…' : ''}`;
}
