// Typed translations: the translation document is rebuilt from its segments after every save. Segments of
// the same source passage make one passage of the translation (each segment one sentence of it), so the
// typed translation reads, searches and annotates like any other document. Drafts are not versioned
// (a version per keystroke-save would fill the archive); annotations on the translation re-anchor.
import { randomUUID } from 'node:crypto';
import { reanchor } from '../../shared/anchoring';
import type { AlignmentBead, SentenceBead } from '../../shared/translations';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import { listAnnotations, markOrphaned, updateAnnotationAnchor } from '../annotations/repo';
import { layOutPassages } from '../documents/edits';
import { firstSurrogateIn, ownText, packSentences } from '../documents/passage-text';
import type { SegmentRow } from './repo';

interface BuiltPassage {
  id: string;
  text: string;
  sentences: Array<[number, number]>;
  /** The segments feeding it, in order, each with its sentence ordinal in the passage. */
  segments: SegmentRow[];
}

/** Groups segments by source passage (segments without a source stay alone) and joins their typed text. */
export function buildPassages(segments: readonly SegmentRow[]): BuiltPassage[] {
  const groups: SegmentRow[][] = [];
  for (const s of segments) {
    const last = groups[groups.length - 1];
    if (last && s.source_passage_id !== null && last[0].source_passage_id === s.source_passage_id) last.push(s);
    else groups.push([s]);
  }
  const out: BuiltPassage[] = [];
  for (const group of groups) {
    const typed = group.filter((s) => s.text.trim() !== '');
    if (typed.length === 0) continue;
    let text = '';
    const sentences: Array<[number, number]> = [];
    for (const s of typed) {
      if (text) text += ' ';
      sentences.push([text.length, text.length + s.text.length]);
      text += s.text;
    }
    out.push({
      id: group.find((s) => s.target_passage_id)?.target_passage_id ?? randomUUID(),
      text,
      sentences,
      segments: typed,
    });
  }
  return out;
}

