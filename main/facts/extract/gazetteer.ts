// Place lookup from the shipped gazetteer (main/facts/data/gazetteer.json): countries, capitals and some
// cities and regions, with English canonical names and Tagalog, Russian, Armenian and other variants.
// Russian and Armenian names decline (Армения, Армении, в Армению; Հայաստան, Հայաստանում, Հայաստանի), so
// Cyrillic and Armenian words are compared by a crude stem; Latin ones must match exactly (after case and
// diacritic folding).
import { foldText } from '../../../shared/text/fold';

export interface GazetteerEntry {
  name: string;
  type: PlaceKind;
  code?: string;
  of?: string;
  aliases?: { tl?: string[]; ru?: string[]; hy?: string[]; other?: string[] };
}

export type PlaceKind = 'country' | 'capital' | 'city' | 'region';

export interface GazetteerData {
  places: GazetteerEntry[];
}

export interface PlaceMatch {
  /** Token range [from, to) within the tokens given to match(). */
  from: number;
  to: number;
  name: string;
  kind: PlaceKind;
}

const RU_ENDINGS = [
  'ами',
  'ями',
  'ого',
  'его',
  'ому',
  'ему',
  'ый',
  'ий',
  'ой',
  'ей',
  'ую',
  'юю',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ых',
  'их',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'а',
  'я',
  'о',
  'е',
  'и',
  'ы',
  'у',
  'ю',
  'ь',
  'й',
];

/**
 * Armenian case, plural and article endings (Հայաստանում, Երևանի, Ռուսաստանից, Հայաստանը; the genitive -ու of a
 * name in -ի, Գյումրու, meets Գյումրի once both lose their ending), longest first.
 */
const HY_ENDINGS = ['ներից', 'ներում', 'ներին', 'ների', 'ները', 'ում', 'ից', 'ով', 'ին', 'ու', 'ի', 'ը', 'ն'];

/** Strips up to two Armenian endings and a final glide (Մոսկվայում → մոսկվա): the same on both sides of a lookup. */
function armenianKey(w: string): string {
  for (let round = 0; round < 2; round++) {
    const ending = HY_ENDINGS.find((e) => w.endsWith(e) && w.length - e.length >= 3);
    if (!ending) break;
    w = w.slice(0, -ending.length);
  }
  return w.length > 3 ? w.replace(/յ$/u, '') : w;
}

const keyCache = new Map<string, string>();

/**
 * Key of one word: lower-case; Cyrillic words lose a case ending; an English possessive 's is dropped; then diacritics
 * are folded.
 */
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
  let w = word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/\.$/u, '');
  const isAcronym = word.length <= 4 && word === word.toUpperCase();
  // край is too short for the ending rule below: Краснодарском крае, Пермского края.
  if (/^кра(?:[йяюе]|ем)$/u.test(w)) return 'край';
  if (!isAcronym && /[\u0400-\u04ff]/u.test(w)) {
    for (const ending of RU_ENDINGS) {
      if (w.length >= 5 && w.endsWith(ending) && w.length - ending.length >= 3) {
        w = w.slice(0, -ending.length);
        break;
      }
    }
  }
  if (!isAcronym && /[\u0531-\u0587]/u.test(w)) w = armenianKey(w);
  return foldText(w);
}

/**
 * Forms a word may be compared by: its stripped key and, for declined scripts, the word itself folded
 * (Карабах keys as "караб" but must still meet Карабахе → "карабах").
 */
export function wordKeys(word: string): string[] {
  const key = wordKey(word);
  const whole = foldText(
    word
      .toLowerCase()
      .replace(/['’]s$/u, '')
      .replace(/\.$/u, ''),
  );
  return whole === key ? [key] : [key, whole];
}

function aliasWords(alias: string): string[] {
  return alias.split(/\s+/u).filter(Boolean);
}

export class Gazetteer {
  /** First word key → candidate aliases (each word as its keys), longest first. */
  private readonly index = new Map<string, Array<{ keys: string[][]; name: string; kind: PlaceKind }>>();
  readonly size: number;

  constructor(data: GazetteerData) {
    let n = 0;
    for (const place of data.places) {
      const { tl = [], ru = [], hy = [], other = [] } = place.aliases ?? {};
      const names = [place.name, ...tl, ...ru, ...hy, ...other];
      for (const alias of names) {
        const keys = aliasWords(alias).map(wordKeys);
        if (keys.length === 0) continue;
        const id = keys.map((k) => k[0]).join(' ');
        for (const first of keys[0]) {
          const list = this.index.get(first) ?? [];
          if (list.some((c) => c.keys.map((k) => k[0]).join(' ') === id)) continue;
          list.push({ keys, name: place.name, kind: place.type });
          list.sort((a, b) => b.keys.length - a.keys.length);
          this.index.set(first, list);
        }
        n++;
      }
    }
    this.size = n;
  }

  /** Longest gazetteer names found in a run of words, left to right. */
  match(words: readonly string[]): PlaceMatch[] {
    const keys = words.map(wordKeys);
    const meets = (a: string[] | undefined, b: string[]) => !!a && a.some((k) => b.includes(k));
    const found: PlaceMatch[] = [];
    for (let i = 0; i < keys.length;) {
      const candidates = new Set(keys[i].flatMap((k) => this.index.get(k) ?? []));
      const hit = [...candidates]
        .sort((a, b) => b.keys.length - a.keys.length)
        .find((c) => c.keys.every((k, j) => meets(keys[i + j], k)));
      if (hit) {
        found.push({ from: i, to: i + hit.keys.length, name: hit.name, kind: hit.kind });
        i += hit.keys.length;
      } else i++;
    }
    return found;
  }

  /** The canonical place name when the words are exactly one gazetteer name. */
  lookup(words: readonly string[]): { name: string; kind: PlaceKind } | null {
    const m = this.match(words);
    return m.length === 1 && m[0].from === 0 && m[0].to === words.length ? { name: m[0].name, kind: m[0].kind } : null;
  }
}
