// Which file types Tala imports, keyed by lower-case extension.
export type Format = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'epub';

const FORMATS: Readonly<Record<string, { format: Format; mediaType: string }>> = {
  '.txt': { format: 'text', mediaType: 'text/plain' },
  '.md': { format: 'markdown', mediaType: 'text/markdown' },
  '.markdown': { format: 'markdown', mediaType: 'text/markdown' },
  '.html': { format: 'html', mediaType: 'text/html' },
  '.htm': { format: 'html', mediaType: 'text/html' },
  '.pdf': { format: 'pdf', mediaType: 'application/pdf' },
  '.docx': { format: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  '.epub': { format: 'epub', mediaType: 'application/epub+zip' },
};

/** Formats read from text (decoded, then parsed); the others are binary containers with their own parsers. */
export const TEXT_FORMATS: ReadonlySet<Format> = new Set(['text', 'markdown', 'html']);

/** "Tala imports …" list for messages. */
export const SUPPORTED_LIST = '.txt, .md, .html, .pdf, .docx and .epub';

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(FORMATS));

/** Lower-case extension of the file's base name including the dot, or '' when there is none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function formatOf(name: string): { format: Format; mediaType: string } | undefined {
  const ext = extensionOf(name);
  return Object.prototype.hasOwnProperty.call(FORMATS, ext) ? FORMATS[ext] : undefined;
}
