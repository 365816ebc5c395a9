// Date mentions in Tagalog, English, Russian (and a little Armenian): full dates in each language's
// order ("Hulyo 19, 2012", "July 19, 2012", "19 июля 2012 года", "ika-19 ng Hulyo 2012"), dates without a
// year ("Setyembre 7": the year comes from the nearest earlier full date), months, years with a cue
// ("noong 2012", "in 2012", "в 2012 году"), numeric dates (2012-07-19, 19.07.2012), decades and centuries
// ("ika-17 siglo", "17th century", "XVII век" → 1601/1700).
import type { DatePrecision, Mention } from '../../../shared/facts';
import { AMBIGUOUS_MONTHS, MONTHS } from './lexicon';
import { alternation, pad2, pad4 } from './text';

const MONTH_NUMBER = new Map(MONTHS);
/** Month words that are short forms of a longer one (sept, Hul, февр): only these may carry a dot. */
const MONTH_ABBREVIATIONS = new Set(
  MONTHS.filter(([w, n]) => MONTHS.some(([o, k]) => k === n && o !== w && o.startsWith(w))).map(([w]) => w),
);
const MONTH_ALT = alternation(MONTHS.map(([w]) => w));

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const M = `(?<m>${MONTH_ALT})\\.?`;
const YEAR = '(?<y>[12]\\d{3})';
/** Russian and Armenian words after a year: 2012 года, 2012 г., 2012 թ. */
const YEAR_WORD = '(?:\\s*(?:года|году|год|гг?\\.|г(?![\\p{L}])|թ\\.|թվականի[ն]?))?';
const DAY_SUFFIX = '(?:st|nd|rd|th|-?го|-?е|-?ին|-ից|-ի|-ը)?';
const DAY = `(?:ika-?\\s?(?<d1>[0-3]?\\d)|(?<d>[0-3]?\\d)${DAY_SUFFIX})`;
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
];

interface Found {
  start: number;
  end: number;
  precision: DatePrecision;
  year?: number;
  month?: number;
  day?: number;
  /** Inclusive year range for decades and centuries. */
  years?: [number, number];
  confidence: number;
}

type Rule = {
  re: RegExp;
  build: (g: Record<string, string | undefined>, lang: string) => Omit<Found, 'start' | 'end'> | null;
  group?: string;
};

const rx = (source: string) => new RegExp(source, 'giud');

function monthOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  // Latin-script month names are capitalised in English and Tagalog: "may" and "mar" are ordinary words.
  if (/^[a-z]/.test(word)) return undefined;
  return MONTH_NUMBER.get(word.toLowerCase().replace(/\.$/, ''));
}

function dayOf(g: Record<string, string | undefined>): number | undefined {
  const raw = g.d ?? g.d1;
  return raw === undefined ? undefined : Number(raw);
}

function validDay(year: number | undefined, month: number, day: number): boolean {
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const days = new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate(); // leap-safe; 2000 allows 29 Feb
  return day <= days;
}

function full(g: Record<string, string | undefined>, confidence: number): Omit<Found, 'start' | 'end'> | null {
  const month = monthOf(g.m);
  const day = dayOf(g);
  const year = Number(g.y);
  if (!month || day === undefined || !validDay(year, month, day)) return null;
  return { precision: 'day', year, month, day, confidence };
}

