// Transliteration fold: Cyrillic, Armenian and Greek words spelled in Latin letters, the way names are
// usually romanised in English-language sources (Баласанян → balasanyan, Սահակյան → sahakyan,
// Ελλάδα → ellada). It is a search key, not a scholarly romanisation: it only has to make the common
// spellings of a name meet, with fuzzy matching (Saakyan~1) covering the rest.
// Input is a lower-cased word; output is lower-case Latin (other letters pass through).

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian, Belarusian, Serbian, Macedonian, Kazakh letters.
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  ә: 'a',
  ғ: 'gh',
  қ: 'q',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
};

// Eastern Armenian, as in BGN/PCGN practice for names (Սահակյան → sahakyan, Երևան → yerevan).
const ARMENIAN: Record<string, string> = {
  ա: 'a',
  բ: 'b',
  գ: 'g',
  դ: 'd',
  ե: 'e',
  զ: 'z',
  է: 'e',
  ը: 'y',
  թ: 't',
  ժ: 'zh',
  ի: 'i',
  լ: 'l',
  խ: 'kh',
  ծ: 'ts',
  կ: 'k',
  հ: 'h',
  ձ: 'dz',
  ղ: 'gh',
  ճ: 'ch',
  մ: 'm',
  յ: 'y',
  ն: 'n',
  շ: 'sh',
  ո: 'o',
  չ: 'ch',
  պ: 'p',
  ջ: 'j',
  ռ: 'r',
  ս: 's',
  վ: 'v',
  տ: 't',
  ր: 'r',
  ց: 'ts',
  ւ: 'v',
  փ: 'p',
  ք: 'k',
  օ: 'o',
  ֆ: 'f',
  և: 'ev',
};

const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
  ϊ: 'i',
  ϋ: 'y',
};
const GREEK_DIGRAPHS: Record<string, string> = {
  ου: 'ou',
  αι: 'ai',
  ει: 'ei',
  οι: 'oi',
  μπ: 'b',
  ντ: 'nt',
  γκ: 'gk',
  γγ: 'ng',
};

/** Transliterates one lower-case word; words without Cyrillic, Armenian or Greek letters come back unchanged. */
export function transliterate(word: string): string {
  if (!/[\u0370-\u03FF\u1F00-\u1FFF\u0400-\u052F\u0531-\u058F]/.test(word)) return word;
  // Greek accents (ά, ΐ) decompose; the transliteration works on bare letters.
  const w = word
    .normalize('NFD')
    .replace(/\p{M}/gu, (m) => (m === '\u0306' || m === '\u0308' ? m : ''))
    .normalize('NFC');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const pair = w.slice(i, i + 2);
    if (GREEK_DIGRAPHS[pair] !== undefined) {
      out += GREEK_DIGRAPHS[pair];
      i++;
      continue;
    }
    if (c === 'ո' && w[i + 1] === 'ւ') {
      out += 'u'; // ու is the vowel u
      i++;
      continue;
    }
    const wordStart = i === 0;
    if (wordStart && c === 'ե') out += 'ye';
    else if (wordStart && c === 'ո') out += 'vo';
    else if (wordStart && c === 'և') out += 'yev';
    else out += CYRILLIC[c] ?? ARMENIAN[c] ?? GREEK[c] ?? c;
  }
  return out;
}
