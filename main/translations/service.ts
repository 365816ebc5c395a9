// Translations on an open archive: links between documents and their translations, alignments (stored per
// pair and document versions, recomputed when either text changes), manual corrections kept across
// re-alignment, annotations carried across, aligned-pair export, typed translations and machine translation.
import { createHash, randomUUID } from 'node:crypto';
import type { ExportedFile } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type {
  AlignCorrection,
  AlignLevel,
  Alignment,
  AlignmentBead,
  CarriedAnnotation,
  Counterpart,
  MtResult,
  MtSettings,
  PairsExportFormat,
  Segment,
  SegmentSheet,
  SegmentStatus,
  SegmentUnit,
  SentenceRef,
  TranslationLink,
  TranslationOrigin,
} from '../../shared/translations';
import type { Annotation, DocumentDetail, ImportOutcome } from '../../shared/types';
import { consistentLinks } from '../align/links';
import type { FixedLink, FixedSentenceLink } from '../align/types';
import { ALIGNER_VERSION } from '../align/types';
import { sharedAlignWorker, type Aligner } from '../align/worker-host';
import { APP_VERSION } from '../app-version';
import { listAnnotations } from '../annotations/repo';
import * as documents from '../documents/repo';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import type { PreparedImport } from '../documents/service';
import type { IngestInput } from '../ingest/types';
import { indexDocuments } from '../search/indexer';
import { Carrier, type LaidOutPassage } from './carry';
import { correctionLinks, flipBeads } from './corrections';
import { getMtSettings, machineTranslate, setMtSettings } from './mt';
import { alignedPairs, exportPairs } from './pairs-export';
import * as repo from './repo';
import { cleanSegmentText, rebuildTypedDocument, segmentsAlignment } from './segments';

/** Beads below this confidence are marked in the reader. */
export const LOW_CONFIDENCE = 0.75;

/**
 * The archive's lexicon for the aligner's second pass: sentence pairs of other stored alignments in the same
 * two languages, only beads at least this confident (calibrated: about that share of them are right), from the
 * most recent alignments, at most so many pairs in all (their word pairs bound the lexicon's work).
 */
export const ARCHIVE_LEXICON = { minConfidence: 0.9, alignments: 20, maxPairs: 600, maxSentences: 2 };

const notFound = (id: string) => new AppError('NOT_FOUND', `No document with id ${id} in this archive.`);

type TextPair = { source: string; target: string };

export class TranslationService {
  private aligner: Aligner | undefined;
  /** Confident sentence pairs of a stored alignment (by its row id: a recomputed alignment gets a new one). */
  private readonly confidentPairs = new Map<string, TextPair[]>();

  constructor(
    private readonly db: Database,
    /** The archive's own import: checks and parsing first, then the write that stores the file in a transaction. */
    private readonly prepareImport: (input: IngestInput) => Promise<PreparedImport>,
  ) {}

  /** Where alignments run: the shared worker thread unless told otherwise (the CLI and tests align in-process). */
  useAligner(aligner: Aligner): void {
    this.aligner = aligner;
  }

  private get alignerInUse(): Aligner {
    this.aligner ??= sharedAlignWorker();
    return this.aligner;
  }

  // ---- Links

  list(docId: string): Promise<TranslationLink[]> {
    return repo.listLinks(this.db, docId);
  }

  async link(sourceId: string, translationId: string, origin: TranslationOrigin = 'link'): Promise<TranslationLink> {
    const id = await this.db.transaction((tx) => linkIn(tx, sourceId, translationId, origin));
    return (await repo.getLinkView(this.db, id))!;
  }

  async unlink(id: string): Promise<void> {
    const deleted = await this.db.transaction((tx) => repo.deleteLink(tx, id));
    if (!deleted) throw new AppError('NOT_FOUND', `No translation link ${id} in this archive.`);
  }