/** Cleans typed text the way imported text is cleaned (one line, single spaces); '' stays ''. */
export function cleanSegmentText(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Rewrites the translation document from its segments (call inside a transaction). */
export async function rebuildTypedDocument(tx: Database, documentId: string, linkId: string): Promise<void> {
  const segments = await tx.all<SegmentRow>(
    sql`SELECT * FROM translation_segments WHERE translation_id = ${linkId} ORDER BY ordinal`,
  );
  const built = buildPassages(segments);
  const layout = layOutPassages(built.map((p) => ({ id: p.id, kind: 'paragraph' as const, text: p.text })));
  const before = await tx.get<{ text: string; version: number }>(
    sql`SELECT text, version FROM documents WHERE id = ${documentId}`,
  );
  if (!before) return;
  const existing = await tx.all<{ id: string }>(sql`SELECT id FROM passages WHERE document_id = ${documentId}`);
  const keep = new Set(built.map((p) => p.id));
  for (const p of existing) if (!keep.has(p.id)) await tx.run(sql`DELETE FROM passages WHERE id = ${p.id}`);
  // (document_id, ordinal) is unique: move the survivors out of the way first.
  await tx.run(sql`UPDATE passages SET ordinal = -1 - ordinal WHERE document_id = ${documentId}`);
  const old = new Set(existing.map((p) => p.id));
  const surrogate = firstSurrogateIn(layout.text);
  for (const [ordinal, p] of layout.passages.entries()) {
    const b = built[ordinal];
    const own = ownText(layout.text, p.start, p.end, p.text, surrogate);
    if (old.has(p.id)) {
      await tx.run(
        sql`UPDATE passages SET ordinal = ${ordinal}, own_text = ${own}, start_offset = ${p.start}, end_offset =
          ${p.end}, sentences = ${packSentences(b.sentences)} WHERE id = ${p.id}`,
      );
    } else {
      await tx.run(sql`INSERT INTO passages (id, document_id, ordinal, kind, own_text, start_offset, end_offset,
                         sentences)
                       VALUES (${p.id}, ${documentId}, ${ordinal}, 'paragraph', ${own}, ${p.start}, ${p.end},
                         ${packSentences(b.sentences)})`);
    }
    for (const s of b.segments)
      if (s.target_passage_id !== p.id)
        await tx.run(sql`UPDATE translation_segments SET target_passage_id = ${p.id} WHERE id = ${s.id}`);
  }
  if (before.text === layout.text) return;
  await tx.run(sql`UPDATE documents SET text = ${layout.text} WHERE id = ${documentId}`);
  const now = new Date().toISOString();
  for (const a of await listAnnotations(tx, documentId)) {
    const result = reanchor(before.text, layout.text, a);
    if (result.status === 'orphaned') {
      if (a.status !== 'orphaned') await markOrphaned(tx, a.id, now);
    } else await updateAnnotationAnchor(tx, a.id, result.selector, result.status, before.version, now);
  }
}

/**
 * The alignment of a typed translation, exact by construction: each source passage with the passage its
 * segments made, each sentence segment with its sentence. The maps give current ordinals of passage ids;
 * `sourceSentenceCounts[p]` is the number of sentences of source passage p.
 */
export function segmentsAlignment(
  segments: readonly SegmentRow[],
  sourceOrdinalOf: Map<string, number>,
  sourceSentenceCounts: readonly number[],
  targetOrdinalOf: Map<string, number>,
): AlignmentBead[] {
  const bySource = new Map<number, SegmentRow[]>();
  const orphans: SegmentRow[] = [];
  for (const s of segments) {
    const o = s.source_passage_id === null ? undefined : sourceOrdinalOf.get(s.source_passage_id);
    if (o === undefined) orphans.push(s);
    else (bySource.get(o) ?? bySource.set(o, []).get(o)!).push(s);
  }
  const allSentences = (p: number) =>
    Array.from({ length: Math.max(1, sourceSentenceCounts[p] ?? 1) }, (_, k): [number, number] => [p, k]);
  const beads: AlignmentBead[] = [];
  for (let p = 0; p < sourceSentenceCounts.length; p++) {
    const list = bySource.get(p) ?? [];
    const typed = list.filter((s) => s.text.trim() !== '');
    const tp = typed.length ? targetOrdinalOf.get(typed[0].target_passage_id ?? '') : undefined;
    let sentences: SentenceBead[];
    if (tp === undefined) sentences = [{ source: allSentences(p), target: [], confidence: 1, fixed: true }];
    else if (list[0].unit === 'passage')
      sentences = [{ source: allSentences(p), target: [[tp, 0]], confidence: 1, fixed: true }];
    else {
      let k = 0;
      sentences = list.map((s) => ({
        source: [[p, s.source_sentence ?? 0]],
        target: s.text.trim() !== '' ? [[tp, k++]] : [],
        confidence: 1,
        fixed: true,
      }));
    }
    beads.push({ source: [p], target: tp === undefined ? [] : [tp], confidence: 1, fixed: true, sentences });
  }
  // Passages typed for source passages deleted since: they stand alone, where their ordinal puts them.
  const seen = new Set(beads.flatMap((b) => b.target));
  for (const s of orphans) {
    const tp = s.target_passage_id ? targetOrdinalOf.get(s.target_passage_id) : undefined;
    if (tp === undefined || seen.has(tp)) continue;
    seen.add(tp);
    const at = beads.findIndex((b) => b.target.length > 0 && b.target[0] > tp);
    const bead: AlignmentBead = {
      source: [],
      target: [tp],
      confidence: 1,
      fixed: true,
      sentences: [{ source: [], target: [[tp, 0]], confidence: 1, fixed: true }],
    };
    beads.splice(at < 0 ? beads.length : at, 0, bead);
  }
  return beads;
}
