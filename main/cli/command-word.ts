// Where the command word of a `tala` command line is, without loading the command registry: the CLI's entry uses it
// to start an import's parse worker before the rest of the CLI loads (run.ts finds the command with it too).

/** The index of the first word that is not an option (nor `--archive`'s value), or -1 (none before `--`). */
export function commandWordAt(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') break;
    if (word === '--archive') {
      i++;
      continue;
    }
    if (!word.startsWith('-')) return i;
  }
  return -1;
}