  /**
   * Imports a file and links it as a translation of `translationOf` (an already-present file is linked as it
   * is): one unit of work, so a link that cannot be made leaves no imported document behind.
   */
  async importAsTranslation(
    input: IngestInput,
    translationOf: string,
  ): Promise<{ outcome: ImportOutcome; link: TranslationLink }> {
    if (!(await documents.getDocumentSummary(this.db, translationOf))) throw notFound(translationOf);
    const prepared = await this.prepareImport(input);
    return this.db.transaction(async (tx) => {
      const outcome = 'done' in prepared ? prepared.done : await prepared.write(tx);
      if (outcome.status === 'imported') await indexDocuments(tx, [outcome.document.id]);
      const docId = outcome.status === 'imported' ? outcome.document.id : outcome.existingId;
      const id = await linkIn(tx, translationOf, docId, 'import');
      return { outcome, link: (await repo.getLinkView(tx, id))! };
    });
  }

  // ---- Alignment

  /**
   * The alignment of docId with otherDocId, oriented that way: stored if still valid, else computed (and stored for
   * linked pairs).
   */
  async getAlignment(docId: string, otherDocId: string, options: { recompute?: boolean } = {}): Promise<Alignment> {
    return (await this.alignPair(docId, otherDocId, options)).alignment;
  }

  /**
   * The alignment of docId with otherDocId and the two documents it was made for (`doc` is docId's): the
   * documents, link, segments, corrections and stored alignment are read on one snapshot, so they belong together.
   */
  private async alignPair(
    docId: string,
    otherDocId: string,
    options: { recompute?: boolean; annotations?: boolean } = {},
  ): Promise<{ alignment: Alignment; doc: DocumentDetail; other: DocumentDetail; annotations: Annotation[] }> {
    const read = await this.db.read(async (rd) => {
      const pair = await this.loadPair(rd, docId, otherDocId);
      const { link } = pair;
      const segments = link?.origin === 'typed' ? await repo.listSegmentRows(rd, link.id) : [];
      const manual = link && link.origin !== 'typed' ? await repo.listManualLinks(rd, link.id) : [];
      const stored =
        link && link.origin !== 'typed' && !options.recompute
          ? await repo.loadAlignment(rd, link.id, pair.src.version, pair.tgt.version, ALIGNER_VERSION)
          : undefined;
      const annotations = options.annotations ? await listAnnotations(rd, docId) : [];
      return { ...pair, segments, manual, stored, annotations };
    });
    const { flipped, src, tgt, annotations } = read;
    const [doc, other] = flipped ? [tgt, src] : [src, tgt];
    return { alignment: await this.alignmentOf(read, docId, otherDocId), doc, other, annotations };
  }

