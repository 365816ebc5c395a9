// Tags typed as one line: "halalan, NKR; boto" → ["halalan", "NKR", "boto"] (no duplicates, case-insensitive).
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[,;\n]/)) {
    const tag = raw.trim().replace(/^#/, '').replace(/\s+/g, ' ').slice(0, 200);
    if (!tag || seen.has(tag.toLocaleLowerCase())) continue;
    seen.add(tag.toLocaleLowerCase());
    out.push(tag);
  }
  return out.slice(0, 100);
}

export const formatTags = (tags: readonly string[]) => tags.join(', ');
