// Fact exports with citations, in the style of the annotation exports (main/annotations/export.ts):
// CSV for spreadsheets (one row per fact and evidence passage, formula-looking cells neutralised) and JSON
// for other tools (one object per fact with its citations).
import type { ExportedFile } from '../../shared/contract';
import type { Fact, FactExportFormat } from '../../shared/facts';
import type { DocumentDetail } from '../../shared/types';
import { formatValue } from './values';
import { csvCell } from '../../shared/text/csv';

export interface Citation {
  documentId: string;
  title: string;
  source: string | null;
  author: string | null;
  published: string | null;
  lang: string;
  paragraph: number | null;
  quote: string;
  annotationId: string;
  /** Where the reader opens the passage. */
  link: string;
  anchor: 'anchored' | 'moved' | 'orphaned';
}

export function citationsOf(fact: Fact, docs: ReadonlyMap<string, DocumentDetail>): Citation[] {
  return fact.evidence.map((e) => {
    const doc = docs.get(e.docId);
    return {
      documentId: e.docId,
      title: e.docTitle,
      source: doc?.source ?? null,
      author: doc?.author ?? null,
      published: doc?.publishedAt ?? null,
      lang: e.lang,
      paragraph: e.paragraph,
      quote: e.quote,
      annotationId: e.annotationId,
      link: e.link,
      anchor: e.status,
    };
  });
}

const CSV_COLUMNS = [
  'fact_id',
  'subject',
  'subject_type',
  'predicate',
  'value',
  'number',
  'unit',
  'date_value',
  'value_qualifier',
  'date',
  'place',
  'status',
  'confidence',
  'origin',
  'preferred',
  'preferred_reason',
  'note',
  'document_id',
  'document_title',
  'source',
  'published',
  'lang',
  'paragraph',
  'quote',
  'annotation_id',
  'created',
  'updated',
];

export function factsToCsv(facts: Fact[], docs: ReadonlyMap<string, DocumentDetail>): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const f of facts) {
    const citations: Array<Citation | null> = citationsOf(f, docs);
    if (citations.length === 0) citations.push(null);
    for (const c of citations) {
      rows.push(
        [
          f.id,
          f.subject.name,
          f.subject.type,
          f.predicate,
          formatValue(f.object, f.valueQualifier),
          f.object.kind === 'number' ? f.object.number : null,
          f.object.kind === 'number' ? f.object.unit : null,
          f.object.kind === 'date' ? f.object.date : null,
          f.valueQualifier,
          f.qualifiers.date,
          f.qualifiers.place?.name ?? null,
          f.status,
          f.confidence,
          f.origin,
          f.preferred,
          f.preferredReason,
          f.note,
          c?.documentId ?? null,
          c?.title ?? null,
          c?.source ?? null,
          c?.published ?? null,
          c?.lang ?? null,
          c?.paragraph ?? null,
          c?.quote ?? null,
          c?.annotationId ?? null,
          f.createdAt,
          f.updatedAt,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function factsToJson(facts: Fact[], docs: ReadonlyMap<string, DocumentDetail>): string {
  const out = facts.map((f) => ({
    id: f.id,
    subject: { id: f.subject.entityId, name: f.subject.name, type: f.subject.type, writtenAs: f.subjectAlias },
    predicate: f.predicate,
    object: f.object,
    value: formatValue(f.object, f.valueQualifier),
    valueQualifier: f.valueQualifier,
    qualifiers: f.qualifiers,
    status: f.status,
    confidence: f.confidence,
    origin: f.origin,
    note: f.note,
    preferred: f.preferred,
    preferredReason: f.preferredReason,
    citations: citationsOf(f, docs),
    created: f.createdAt,
    updated: f.updatedAt,
  }));
  return `${JSON.stringify({ generator: 'Tala', exportedAt: new Date().toISOString(), facts: out }, null, 2)}\n`;
}

export function exportFacts(
  facts: Fact[],
  docs: ReadonlyMap<string, DocumentDetail>,
  format: FactExportFormat,
): ExportedFile {
  return format === 'csv'
    ? { fileName: 'tala-facts.csv', mediaType: 'text/csv', content: factsToCsv(facts, docs) }
    : { fileName: 'tala-facts.json', mediaType: 'application/json', content: factsToJson(facts, docs) };
}
