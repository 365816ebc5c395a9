// W3C Web Annotation Data Model (JSON-LD) export and import. Tala-specific fields (colour, status,
// tags as their own list) travel under a `tala:` prefix so a round trip keeps every field.
import type { ExportFormat } from '../../shared/contract';
import type { AnchorStatus, Annotation, AnnotationColor, DocumentMeta } from '../../shared/types';
import { ANNOTATION_COLORS } from '../../shared/types';

export const W3C_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { tala: 'urn:tala:vocab#' }] as const;

export const docUrn = (docId: string) => `urn:uuid:${docId}`;
const annotationUrn = (id: string) => `urn:uuid:${id}`;

interface W3cBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: string;
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body: W3cBody[];
  target: {
    source: string;
    'tala:title'?: string;
    selector: Array<
      | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
    >;
  };
  'tala:color': AnnotationColor;
  'tala:status': AnchorStatus;
}

export function toW3cAnnotation(a: Annotation, doc?: Pick<DocumentMeta, 'title'>): W3cAnnotation {
  const body: W3cBody[] = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return {
    id: annotationUrn(a.id),
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'highlighting',
    created: a.createdAt,
    modified: a.updatedAt,
    body,
    target: {
      source: docUrn(a.docId),
      ...(doc ? { 'tala:title': doc.title } : {}),
      selector: [
        { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
        { type: 'TextPositionSelector', start: a.start, end: a.end },
      ],
    },
    'tala:color': a.color,
    'tala:status': a.status,
  };
}

export function toW3cCollection(annotations: Annotation[], titles: Map<string, string>, label: string): string {
  const items = annotations.map((a) =>
    toW3cAnnotation(a, titles.has(a.docId) ? { title: titles.get(a.docId)! } : undefined),
  );
  return JSON.stringify(
    {
      '@context': W3C_CONTEXT,
      type: 'AnnotationCollection',
      label,
      total: items.length,
      first: { type: 'AnnotationPage', startIndex: 0, items },
    },
    null,
    2,
  );
}

export class W3cFormatError extends Error {}

const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Reads an AnnotationCollection (or a single AnnotationPage / Annotation / array) back into our model.
 * Input is untrusted: each item is checked and a broken one is reported, not fatal for the others.
 */
export function parseW3c(content: string): Array<{ id: string; annotation?: Annotation; error?: string }> {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (err) {
    throw new W3cFormatError(`This is not JSON: ${(err as Error).message}`);
  }
  const items = collectItems(data);
  if (!items)
    throw new W3cFormatError(
      'This is not a W3C annotation file (no AnnotationCollection, AnnotationPage or Annotation found).',
    );
  return items.map((item, i) => {
    try {
      return { id: idOf(item) ?? `#${i + 1}`, annotation: fromW3cAnnotation(item) };
    } catch (err) {
      return { id: idOf(item) ?? `#${i + 1}`, error: (err as Error).message };
    }
  });
}

function collectItems(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (!isRecord(data)) return undefined;
  if (data.type === 'AnnotationCollection') {
    const first = data.first;
    if (isRecord(first) && Array.isArray(first.items)) return first.items;
    if (Array.isArray(data.items)) return data.items;
    return [];
  }
  if (data.type === 'AnnotationPage' && Array.isArray(data.items)) return data.items;
  if (data.type === 'Annotation') return [data];
  return undefined;
}

function idOf(item: unknown): string | undefined {
  return isRecord(item) && typeof item.id === 'string' ? item.id.slice(0, 200) : undefined;
}

function fromW3cAnnotation(item: unknown): Annotation {
  if (!isRecord(item) || item.type !== 'Annotation') throw new Error('not an Annotation');
  const id = UUID_URN.exec(String(item.id ?? ''))?.[1];
  if (!id) throw new Error('its id is not a urn:uuid');
  const target = isRecord(item.target) ? item.target : undefined;
  const docId = UUID_URN.exec(String(target?.source ?? ''))?.[1];
  if (!docId) throw new Error('its target source is not a Tala document (urn:uuid:…)');
  const selectors = Array.isArray(target?.selector)
    ? target.selector
    : isRecord(target?.selector)
      ? [target.selector]
      : [];
  const quote = selectors.find((s) => isRecord(s) && s.type === 'TextQuoteSelector') as
    Record<string, unknown> | undefined;
  const position = selectors.find((s) => isRecord(s) && s.type === 'TextPositionSelector') as
    Record<string, unknown> | undefined;
  if (!quote || typeof quote.exact !== 'string' || quote.exact.length === 0)
    throw new Error('it has no TextQuoteSelector');
  const start = Number(position?.start ?? 0);
  const end = Number(position?.end ?? quote.exact.length);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start)
    throw new Error('its TextPositionSelector is invalid');
  const bodies = (Array.isArray(item.body) ? item.body : item.body ? [item.body] : []).filter(isRecord);
  const note = bodies
    .filter((b) => b.purpose !== 'tagging' && typeof b.value === 'string')
    .map((b) => b.value as string)
    .join('\n\n');
  const tags = bodies
    .filter((b) => b.purpose === 'tagging' && typeof b.value === 'string')
    .map((b) => b.value as string);
  const color = ANNOTATION_COLORS.includes(item['tala:color'] as AnnotationColor)
    ? (item['tala:color'] as AnnotationColor)
    : 'yellow';
  const status = (['anchored', 'moved', 'orphaned'] as const).find((s) => s === item['tala:status']) ?? 'anchored';
  const created = validTimestamp(item.created) ?? new Date().toISOString();
  return {
    id,
    docId,
    exact: quote.exact,
    prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
    suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    start,
    end,
    color,
    note,
    tags,
    status,
    createdAt: created,
    updatedAt: validTimestamp(item.modified) ?? created,
  };
}

function validTimestamp(v: unknown): string | undefined {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type { ExportFormat };