  private async alignmentOf(
    read: {
      link: repo.LinkRow | undefined;
      flipped: boolean;
      src: DocumentDetail;
      tgt: DocumentDetail;
      segments: Awaited<ReturnType<typeof repo.listSegmentRows>>;
      manual: repo.ManualLinkRow[];
      stored: Awaited<ReturnType<typeof repo.loadAlignment>>;
    },
    docId: string,
    otherDocId: string,
  ): Promise<Alignment> {
    const { link, flipped, src, tgt, segments, manual, stored } = read;
    const orient = (beads: AlignmentBead[]) => (flipped ? flipBeads(beads) : beads);
    const base = {
      sourceId: docId,
      targetId: otherDocId,
      linkId: link?.id ?? null,
      sourceVersion: flipped ? tgt.version : src.version,
      targetVersion: flipped ? src.version : tgt.version,
      lowConfidence: LOW_CONFIDENCE,
    };
    if (link?.origin === 'typed') {
      const beads = segmentsAlignment(
        segments,
        ordinalsOf(src),
        src.passages.map((p) => p.sentences.length),
        ordinalsOf(tgt),
      );
      return {
        ...base,
        beads: orient(beads),
        corrections: 0,
        staleCorrections: 0,
        origin: 'segments',
        computedAt: new Date().toISOString(),
        stats: { lengthRatio: 0, lexiconSize: 0, passes: 0, ms: 0 },
      };
    }
    const resolved = resolveManualLinks(manual, src, tgt);
    if (stored) {
      return {
        ...base,
        beads: orient(stored.beads),
        corrections: resolved.inForce,
        staleCorrections: resolved.stale,
        origin: 'stored',
        computedAt: stored.createdAt,
        stats: stored.stats,
      };
    }
    const result = await this.alignerInUse.align(alignSide(src), alignSide(tgt), {
      fixed: resolved.fixed,
      fixedSentences: resolved.fixedSentences,
      lexiconPairs: await this.archiveLexicon(src, tgt, link?.id),
    });
    const computedAt = new Date().toISOString();
    const stats = {
      lengthRatio: result.stats.lengthRatio,
      lexiconSize: result.stats.lexiconSize,
      passes: result.stats.passes,
      ms: result.stats.ms,
    };
    if (link) {
      await this.db.transaction(async (tx) => {
        // Stored only if neither text changed meanwhile (the versions it was computed for are still current).
        const now = await Promise.all([src.id, tgt.id].map((id) => documents.getDocumentSummary(tx, id)));
        if (now[0]?.version !== src.version || now[1]?.version !== tgt.version || !(await repo.getLink(tx, link.id)))
          return;
        await repo.storeAlignment(tx, {
          id: randomUUID(),
          linkId: link.id,
          sourceVersion: src.version,
          targetVersion: tgt.version,
          alignerVersion: ALIGNER_VERSION,
          beads: result.beads,
          stats,
          createdAt: computedAt,
        });
      });
    }
    return {
      ...base,
      beads: orient(result.beads),
      corrections: resolved.inForce,
      staleCorrections: resolved.stale,
      origin: 'computed',
      computedAt,
      stats,
    };
  }

  /** Applies a manual correction (to the alignment align.get returned for the same pair) and re-aligns around it. */
  async correct(docId: string, otherDocId: string, correction: AlignCorrection): Promise<Alignment> {
    const { link, flipped, src, tgt } = await this.db.read((rd) => this.loadPair(rd, docId, otherDocId));
    if (!link)
      throw new AppError(
        'INVALID_REQUEST',
        'Link the two documents as translations first; corrections are kept with the link.',
      );
    if (link.origin === 'typed')
      throw new AppError(
        'INVALID_REQUEST',
        'A typed translation is aligned segment by segment; edit its segments instead.',
      );
    if (correction.op === 'reset') {
      await this.db.transaction(async (tx) => {
        await repo.clearManualLinks(tx, link.id);
        await repo.forgetAlignments(tx, link.id);
      });
      return this.getAlignment(docId, otherDocId, { recompute: true });
    }
    const current = await this.getAlignment(docId, otherDocId);
    const asked = correctionLinks(current.beads, correction);
    // Back to the link's orientation, and from ordinals to passage ids (which survive edits elsewhere).
    const [reqSrc, reqTgt] = flipped ? [tgt, src] : [src, tgt];
    const now = new Date().toISOString();
    const op = correction.op as repo.ManualLinkRow['op'];
    const rows: repo.ManualLinkRow[] = asked.links.map((l) => {
      const sourceSide =
        asked.level === 'paragraph'
          ? (l.source as number[]).map((o) => passageId(reqSrc, o))
          : (l.source as SentenceRef[]).map((r) => sentenceKey(reqSrc, r));
      const targetSide =
        asked.level === 'paragraph'
          ? (l.target as number[]).map((o) => passageId(reqTgt, o))
          : (l.target as SentenceRef[]).map((r) => sentenceKey(reqTgt, r));
      const [s, t] = flipped ? [targetSide, sourceSide] : [sourceSide, targetSide];
      return { id: randomUUID(), level: asked.level, op, source: s, target: t, createdAt: now };
    });
    await this.db.transaction(async (tx) => {
      const older = await repo.listManualLinks(tx, link.id);
      const unitsOf = (r: repo.ManualLinkRow) => ({
        s: new Set(r.source.map(unitKey)),
        t: new Set(r.target.map(unitKey)),
      });
      const fresh = rows.map(unitsOf);
      // A newer correction replaces the older ones it touches, and (paragraph level) those it would cross.
      const touched = older.filter(
        (o) =>
          o.level === asked.level &&
          fresh.some((f) => o.source.some((u) => f.s.has(unitKey(u))) || o.target.some((u) => f.t.has(unitKey(u)))),
      );
      const drop = new Set(touched.map((o) => o.id));
      if (asked.level === 'paragraph') {
        const survivors = older.filter((o) => o.level === 'paragraph' && !drop.has(o.id));
        const all = [...rows, ...survivors];
        const asOrdinals = all.map((r) => ({
          source: r.source.map((id) => ordinalsOf(src).get(id as string) ?? -1),
          target: r.target.map((id) => ordinalsOf(tgt).get(id as string) ?? -1),
        }));
        const kept = new Set(
          consistentLinks(asOrdinals, src.passages.length, tgt.passages.length).map((l) => JSON.stringify(l)),
        );
        all.forEach((r, k) => {
          const normal = {
            source: [...asOrdinals[k].source].sort((a, b) => a - b),
            target: [...asOrdinals[k].target].sort((a, b) => a - b),
          };
          if (k >= rows.length && !kept.has(JSON.stringify(normal))) drop.add(r.id);
        });
      }
      await repo.deleteManualLinks(tx, [...drop]);
      for (const r of rows) await repo.insertManualLink(tx, link.id, r);
      await repo.forgetAlignments(tx, link.id);
    });
    return this.getAlignment(docId, otherDocId, { recompute: true });
  }

