// The transliteration column of a search row, in a module of its own: the indexer writes it without loading the
// analyzer (and lunr) when an import brings its analysis (index-analysis.ts).

/** The transliteration column: the Latin spellings of the words, then those of their stems. */
export function joinTranslit(...parts: Array<{ translitWords: string[]; translitStems: string[] }>): string {
  return [...parts.flatMap((p) => p.translitWords), ...parts.flatMap((p) => p.translitStems)].join(' ');
}
