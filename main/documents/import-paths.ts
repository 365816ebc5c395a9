// Expands the paths given to an import (CLI `tala import`, the app's folder import) into files: folders are
// walked recursively, hidden entries skipped, symbolic links not followed.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../ingest/formats';

export interface ExpandedPaths {
  files: string[];
  /** Files found inside folders that Tala cannot import (reported as skipped, not failed). */
  unsupported: string[];
  /** Paths that could not be read at all. */
  missing: Array<{ path: string; error: string }>;
}

export function expandImportPaths(paths: string[]): ExpandedPaths {
  const out: ExpandedPaths = { files: [], unsupported: [], missing: [] };
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.missing.push({
        path,
        error: code === 'ENOENT' ? `${path}: no such file or folder` : `${path}: ${(err as Error).message}`,
      });
      continue;
    }
    if (isDir) walk(path, out);
    else out.files.push(path); // an explicitly named file always goes to the importer, which explains refusals
  }
  return out;
}

function walk(dir: string, out: ExpandedPaths): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    // An unreadable subfolder is reported; the rest of the tree is still imported.
    out.missing.push({ path: dir, error: `${dir}: ${(err as Error).message}` });
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) {
      if (SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.files.push(path);
      else out.unsupported.push(path);
    }
  }
}