  /** The passages of otherDocId aligned with one passage of docId. */
  async counterpart(docId: string, passageId: string, otherDocId: string): Promise<Counterpart> {
    const { alignment, doc, other } = await this.alignPair(docId, otherDocId);
    const passage = doc.passages.find((p) => p.id === passageId);
    if (!passage) throw new AppError('NOT_FOUND', `The document has no passage ${passageId}.`);
    const bead = alignment.beads.find((b) => b.source.includes(passage.ordinal));
    if (!bead) return { passages: [], confidence: 0 };
    const passages = bead.target
      .map((o) => other.passages[o])
      .filter((p) => !!p)
      .map((p) => ({ id: p.id, ordinal: p.ordinal, text: p.text, start: p.start, end: p.end }));
    return { passages, confidence: bead.confidence };
  }

  /** docId's annotations mapped onto otherDocId through the alignment (computed on every read). */
  async carried(docId: string, otherDocId: string): Promise<CarriedAnnotation[]> {
    const { alignment, doc, other, annotations } = await this.alignPair(docId, otherDocId, { annotations: true });
    const carrier = new Carrier(laidOut(doc), laidOut(other), other.text, alignment.beads);
    const out: CarriedAnnotation[] = [];
    for (const a of annotations) {
      if (a.status === 'orphaned') continue;
      const target = carrier.carry(a.start, a.end, a.exact);
      if (target) out.push({ annotationId: a.id, ...target });
    }
    return out;
  }

  async exportPairs(
    docId: string,
    otherDocId: string,
    format: PairsExportFormat,
    level: AlignLevel = 'sentence',
  ): Promise<ExportedFile> {
    const { alignment, doc, other } = await this.alignPair(docId, otherDocId);
    const pairs = alignedPairs(alignment.beads, laidOut(doc), laidOut(other), level);
    const meta = {
      sourceLang: doc.lang,
      targetLang: other.lang,
      sourceTitle: doc.title,
      targetTitle: other.title,
      toolVersion: APP_VERSION,
      createdAt: new Date().toISOString(),
    };
    return exportPairs(pairs, meta, format, level);
  }

