// The library table's columns (header order, labels) and shared geometry.
import type { SortKey } from '../../lib/library-table';

export const ROW_HEIGHT = 36;

export const rowId = (id: string) => `library-row-${id}`;

export const COLUMNS: Array<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'title', label: 'Title' },
  { key: 'lang', label: 'Language' },
  { key: 'type', label: 'Type' },
  { key: 'size', label: 'Size', numeric: true },
  { key: 'published', label: 'Published' },
  { key: 'imported', label: 'Imported' },
  { key: 'tags', label: 'Tags' },
  { key: 'notes', label: 'Notes', numeric: true },
  { key: 'facts', label: 'Facts', numeric: true },
];
