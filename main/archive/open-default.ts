// Opens (creating if needed) the archive in a folder; a brand-new archive is seeded with the samples.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Archive, type ArchiveOpenOptions } from './archive';
import { archiveFileIn } from './paths';
import { makePrivateDir } from '../backups/private-files';
import { diagnostic } from '../diagnostics';

export interface OpenArchiveDirOptions {
  /** Where searches run (see ArchiveOpenOptions); the desktop app keeps the default worker thread. */
  search?: ArchiveOpenOptions['search'];
  /** Where alignments run (see ArchiveOpenOptions); the CLI aligns in-process. */
  aligner?: ArchiveOpenOptions['aligner'];
  /** Start the search worker while the archive opens (see ArchiveOpenOptions): the desktop app and the web host. */
  startSearch?: boolean;
  seedSamples?: boolean;
  /** Folder holding samples.json and the sample files (resources/samples in a checkout). */
  samplesDir?: string;
}

interface SampleManifest {
  /** `translationOf`: the file (in this manifest) this document translates; the two are linked as translations. */
  documents: Array<{
    file: string;
    lang?: string;
    title?: string;
    author?: string;
    source?: string;
    publishedAt?: string;
    translationOf?: string;
  }>;
}

/** resources/samples of a checkout: two levels up from main/archive/ and from the bundled out/main/. */
export const DEV_SAMPLES_DIR = fileURLToPath(new URL('../../resources/samples', import.meta.url));

export async function openArchiveDir(dir: string, options: OpenArchiveDirOptions = {}): Promise<Archive> {
  makePrivateDir(dir);
  const file = archiveFileIn(dir);
  const isNew = !existsSync(file);
  const archive = await Archive.open(file, {
    search: options.search,
    aligner: options.aligner,
    startSearch: options.startSearch,
  });
  if (isNew && options.seedSamples) {
    await seedSamples(archive, options.samplesDir ?? DEV_SAMPLES_DIR);
  }
  return archive;
}

/** Imports the sample documents listed in samples.json; already-present samples are skipped by hash. */
export async function seedSamples(archive: Archive, samplesDir: string): Promise<void> {
  const manifestPath = join(samplesDir, 'samples.json');
  if (!existsSync(manifestPath)) {
    diagnostic(`[tala] no sample documents found at ${samplesDir}; the archive starts empty`);
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SampleManifest;
  const ids = new Map<string, string>();
  for (const sample of manifest.documents) {
    const bytes = new Uint8Array(readFileSync(join(samplesDir, sample.file)));
    const outcome = await archive.documents.importFile({
      name: sample.file,
      bytes,
      lang: sample.lang,
      meta: { title: sample.title, author: sample.author, source: sample.source, publishedAt: sample.publishedAt },
    });
    ids.set(sample.file, outcome.status === 'imported' ? outcome.document.id : outcome.existingId);
  }
  for (const sample of manifest.documents) {
    const original = sample.translationOf && ids.get(sample.translationOf);
    if (original) await archive.translations.link(original, ids.get(sample.file)!, 'import');
  }
}
