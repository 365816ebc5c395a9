// Human names for language codes, e.g. "tl" → "Tagalog (tl)".
const NAMES: Record<string, string> = {
  tl: 'Tagalog',
  fil: 'Filipino',
  en: 'English',
  ru: 'Russian',
  hy: 'Armenian',
  uk: 'Ukrainian',
  az: 'Azerbaijani',
  ka: 'Georgian',
  tr: 'Turkish',
  fa: 'Persian',
  ar: 'Arabic',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  zh: 'Chinese',
  ja: 'Japanese',
  ko: 'Korean',
  und: 'Unknown language',
};

let display: Intl.DisplayNames | null | undefined;

export function languageName(code: string): string {
  if (NAMES[code]) return NAMES[code];
  if (!/^[a-z]{2,3}$/.test(code)) return code;
  if (display === undefined) {
    try {
      display = new Intl.DisplayNames(['en'], { type: 'language' });
    } catch {
      display = null;
    }
  }
  try {
    const name = display?.of(code);
    if (name && name !== code) return name;
  } catch {
    /* not a valid code */
  }
  return code;
}

export function languageLabel(code: string): string {
  const name = languageName(code);
  return name === code ? code : `${name} (${code})`;
}

/** Languages written right to left (ISO 639-1/-3 codes as the archive stores them). */
const RTL = new Set([
  'ar',
  'arb',
  'arz',
  'he',
  'heb',
  'fa',
  'fas',
  'pes',
  'prs',
  'ur',
  'urd',
  'ps',
  'pus',
  'sd',
  'snd',
  'ug',
  'uig',
  'yi',
  'yid',
  'dv',
  'div',
  'ckb',
  'syr',
  'arc',
  'ku',
]);

export function isRtlLanguage(code: string | null | undefined): boolean {
  return !!code && RTL.has(code.toLowerCase());
}

/** Codes offered when editing a document's language. */
export const COMMON_LANGUAGES = Object.keys(NAMES).filter((c) => c !== 'und');
