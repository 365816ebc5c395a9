// Annotation exports: Markdown for reading and citing, CSV for spreadsheets, W3C JSON-LD for exchange.
import type { ExportedFile, ExportFormat } from '../../shared/contract';
import type { Annotation, DocumentDetail } from '../../shared/types';
import { toW3cCollection } from './w3c';
import { csvCell } from '../../shared/text/csv';

export interface DocumentAnnotations {
  doc: DocumentDetail;
  annotations: Annotation[];
}

/** 1-based number of the passage an annotation starts in (what a citation calls the paragraph). */
export function paragraphNumber(doc: DocumentDetail, a: Pick<Annotation, 'start'>): number | null {
  const passage = doc.passages.find((p) => a.start >= p.start && a.start < p.end + 2);
  return passage ? passage.ordinal + 1 : null;
}

export function citation(doc: DocumentDetail, a: Pick<Annotation, 'start'>): string {
  const parts = [`“${doc.title}”`];
  if (doc.author) parts.push(doc.author);
  if (doc.source) parts.push(doc.source);
  if (doc.publishedAt) parts.push(doc.publishedAt);
  const paragraph = paragraphNumber(doc, a);
  if (paragraph !== null) parts.push(`¶ ${paragraph}`);
  return parts.join(', ');
}

export function toMarkdown(groups: DocumentAnnotations[]): string {
  const out: string[] = [];
  for (const { doc, annotations } of groups) {
    if (annotations.length === 0) continue;
    out.push(`# ${doc.title}`, '');
    const meta = [
      `Language: ${doc.lang}`,
      doc.author && `Author: ${doc.author}`,
      doc.source && `Source: ${doc.source}`,
      doc.publishedAt && `Published: ${doc.publishedAt}`,
    ];
    out.push(meta.filter(Boolean).join(' · '), '');
    for (const a of annotations) {
      out.push(...a.exact.split('\n').map((line) => `> ${line}`));
      out.push(
        '>',
        `> — ${citation(doc, a)}${a.status === 'orphaned' ? ' (needs review: no longer found in the text)' : ''}`,
        '',
      );
      if (a.note) out.push(a.note, '');
      if (a.tags.length) out.push(`Tags: ${a.tags.map((t) => `#${t.replace(/\s+/g, '_')}`).join(' ')}`, '');
      out.push('---', '');
    }
  }
  return out.join('\n');
}

const CSV_COLUMNS = [
  'annotation_id',
  'document_id',
  'document_title',
  'source',
  'published',
  'paragraph',
  'quote',
  'note',
  'tags',
  'color',
  'status',
  'start',
  'end',
  'created',
  'updated',
];

export function toCsv(groups: DocumentAnnotations[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const { doc, annotations } of groups) {
    for (const a of annotations) {
      rows.push(
        [
          a.id,
          doc.id,
          doc.title,
          doc.source,
          doc.publishedAt,
          paragraphNumber(doc, a),
          a.exact,
          a.note,
          a.tags.join('; '),
          a.color,
          a.status,
          a.start,
          a.end,
          a.createdAt,
          a.updatedAt,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function exportAnnotations(groups: DocumentAnnotations[], format: ExportFormat, label: string): ExportedFile {
  const base =
    label
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'annotations';
  switch (format) {
    case 'md':
      return { fileName: `${base}.annotations.md`, mediaType: 'text/markdown', content: toMarkdown(groups) };
    case 'csv':
      return { fileName: `${base}.annotations.csv`, mediaType: 'text/csv', content: toCsv(groups) };
    case 'w3c': {
      const titles = new Map(groups.map((g) => [g.doc.id, g.doc.title]));
      return {
        fileName: `${base}.annotations.jsonld`,
        mediaType: 'application/ld+json',
        content: toW3cCollection(
          groups.flatMap((g) => g.annotations),
          titles,
          label,
        ),
      };
    }
  }
}