  // ---- Typed translations

  /** A new translation document of docId, to be typed segment by segment (one per source passage or sentence). */
  async startTyped(
    docId: string,
    lang: string,
    options: { title?: string; unit?: SegmentUnit } = {},
  ): Promise<SegmentSheet> {
    const unit = options.unit ?? 'sentence';
    const id = randomUUID();
    const now = new Date().toISOString();
    const linkId = randomUUID();
    await this.db.transaction(async (tx) => {
      // Read inside the unit of work: the segments follow the text as it is when they are written.
      const source = await documents.getDocument(tx, docId);
      if (!source) throw notFound(docId);
      await documents.insertDocument(tx, {
        id,
        title: options.title?.trim() || `${source.title} [${lang}]`,
        lang,
        source: null,
        author: null,
        publishedAt: null,
        fileCreatedAt: null,
        originalName: null,
        mediaType: 'text/plain',
        // Typed documents have no imported bytes; a unique hash keeps the dedupe-by-content rule intact.
        contentHash: createHash('sha256').update(`tala-typed-translation:${id}`).digest('hex'),
        importedAt: now,
        text: '',
        passages: [],
      });
      await repo.insertLink(tx, {
        id: linkId,
        source_document_id: docId,
        translation_document_id: id,
        origin: 'typed',
        created_at: now,
      });
      let ordinal = 0;
      for (const p of source.passages) {
        const spans: Array<[number, number] | null> =
          unit === 'passage' || p.sentences.length === 0 ? [null] : p.sentences;
        for (const [k, span] of spans.entries()) {
          await repo.insertSegment(tx, {
            id: randomUUID(),
            translation_id: linkId,
            ordinal: ordinal++,
            unit,
            source_passage_id: p.id,
            source_sentence: span ? k : null,
            source_text: span ? p.text.slice(span[0], span[1]) : p.text,
            target_passage_id: null,
            text: '',
            status: 'draft',
            updated_at: now,
          });
        }
      }
      await indexDocuments(tx, [id]);
    });
    return this.segmentSheet(linkId);
  }

  async segmentSheet(linkId: string): Promise<SegmentSheet> {
    const { link, rows, source } = await this.db.read(async (rd) => {
      const view = await repo.getLinkView(rd, linkId);
      if (!view) throw new AppError('NOT_FOUND', `No translation link ${linkId} in this archive.`);
      const row = await repo.getLink(rd, linkId);
      if (row?.origin !== 'typed')
        throw new AppError('INVALID_REQUEST', 'This translation was not typed in Tala: it has no segments.');
      return {
        link: view,
        rows: await repo.listSegmentRows(rd, linkId),
        source: await this.document(rd, view.source.id),
      };
    });
    const passages = new Map(source.passages.map((p) => [p.id, p]));
    const segments = rows.map((r) => toSegment(r, passages));
    const progress = { done: 0, draft: 0, empty: 0 };
    for (const s of segments) progress[s.text === '' ? 'empty' : s.status]++;
    return { link, unit: rows[0]?.unit ?? 'sentence', segments, progress };
  }

