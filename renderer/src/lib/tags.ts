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

/** SQLite's NOCASE: only ASCII letters fold; then code point order (that of UTF-8 bytes). */
const lowerUnit = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

export function compareTagNames(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const [x, y] = [lowerUnit(a.charCodeAt(i)), lowerUnit(b.charCodeAt(i))];
    if (x === y) continue;
    // UTF-16 units order as code points do, except a surrogate (U+D800–DFFF) against U+E000–FFFF.
    if (x >= 0xd800 && y >= 0xd800) return a.codePointAt(i)! < b.codePointAt(i)! ? -1 : 1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * A document's tags (in the archive's order: by name, ASCII case ignored) after a bulk tag answered `added` (as
 * the archive spells them) and `removed`: what reading the document again would give. Unchanged tags come back
 * as the same array. Runs once per tagged row (10,000 at a time), so it is a plain sorted insert.
 */
export function applyTagChanges(
  tags: readonly string[],
  added: readonly string[],
  removed: readonly string[],
): string[] {
  const named = (list: readonly string[], t: string) => list.some((u) => compareTagNames(u, t) === 0);
  let out = removed.length ? tags.filter((t) => !named(removed, t)) : (tags as string[]);
  for (const t of added) {
    if (removed.length && named(removed, t)) continue;
    let i = 0;
    let c = 1;
    while (i < out.length && (c = compareTagNames(out[i], t)) < 0) i++;
    if (i < out.length && c === 0) continue;
    if (out === tags) out = out.slice();
    out.splice(i, 0, t);
  }
  return out;
}
