// Which file types Tala imports, keyed by lower-case extension.
export type Format = 'text' | 'markdown' | 'html';

const FORMATS: Readonly<Record<string, { format: Format; mediaType: string }>> = {
  '.txt': { format: 'text', mediaType: 'text/plain' },
  '.md': { format: 'markdown', mediaType: 'text/markdown' },
  '.markdown': { format: 'markdown', mediaType: 'text/markdown' },
  '.html': { format: 'html', mediaType: 'text/html' },
  '.htm': { format: 'html', mediaType: 'text/html' },
};

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
