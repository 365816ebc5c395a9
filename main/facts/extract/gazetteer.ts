// Place lookup from the shipped gazetteer (main/facts/data/gazetteer.json): countries and capitals with
// English canonical names and Tagalog, Russian and other variants. Russian names decline (Армения,
// Армении, в Армению), so Cyrillic words are compared by a crude stem; Latin ones must match exactly
// (after case and diacritic folding).
import { foldText } from '../../../shared/text/fold';

export interface GazetteerEntry {
  name: string;
  type: 'country' | 'capital';
  code?: string;
  of?: string;
  aliases?: { tl?: string[]; ru?: string[]; other?: string[] };
}

export interface GazetteerData {
  places: GazetteerEntry[];
}

export interface PlaceMatch {
  /** Token range [from, to) within the tokens given to match(). */
  from: number;
  to: number;
  name: string;
  kind: 'country' | 'capital';
}

const RU_ENDINGS = ['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ый', 'ий', 'ой', 'ей', 'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'а', 'я', 'о', 'е', 'и', 'ы', 'у', 'ю', 'ь', 'й'];

const keyCache = new Map<string, string>();

/** Key of one word: lower-case; Cyrillic words lose a case ending; an English possessive 's is dropped; then diacritics are folded. */
export function wordKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    key = computeWordKey(word);
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(word, key);
  }
  return key;
}

function computeWordKey(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/u, '').replace(/\.$/u, '');
  const isAcronym = word.length <= 4 && word === word.toUpperCase();
  if (!isAcronym && /[\u0400-\u04ff]/u.test(w)) {
    for (const ending of RU_ENDINGS) {
      if (w.length >= 5 && w.endsWith(ending) && w.length - ending.length >= 3) {
        w = w.slice(0, -ending.length);
        break;
      }
    }
  }
  return foldText(w);
}

function aliasWords(alias: string): string[] {
  return alias.split(/\s+/u).filter(Boolean);
}

export class Gazetteer {
  /** First word key → candidate aliases (as word keys), longest first. */
  private readonly index = new Map<string, Array<{ keys: string[]; name: string; kind: 'country' | 'capital' }>>();
  readonly size: number;

  constructor(data: GazetteerData) {
    let n = 0;
    for (const place of data.places) {
      const names = [place.name, ...(place.aliases?.tl ?? []), ...(place.aliases?.ru ?? []), ...(place.aliases?.other ?? [])];
      for (const alias of names) {
        const keys = aliasWords(alias).map(wordKey);
        if (keys.length === 0) continue;
        const list = this.index.get(keys[0]) ?? [];
        if (!list.some((c) => c.keys.join(' ') === keys.join(' '))) list.push({ keys, name: place.name, kind: place.type });
        list.sort((a, b) => b.keys.length - a.keys.length);
        this.index.set(keys[0], list);
        n++;
      }
    }
    this.size = n;
  }

  /** Longest gazetteer names found in a run of words, left to right. */
  match(words: readonly string[]): PlaceMatch[] {
    const keys = words.map(wordKey);
    const found: PlaceMatch[] = [];
    for (let i = 0; i < keys.length; ) {
      const hit = (this.index.get(keys[i]) ?? []).find((c) => c.keys.every((k, j) => keys[i + j] === k));
      if (hit) {
        found.push({ from: i, to: i + hit.keys.length, name: hit.name, kind: hit.kind });
        i += hit.keys.length;
      } else i++;
    }
    return found;
  }

  /** The canonical place name when the words are exactly one gazetteer name. */
  lookup(words: readonly string[]): { name: string; kind: 'country' | 'capital' } | null {
    const m = this.match(words);
    return m.length === 1 && m[0].from === 0 && m[0].to === words.length ? { name: m[0].name, kind: m[0].kind } : null;
  }
}
