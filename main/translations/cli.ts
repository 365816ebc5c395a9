// Translation commands of the CLI (main/cli/commands.ts registers them):
//   align <docA> <docB> [--json] [--recompute]
//       {"beads":[{"source":[passage ordinals],"target":[...],"confidence":0..1,"sentences":[...]}]}, 0-based
//   export <docId> --format tmx|pairs-csv --translation <docId> [--level sentence|paragraph] [--out FILE]
//   import <path>... --translation-of <docId>   (links each imported file as a translation)
// The CLI aligns in-process (no worker thread for a one-shot command).
import { writePrivateFile } from '../backups/private-files';
import type { AlignLevel, PairsExportFormat, TranslationLink } from '../../shared/translations';
import type { Archive } from '../archive/archive';
import { inlineAligner } from '../align/worker-host';
import { UsageError, type ParsedArgs } from '../cli/args';
import type { CliIO } from '../cli/commands';

const json = (value: unknown) => JSON.stringify(value, null, 2);

export async function alignCommand(archive: Archive, args: ParsedArgs, io: CliIO): Promise<number> {
  const [a, b] = args.positionals;
  if (!a || !b || args.positionals.length !== 2) throw new UsageError('align needs two document ids');
  archive.translations.useAligner(inlineAligner);
  const alignment = await archive.translations.getAlignment(a, b, { recompute: args.flags.has('recompute') });
  if (args.flags.has('json')) {
    io.out(json({ beads: alignment.beads, lowConfidence: alignment.lowConfidence, linkId: alignment.linkId, stats: alignment.stats }));
    return 0;
  }
  const [doc, other] = await Promise.all([archive.documents.get(a), archive.documents.get(b)]);
  const snippet = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').slice(0, 60);
  io.out(`${doc.title} [${doc.lang}]  ⇄  ${other.title} [${other.lang}]  (${alignment.beads.length} beads, ${alignment.origin})`);
  for (const bead of alignment.beads) {
    const mark = bead.confidence < alignment.lowConfidence ? '?' : bead.fixed ? '*' : ' ';
    io.out(`${mark} ${bead.confidence.toFixed(2)}  ¶${bead.source.map((p) => p + 1).join(',') || '–'} ⇄ ¶${bead.target.map((p) => p + 1).join(',') || '–'}`);
    io.out(`      ${snippet(doc.passages[bead.source[0]]?.text)}`);
    io.out(`      ${snippet(other.passages[bead.target[0]]?.text)}`);
  }
  return 0;
}

/** `export --format tmx|pairs-csv --translation <docId>`: aligned pairs of a document and a translation. */
export async function exportPairsCommand(archive: Archive, docId: string, format: PairsExportFormat, args: ParsedArgs, io: CliIO): Promise<number> {
  const other = args.flags.get('translation');
  if (typeof other !== 'string') throw new UsageError(`--format ${format} needs --translation <docId> (the other document of the pair)`);
  const level = args.flags.get('level') ?? 'sentence';
  if (level !== 'sentence' && level !== 'paragraph') throw new UsageError('--level must be sentence or paragraph');
  archive.translations.useAligner(inlineAligner);
  const file = await archive.translations.exportPairs(docId, other, format, level as AlignLevel);
  const out = args.flags.get('out');
  if (typeof out === 'string') {
    writePrivateFile(out, file.content);
    io.err(`wrote ${out}`);
  } else io.out(file.content);
  return 0;
}

/** Links every document an import brought in (or found already present) as a translation of `translationOf`. */
export async function linkImported(archive: Archive, docIds: readonly string[], translationOf: string): Promise<TranslationLink[]> {
  const links: TranslationLink[] = [];
  for (const id of docIds) if (id !== translationOf) links.push(await archive.translations.link(translationOf, id, 'import'));
  return links;
}