  /** Saves one segment's text and/or status; the translation document follows at once. */
  async saveSegment(id: string, changes: { text?: string; status?: SegmentStatus }): Promise<Segment> {
    await this.db.transaction(async (tx) => {
      const row = await repo.getSegmentRow(tx, id);
      if (!row) throw new AppError('NOT_FOUND', `No segment ${id} in this archive.`);
      const link = await repo.getLink(tx, row.translation_id);
      if (!link) throw new AppError('NOT_FOUND', 'The translation of this segment is gone.');
      const text = changes.text === undefined ? row.text : cleanSegmentText(changes.text);
      if (changes.status === 'done' && text === '')
        throw new AppError('INVALID_REQUEST', 'Type a translation before marking the segment done.');
      const status: SegmentStatus = text === '' ? 'draft' : (changes.status ?? row.status);
      await tx.run(
        sql`UPDATE translation_segments SET text = ${text}, status = ${status}, updated_at =
          ${new Date().toISOString()} WHERE id = ${id}`,
      );
      if (text !== row.text) {
        await rebuildTypedDocument(tx, link.translation_document_id, link.id);
        await indexDocuments(tx, [link.translation_document_id]);
      }
    });
    return this.db.read(async (rd) => {
      const row = await repo.getSegmentRow(rd, id);
      const link = row && (await repo.getLink(rd, row.translation_id));
      // Deleted by another caller since the save committed.
      if (!row || !link) throw new AppError('NOT_FOUND', `No segment ${id} in this archive.`);
      const source = await this.document(rd, link.source_document_id);
      return toSegment(row, new Map(source.passages.map((p) => [p.id, p])));
    });
  }

  // ---- Machine translation (off by default)

  mtSettings(): Promise<MtSettings> {
    return getMtSettings(this.db);
  }

  setMtSettings(changes: { enabled: boolean; endpoint?: string; apiKey?: string | null }): Promise<MtSettings> {
    return setMtSettings(this.db, changes);
  }

  translate(request: { text: string; source: string; target: string }): Promise<MtResult> {
    return machineTranslate(this.db, request);
  }

  /**
   * Confident sentence pairs (source language first) from the other current alignments of the archive in the
   * same two languages, either way round: more text for the lexicon the aligner's second pass learns. Bounded
   * (the most recent alignments, an even share of pairs from each); each alignment's pairs are read once.
   */
  async archiveLexicon(src: DocumentDetail, tgt: DocumentDetail, exceptLinkId?: string): Promise<TextPair[]> {
    const rows = await this.db.all<{ id: string; sourceId: string; targetId: string; sourceLang: string }>(sql`
      SELECT a.id, t.source_document_id AS sourceId, t.translation_document_id AS targetId, s.lang AS sourceLang
      FROM alignments a JOIN translations t ON t.id = a.translation_id
      JOIN documents s ON s.id = t.source_document_id AND s.version = a.source_version
      JOIN documents d ON d.id = t.translation_document_id AND d.version = a.target_version
      WHERE a.aligner_version = ${ALIGNER_VERSION} AND t.id <> ${exceptLinkId ?? ''}
        AND ((s.lang = ${src.lang} AND d.lang = ${tgt.lang}) OR (s.lang = ${tgt.lang} AND d.lang = ${src.lang}))
      ORDER BY a.created_at DESC, a.id LIMIT ${ARCHIVE_LEXICON.alignments}`);
    if (rows.length === 0) return [];
    const live = new Set(rows.map((r) => r.id));
    for (const id of this.confidentPairs.keys()) if (!live.has(id)) this.confidentPairs.delete(id);
    const perAlignment = Math.ceil(ARCHIVE_LEXICON.maxPairs / rows.length);
    const out: TextPair[] = [];
    for (const row of rows) {
      let pairs = this.confidentPairs.get(row.id);
      if (!pairs) {
        pairs = await this.readConfidentPairs(row.id, row.sourceId, row.targetId);
        this.confidentPairs.set(row.id, pairs);
      }
      // Same languages as asked, or the other way round (same-language pairs count as the first).
      const flip = row.sourceLang !== src.lang;
      const step = Math.max(1, pairs.length / perAlignment);
      for (let k = 0; k < pairs.length && out.length < ARCHIVE_LEXICON.maxPairs; k += step) {
        const p = pairs[Math.floor(k)];
        out.push(flip ? { source: p.target, target: p.source } : p);
      }
    }
    return out;
  }

