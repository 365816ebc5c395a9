// Which files the renderer offers to the archive, and how it gathers them from a picker or a drop
// (files and whole folders, read recursively through the File System entries API).

/** Extensions the archive imports (main/ingest/formats.ts keeps the authoritative list). */
export const ACCEPTED_EXTENSIONS: readonly string[] = [
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.pdf',
  '.docx',
  '.epub',
];

/** For messages: "Tala imports …". */
export const ACCEPTED_LIST = '.txt, .md, .html, .pdf, .docx and .epub';

/** A file to import and the name it is reported under (its path inside a dropped or picked folder). */
export interface PickedFile {
  file: File;
  path: string;
}

/** Lower-case extension of a file name including the dot, or '' when there is none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function isAccepted(name: string): boolean {
  return ACCEPTED_EXTENSIONS.includes(extensionOf(name));
}

export function unsupportedMessage(name: string): string {
  const ext = extensionOf(name);
  return `unsupported file type ${ext ? `“${ext}”` : '(no file extension)'} (Tala imports ${ACCEPTED_LIST} files)`;
}

/** Hidden files and folders (".DS_Store", ".git/…") are left out of folder imports, as the CLI does. */
export function isHiddenPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..');
}

/** Files from an <input type=file> (with `webkitdirectory` they carry their path inside the folder). */
export function pickedFiles(files: Iterable<File>): PickedFile[] {
  const out: PickedFile[] = [];
  for (const file of files) {
    const relative = file.webkitRelativePath;
    if (relative) {
      if (!isHiddenPath(relative)) out.push({ file, path: relative });
    } else out.push({ file, path: file.name });
  }
  // A folder comes in no particular order: sort it as the CLI walks one. Picked files keep their order.
  return out.some((f) => f.path !== f.file.name) ? out.sort((a, b) => comparePaths(a.path, b.path)) : out;
}

function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

// ---- drops: the entries API (webkitGetAsEntry) sees folders; it must be asked during the drop event.

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FileEntryLike extends EntryLike {
  file(success: (file: File) => void, failure?: (err: unknown) => void): void;
}
interface DirectoryEntryLike extends EntryLike {
  createReader(): { readEntries(success: (entries: EntryLike[]) => void, failure?: (err: unknown) => void): void };
}

/** What a drop brought: files (folders walked), and folders that could not be read. */
export interface DroppedFiles {
  files: PickedFile[];
  errors: Array<{ path: string; error: string }>;
}

/**
 * Takes what the drop carries, synchronously (the DataTransfer is emptied when the event handler returns),
 * and returns a function that reads it: folders recursively, in name order, hidden entries left out.
 */
export function takeDrop(dataTransfer: DataTransfer): () => Promise<DroppedFiles> {
  const entries: EntryLike[] = [];
  const plain: File[] = [];
  const items = Array.from(dataTransfer.items ?? []).filter((item) => item.kind === 'file');
  if (items.length > 0) {
    for (const item of items) {
      const entry = typeof item.webkitGetAsEntry === 'function' ? (item.webkitGetAsEntry() as EntryLike | null) : null;
      if (entry) entries.push(entry);
      else {
        const file = item.getAsFile();
        if (file) plain.push(file);
      }
    }
  } else plain.push(...Array.from(dataTransfer.files ?? []));

  return async () => {
    const out: DroppedFiles = { files: plain.map((file) => ({ file, path: file.name })), errors: [] };
    for (const entry of entries) await walkEntry(entry, out, true);
    return out;
  };
}

async function walkEntry(entry: EntryLike, out: DroppedFiles, top: boolean): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
  if (!top && entry.name.startsWith('.')) return;
  if (entry.isFile) {
    try {
      const file = await new Promise<File>((resolve, reject) => (entry as FileEntryLike).file(resolve, reject));
      out.files.push({ file, path });
    } catch (err) {
      out.errors.push({ path, error: `${path}: could not be read (${describe(err)})` });
    }
    return;
  }
  if (!entry.isDirectory) return;
  let children: EntryLike[];
  try {
    children = await readAll(entry as DirectoryEntryLike);
  } catch (err) {
    // An unreadable subfolder is reported; the rest of the tree is still imported.
    out.errors.push({ path, error: `${path}: the folder could not be read (${describe(err)})` });
    return;
  }
  children.sort((a, b) => comparePaths(a.name, b.name));
  for (const child of children) await walkEntry(child, out, false);
}

/** readEntries answers in batches (100 in Chromium) until it returns none. */
async function readAll(dir: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader();
  const all: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}
