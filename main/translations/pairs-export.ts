// Aligned pairs out of the archive: TMX 1.4b (the translation-memory exchange format every CAT tool reads)
// and a two-column CSV. Pure functions over the pairs.
import type { ExportedFile } from '../../shared/contract';
import type { AlignLevel, AlignmentBead, PairsExportFormat } from '../../shared/translations';
import type { LaidOutPassage } from './carry';
import { csvRows } from '../../shared/text/csv';
import { alternatives } from '../../shared/text/regex';

export interface AlignedPair {
  source: string;
  target: string;
  confidence: number;
}

export interface PairsMeta {
  sourceLang: string;
  targetLang: string;
  sourceTitle: string;
  targetTitle: string;
  toolVersion: string;
  /** ISO timestamp of the export. */
  createdAt: string;
}

/** Text pairs of the beads that have both sides, per paragraph bead or per sentence bead. */
export function alignedPairs(
  beads: readonly AlignmentBead[],
  source: readonly LaidOutPassage[],
  target: readonly LaidOutPassage[],
  level: AlignLevel,
): AlignedPair[] {
  const byOrdinal = (ps: readonly LaidOutPassage[]) => new Map(ps.map((p) => [p.ordinal, p]));
  const src = byOrdinal(source);
  const tgt = byOrdinal(target);
  const sentence = (ps: Map<number, LaidOutPassage>, [p, s]: [number, number]) => {
    const passage = ps.get(p);
    if (!passage) return '';
    const span = passage.sentences[s] ?? (s === 0 ? [0, passage.text.length] : undefined);
    return span ? passage.text.slice(span[0], span[1]) : '';
  };
  const pairs: AlignedPair[] = [];
  for (const bead of beads) {
    if (level === 'paragraph') {
      if (bead.source.length === 0 || bead.target.length === 0) continue;
      pairs.push({
        source: bead.source.map((p) => src.get(p)?.text ?? '').join('\n'),
        target: bead.target.map((p) => tgt.get(p)?.text ?? '').join('\n'),
        confidence: bead.confidence,
      });
      continue;
    }
    for (const s of bead.sentences) {
      if (s.source.length === 0 || s.target.length === 0) continue;
      pairs.push({
        source: s.source.map((r) => sentence(src, r)).join(' '),
        target: s.target.map((r) => sentence(tgt, r)).join(' '),
        confidence: s.confidence,
      });
    }
  }
  return pairs.filter((p) => p.source.trim() && p.target.trim());
}

// Characters XML 1.0 does not allow at all (C0 controls other than tab, newline, carriage return; lone surrogates;
// U+FFFE/FFFF).
const NOT_XML = new RegExp(
  alternatives([
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/, // control characters, U+FFFE/FFFF
    /[\ud800-\udbff](?![\udc00-\udfff])/, // a high surrogate without its low one
    /(?<![\ud800-\udbff])[\udc00-\udfff]/, // a low surrogate without its high one
  ]),
  'g',
);

export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** TMX 1.4b date: YYYYMMDDThhmmssZ. */
function tmxDate(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

export function toTmx(pairs: readonly AlignedPair[], meta: PairsMeta, level: AlignLevel): string {
  const attr = xmlEscape;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header creationtool="Tala"` +
      ` creationtoolversion="${attr(meta.toolVersion)}" datatype="plaintext"` +
      ` segtype="${level === 'sentence' ? 'sentence' : 'paragraph'}"` +
      ` adminlang="en" srclang="${attr(meta.sourceLang)}" o-tmf="Tala" creationdate="${tmxDate(meta.createdAt)}">`,
    `    <note>${xmlEscape(`${meta.sourceTitle} / ${meta.targetTitle}`)}</note>`,
    '  </header>',
    '  <body>',
  ];
  pairs.forEach((p, k) => {
    lines.push(
      `    <tu tuid="${k + 1}">`,
      `      <prop type="x-confidence">${p.confidence.toFixed(3)}</prop>`,
      `      <tuv xml:lang="${attr(meta.sourceLang)}"><seg>${xmlEscape(p.source)}</seg></tuv>`,
      `      <tuv xml:lang="${attr(meta.targetLang)}"><seg>${xmlEscape(p.target)}</seg></tuv>`,
      '    </tu>',
    );
  });
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}

/** Two columns, headed by the two language codes; one row per pair. */
export function toPairsCsv(pairs: readonly AlignedPair[], meta: PairsMeta): string {
  const rows = [[meta.sourceLang, meta.targetLang], ...pairs.map((p) => [p.source, p.target])];
  return csvRows(rows);
}

export function exportPairs(
  pairs: readonly AlignedPair[],
  meta: PairsMeta,
  format: PairsExportFormat,
  level: AlignLevel,
): ExportedFile {
  const base = `${meta.sourceTitle}.${meta.sourceLang}-${meta.targetLang}`
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .slice(0, 150);
  return format === 'tmx'
    ? { fileName: `${base}.tmx`, mediaType: 'application/x-tmx+xml', content: toTmx(pairs, meta, level) }
    : { fileName: `${base}.csv`, mediaType: 'text/csv', content: toPairsCsv(pairs, meta) };
}
