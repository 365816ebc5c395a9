// `tala import`: the first file is read and handed to the parse worker while the CLI loads the archive's code and
// opens it, instead of once the import job starts (the worker sat ready ~150 ms before the file came). The import's
// read of the file takes these bytes when the file is unchanged (read-import-file.ts), its parse takes the one under
// way when the input is the same (ParserPool parseAhead), as its storing takes the deflate of a large original
// started here (packOriginalAhead); otherwise those are thrown away, and the outcome is the import's own either way.
import { basename } from 'node:path';
import type { DocumentParser } from '../ingest/parser';
import type { IngestInput } from '../ingest/types';
import { validateInput } from '../ingest/validate-input';
import { expandImportPaths } from './import-paths';
import { packOriginalAhead } from './original-bytes';
import { readImportFile } from './read-import-file';

/** What an import hands the parser for `file` (bulk-import.ts and the parse ahead use this one shape). */
export function importInput(file: string, bytes: Uint8Array, lang: string | undefined): IngestInput {
  return { name: basename(file), bytes, lang };
}

/**
 * Starts parsing the first file that importing `paths` will parse, when it can be read and passes the cheap checks
 * (otherwise nothing: the import reads, checks and reports the file itself, as always).
 */
export function parseFirstFileAhead(parser: DocumentParser, paths: string[], lang: string | undefined): void {
  if (!parser.parseAhead) return;
  try {
    const first = expandImportPaths(paths).files[0];
    if (first === undefined) return;
    // Kept for the import's own read of this file, which takes these bytes when the file is unchanged.
    const input = importInput(first, readImportFile(first, undefined, { keep: true }), lang);
    validateInput(input.name, input.bytes);
    parser.parseAhead(input);
    packOriginalAhead(input.bytes);
  } catch {
    // the import meets the same problem and reports it
  }
}