  private async readConfidentPairs(alignmentId: string, sourceId: string, targetId: string): Promise<TextPair[]> {
    const { row, src, tgt } = await this.db.read(async (rd) => ({
      row: await rd.get<{ beads: string }>(sql`SELECT beads FROM alignments WHERE id = ${alignmentId}`),
      src: await documents.getDocument(rd, sourceId),
      tgt: await documents.getDocument(rd, targetId),
    }));
    if (!row || !src || !tgt) return [];
    let beads: AlignmentBead[];
    try {
      beads = JSON.parse(row.beads) as AlignmentBead[];
    } catch {
      return [];
    }
    const sentence = (doc: DocumentDetail, [p, s]: SentenceRef): string | undefined => {
      const passage = doc.passages[p];
      if (!passage) return undefined;
      const span = passage.sentences[s];
      return span ? passage.text.slice(span[0], span[1]) : s === 0 ? passage.text : undefined;
    };
    const join = (doc: DocumentDetail, refs: SentenceRef[]) => {
      const texts = refs.map((r) => sentence(doc, r));
      return texts.includes(undefined) ? '' : texts.join(' ');
    };
    const { minConfidence, maxSentences } = ARCHIVE_LEXICON;
    const out: TextPair[] = [];
    for (const bead of beads) {
      for (const s of bead.sentences ?? []) {
        if (s.confidence < minConfidence && !s.fixed) continue;
        if (s.source.length === 0 || s.target.length === 0) continue;
        if (s.source.length > maxSentences || s.target.length > maxSentences) continue;
        const pair = { source: join(src, s.source), target: join(tgt, s.target) };
        if (pair.source && pair.target) out.push(pair);
      }
    }
    return out;
  }

  // ---- helpers

  private async document(db: Database, id: string): Promise<DocumentDetail> {
    const doc = await documents.getDocument(db, id);
    if (!doc) throw notFound(id);
    return doc;
  }

  /** Both documents, the link between them (if any) and the link's orientation: src/tgt as the link has them. */
  private async loadPair(
    db: Database,
    docId: string,
    otherDocId: string,
  ): Promise<{ link: repo.LinkRow | undefined; flipped: boolean; src: DocumentDetail; tgt: DocumentDetail }> {
    if (docId === otherDocId) throw new AppError('INVALID_REQUEST', 'Choose two different documents to align.');
    const a = await this.document(db, docId);
    const b = await this.document(db, otherDocId);
    const link = await repo.findLinkBetween(db, docId, otherDocId);
    const flipped = !!link && link.source_document_id !== docId;
    return { link, flipped, src: flipped ? b : a, tgt: flipped ? a : b };
  }
}

/** Links two documents inside the caller's transaction (an existing link the same way round is kept). */
async function linkIn(
  tx: Database,
  sourceId: string,
  translationId: string,
  origin: TranslationOrigin,
): Promise<string> {
  if (sourceId === translationId)
    throw new AppError('INVALID_REQUEST', 'A document cannot be a translation of itself.');
  for (const doc of [sourceId, translationId]) if (!(await documents.getDocumentSummary(tx, doc))) throw notFound(doc);
  const existing = await repo.findLinkBetween(tx, sourceId, translationId);
  if (existing) {
    if (existing.source_document_id === sourceId) return existing.id;
    throw new AppError(
      'INVALID_REQUEST',
      'These documents are already linked the other way round (unlink them first).',
    );
  }
  const row: repo.LinkRow = {
    id: randomUUID(),
    source_document_id: sourceId,
    translation_document_id: translationId,
    origin,
    created_at: new Date().toISOString(),
  };
  await repo.insertLink(tx, row);
  return row.id;
}

function alignSide(doc: DocumentDetail) {
  return {
    lang: doc.lang,
    passages: doc.passages.map((p) => ({ text: p.text, kind: p.kind, sentences: p.sentences })),
  };
}