function romanToInt(roman: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = values[roman[i]];
    const next = values[roman[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Roman numerals must be written in capitals (the rules match case-insensitively). */
function romanCentury(roman: string | undefined, confidence: number): Omit<Found, 'start' | 'end'> | null {
  return roman && roman === roman.toUpperCase() ? century(romanToInt(roman), confidence) : null;
}

function century(n: number, confidence: number): Omit<Found, 'start' | 'end'> | null {
  if (!(n >= 1 && n <= 21)) return null;
  return { precision: 'century', years: [(n - 1) * 100 + 1, n * 100], confidence };
}

const RULES: Rule[] = [
  // July 19, 2012 · Hulyo 19, 2012 · Hulyo 19 2012 · հուլիսի 19, 2012
  // (an Armenian day with its case ending, "հոկտեմբերի 12-ին, 2012 թվականին", ends its own phrase)
  {
    re: rx(`${L}${M}\\s+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)${YEAR}${YEAR_WORD}${R}`),
    build: (g) => full(g, 0.95),
  },
  // 19 July 2012 · 19 июля 2012 года · ika-19 ng Hulyo, 2012 · the 19th of July 2012
  { re: rx(`${L}${DAY}\\s+(?:(?:ng|of|de)\\s+)?${M},?\\s+${YEAR}${YEAR_WORD}${R}`), build: (g) => full(g, 0.95) },
  // 2012 թ. հուլիսի 19 · 2013 թվականի փետրվարի 18-ին (Armenian order; the day takes a case ending)
  {
    re: rx(`${L}${YEAR}\\s*(?:թվականի|թ\\.?)\\s+${M}\\s+(?<d>[0-3]?\\d)(?:-?(?:ին|ից|ի|ը|ն))?${R}`),
    build: (g) => full(g, 0.95),
  },
  // 2024 թվականի դեկտեմբերին · 2023 թ. մարտին (Armenian order: the year, then the month with its case ending)
  {
    re: rx(`${L}${YEAR}\\s*(?:թվականի|թ\\.?)\\s+${M}${R}`),
    build: (g) => {
      const month = monthOf(g.m);
      return month ? { precision: 'month', year: Number(g.y), month, confidence: 0.85 } : null;
    },
  },
  // July 2012 · Hulyo 2012 · в июле 2012 года
  {
    re: rx(`${L}${M},?\\s+(?:(?:ng|of|de)\\s+)?${YEAR}${YEAR_WORD}${R}`),
    build: (g) => {
      const month = monthOf(g.m);
      return month ? { precision: 'month', year: Number(g.y), month, confidence: 0.85 } : null;
    },
  },
  // Setyembre 7 · September 7th · հուլիսի 19-ին · հունվարի 1-ի (year from context)
  {
    re: rx(`${L}${M}\\s+(?<d>[0-3]?\\d)(?:st|nd|rd|th|-?ին|-ից|-ի|-ը)?(?![\\p{L}\\p{N}]|[.,]\\d)`),
    build: (g) => {
      const month = monthOf(g.m);
      const day = dayOf(g);
      return month && day !== undefined && validDay(undefined, month, day)
        ? { precision: 'day', month, day, confidence: 0.8 }
        : null;
    },
  },
  // 7 сентября · ika-7 ng Setyembre · 7th of September · 7 September
  {
    re: rx(`${L}${DAY}\\s+(?:(?:ng|of)\\s+)?${M}${R}`),
    build: (g) => {
      const month = monthOf(g.m);
      const day = dayOf(g);
      return month && day !== undefined && validDay(undefined, month, day)
        ? { precision: 'day', month, day, confidence: 0.8 }
        : null;
    },
  },
  // 2012-07-19
  {
    re: rx(`${L}${YEAR}-(?<mo>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\\d|3[01])${R}`),
    build: (g) =>
      validDay(Number(g.y), Number(g.mo), Number(g.d))
        ? { precision: 'day', year: Number(g.y), month: Number(g.mo), day: Number(g.d), confidence: 0.95 }
        : null,
  },
  // 19.07.2012 (day first, as in Russian and most of Europe)
  {
    re: rx(`${L}(?<d>0?[1-9]|[12]\\d|3[01])\\.(?<mo>0?[1-9]|1[0-2])\\.${YEAR}${YEAR_WORD}${R}`),
    build: (g) =>
      validDay(Number(g.y), Number(g.mo), Number(g.d))
        ? { precision: 'day', year: Number(g.y), month: Number(g.mo), day: Number(g.d), confidence: 0.9 }
        : null,
  },
  // 07/19/2012 (month first in English) or 19/07/2012 (day first elsewhere, or when the first part exceeds 12)
  {
    re: rx(`${L}(?<a>\\d{1,2})/(?<b>\\d{1,2})/${YEAR}${R}`),
    build: (g, lang) => {
      const a = Number(g.a);
      const b = Number(g.b);
      const monthFirst = lang === 'en' ? a <= 12 : a <= 12 && b > 12;
      const [month, day] = monthFirst ? [a, b] : [b, a];
      return validDay(Number(g.y), month, day)
        ? { precision: 'day', year: Number(g.y), month, day, confidence: 0.7 }
        : null;
    },
  },
  // noong 2012 · in 2012 · since 2012 · в 2012 году (the year alone is the mention)
  {
    re: rx(
      `${L}(?:noong|nitong|ngayong|taong|taon|mula|hanggang|in|since|by|until|from|during|circa|в|с|до|к|по)` +
        `\\s+${YEAR}(?:\\s*(?:года|году|год|г\\.|г(?![\\p{L}])))?${R}`, // the year, then Russian «года»
    ),
    group: 'y',
    build: (g) => ({ precision: 'year', year: Number(g.y), confidence: 0.85 }),
  },
  // 2012 году · 2012 г. · 2012 թ.
  {
    re: rx(`${L}${YEAR}\\s*(?:года|году|год|г\\.|г(?![\\p{L}])|թ\\.|թվականին|թվականի)`),
    build: (g) => ({ precision: 'year', year: Number(g.y), confidence: 0.9 }),
  },
  // ika-17 siglo · ika-17 na siglo · ika-XVII siglo · siglo XVII
  {
    re: rx(`${L}ika-?\\s?(?<c>\\d{1,2})(?:\\s+na)?\\s+(?:siglo|dantaon)${R}`),
    build: (g) => century(Number(g.c), 0.9),
  },
  {
    re: rx(`${L}(?:ika-?\\s?)?(?<r>[IVX]{1,5})(?:\\s+na)?\\s+(?:siglo|dantaon)${R}`),
    build: (g) => romanCentury(g.r, 0.85),
  },
  { re: rx(`${L}(?:siglo|dantaon)\\s+(?<r>[IVX]{1,5})${R}`), build: (g) => romanCentury(g.r, 0.85) },
  // 17th century · seventeenth century · 17th-century
  { re: rx(`${L}(?<c>\\d{1,2})(?:st|nd|rd|th)[\\s-]+century${R}`), build: (g) => century(Number(g.c), 0.9) },
  {
    re: rx(`${L}(?<w>${ORDINALS.join('|')})[\\s-]+century${R}`),
    build: (g) => century(ORDINALS.indexOf(g.w!.toLowerCase()) + 1, 0.9),
  },
  // XVII век · XVII века · XVII в. · 17 век · 17-й век
  { re: rx(`${L}(?<r>[IVX]{1,5})\\s*(?:век[а-я]*|в\\.)`), build: (g) => romanCentury(g.r, 0.9) },
  { re: rx(`${L}(?<c>\\d{1,2})(?:-?(?:й|го|м|ом))?\\s+век[а-я]*${R}`), build: (g) => century(Number(g.c), 0.85) },
  // 1990s · 1990-е годы · dekada 1990
  {
    re: rx(`${L}(?<y>1[5-9]\\d0|20\\d0)['’]?s${R}`),
    build: (g) => ({ precision: 'decade', years: [Number(g.y), Number(g.y) + 9], confidence: 0.85 }),
  },
  {
    re: rx(`${L}(?<y>1[5-9]\\d0|20\\d0)-?(?:е|х|ые)(?:\\s+(?:годы|годов|годах|гг\\.))?${R}`),
    build: (g) => ({ precision: 'decade', years: [Number(g.y), Number(g.y) + 9], confidence: 0.85 }),
  },
  {
    re: rx(`${L}dekada\\s+(?:ng\\s+(?:mga\\s+)?)?(?<y>1[5-9]\\d0|20\\d0)${R}`),
    build: (g) => ({ precision: 'decade', years: [Number(g.y), Number(g.y) + 9], confidence: 0.85 }),
  },
  // A bare year (1600–2099) not followed by more digits or a percent sign: probably a year, not sure.
  {
    re: rx(`${L}(?<y>1[6-9]\\d\\d|20\\d\\d)(?![\\p{L}\\p{N}]|[.,]\\d|\\s*%)`),
    build: (g) => ({ precision: 'year', year: Number(g.y), confidence: 0.5 }),
  },
];

function toMention(text: string, f: Found): Mention {
  let value: string;
  let from: string;
  let to: string;
  if (f.years) {
    value = `${pad4(f.years[0])}/${pad4(f.years[1])}`;
    from = `${pad4(f.years[0])}-01-01`;
    to = `${pad4(f.years[1])}-12-31`;
  } else if (f.year === undefined) {
    // No year written and none to borrow yet (filled in by inferYears when possible).
    value = `--${pad2(f.month!)}-${pad2(f.day!)}`;
    from = value;
    to = value;
  } else if (f.precision === 'day') {
    value = `${pad4(f.year)}-${pad2(f.month!)}-${pad2(f.day!)}`;
    from = value;
    to = value;
  } else if (f.precision === 'month') {
    value = `${pad4(f.year)}-${pad2(f.month!)}`;
    from = `${value}-01`;
    to = `${value}-${pad2(new Date(Date.UTC(f.year, f.month!, 0)).getUTCDate())}`;
  } else {
    value = pad4(f.year);
    from = `${value}-01-01`;
    to = `${value}-12-31`;
  }
  return {
    type: 'date',
    text: text.slice(f.start, f.end),
    value,
    start: f.start,
    end: f.end,
    confidence: f.confidence,
    date: { precision: f.precision, from, to },
  };
}

/** Every date candidate in the text (overlaps not yet resolved: the caller picks the longest). */
export function findDates(text: string, lang: string): Mention[] {
  const out: Mention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const found = rule.build(m.groups ?? {}, lang);
      if (!found) continue;
      // "May 5" is a date in English; in Tagalog "May 5 botante" means "there are 5 voters".
      if (
        found.year === undefined &&
        found.precision === 'day' &&
        lang !== 'en' &&
        AMBIGUOUS_MONTHS.has(m.groups!.m!.toLowerCase().replace(/\.$/, ''))
      )
        continue;
      const [start, matchEnd] = rule.group ? m.indices!.groups![rule.group]! : m.indices![0];
      // "7 сентября." — the dot ends the sentence; only abbreviations (Sept., Hul.) keep theirs.
      const monthEnd = m.indices?.groups?.m?.[1];
      const end =
        monthEnd === matchEnd - 1 && text[monthEnd] === '.' && !MONTH_ABBREVIATIONS.has(m.groups!.m!.toLowerCase())
          ? matchEnd - 1
          : matchEnd;
      out.push(toMention(text, { ...found, start, end }));
    }
  }
  return out;
}

/**
 * Gives dates written without a year ("Setyembre 7") the year of the nearest earlier date that has one
 * (a full date first, else a month or year), or else the reference year (the publication date's).
 */
export function inferYears(dates: Mention[], referenceYear?: number): void {
  let lastYear: number | undefined;
  for (const d of [...dates].sort((a, b) => a.start - b.start)) {
    const v = String(d.value);
    if (/^\d{4}(-\d{2}){0,2}$/.test(v) && d.date && d.date.precision !== 'century' && d.date.precision !== 'decade') {
      if (d.confidence >= 0.8) lastYear = Number(v.slice(0, 4));
      continue;
    }
    if (!v.startsWith('--')) continue;
    const year = lastYear ?? referenceYear;
    if (year === undefined) {
      d.confidence = 0.4;
      continue;
    }
    const [month, day] = v.slice(2).split('-').map(Number);
    if (!validDay(year, month, day)) continue;
    const iso = `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
    d.value = iso;
    d.date = { precision: 'day', from: iso, to: iso, yearInferred: true };
    d.confidence = lastYear !== undefined ? 0.75 : 0.6;
  }
}