function laidOut(doc: DocumentDetail): LaidOutPassage[] {
  return doc.passages.map((p) => ({ ordinal: p.ordinal, text: p.text, start: p.start, sentences: p.sentences }));
}

function ordinalsOf(doc: DocumentDetail): Map<string, number> {
  return new Map(doc.passages.map((p) => [p.id, p.ordinal]));
}

function passageId(doc: DocumentDetail, ordinal: number): string {
  const p = doc.passages[ordinal];
  if (!p)
    throw new AppError('INVALID_REQUEST', `The document has no passage ${ordinal} (it has ${doc.passages.length}).`);
  return p.id;
}

function sentenceKey(doc: DocumentDetail, [p, s]: SentenceRef): [string, number] {
  const passage = doc.passages[p];
  if (!passage || s >= Math.max(1, passage.sentences.length))
    throw new AppError('INVALID_REQUEST', `The document has no sentence ${s} in passage ${p}.`);
  return [passage.id, s];
}

const unitKey = (u: string | [string, number]) => (typeof u === 'string' ? u : `${u[0]}#${u[1]}`);

/** Stored manual links as ordinals of the current texts; links whose passages are gone (or split apart) are stale. */
function resolveManualLinks(
  manual: repo.ManualLinkRow[],
  src: DocumentDetail,
  tgt: DocumentDetail,
): { fixed: FixedLink[]; fixedSentences: FixedSentenceLink[]; inForce: number; stale: number } {
  const so = ordinalsOf(src);
  const to = ordinalsOf(tgt);
  const fixed: FixedLink[] = [];
  const fixedSentences: FixedSentenceLink[] = [];
  let stale = 0;
  const contiguous = (xs: number[]) =>
    [...xs].sort((a, b) => a - b).every((x, k, sorted) => k === 0 || x === sorted[k - 1] + 1);
  for (const m of manual) {
    if (m.level === 'paragraph') {
      const source = (m.source as string[]).map((id) => so.get(id));
      const target = (m.target as string[]).map((id) => to.get(id));
      if (
        source.includes(undefined) ||
        target.includes(undefined) ||
        !contiguous(source as number[]) ||
        !contiguous(target as number[])
      )
        stale++;
      else fixed.push({ source: source as number[], target: target as number[] });
    } else {
      const ref = (
        map: Map<string, number>,
        doc: DocumentDetail,
        [id, s]: [string, number],
      ): SentenceRef | undefined => {
        const p = map.get(id);
        return p === undefined || s >= Math.max(1, doc.passages[p].sentences.length) ? undefined : [p, s];
      };
      const source = (m.source as Array<[string, number]>).map((r) => ref(so, src, r));
      const target = (m.target as Array<[string, number]>).map((r) => ref(to, tgt, r));
      if (source.includes(undefined) || target.includes(undefined)) stale++;
      else fixedSentences.push({ source: source as SentenceRef[], target: target as SentenceRef[] });
    }
  }
  const consistent = consistentLinks(fixed, src.passages.length, tgt.passages.length);
  stale += fixed.length - consistent.length;
  return { fixed: consistent, fixedSentences, inForce: consistent.length + fixedSentences.length, stale };
}

function toSegment(r: repo.SegmentRow, sourcePassages: Map<string, DocumentDetail['passages'][number]>): Segment {
  const p = r.source_passage_id ? sourcePassages.get(r.source_passage_id) : undefined;
  let sourceText = r.source_text;
  if (p) {
    const span = r.source_sentence === null ? null : p.sentences[r.source_sentence];
    sourceText = span ? p.text.slice(span[0], span[1]) : r.source_sentence === null ? p.text : r.source_text;
  }
  return {
    id: r.id,
    ordinal: r.ordinal,
    sourcePassageId: p ? p.id : null,
    sourceOrdinal: p ? p.ordinal : null,
    sourceSentence: r.source_sentence,
    sourceText,
    text: r.text,
    status: r.status,
    updatedAt: r.updated_at,
  };
}
