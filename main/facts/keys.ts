// Keys for matching names across scripts and spellings, and the scores behind merge suggestions.
//   aliasKey:  "Бако Саакян" → "bako saakyan"   (lower case, diacritics folded, Cyrillic/Armenian/Greek → Latin)
//   skeleton:  "bako sahakyan" and "bako saakyan" → "bako saakan"  (h and y dropped, doubles collapsed: how
//              Russian renders Armenian names — Sahakyan/Саакян, Soghomonyan/Согомонян — and back)
// The transliteration is the search engine's (main/search/transliterate.ts), so a name found by search
// and a name matched here agree.
import { similarity } from '../../shared/anchoring';
import { foldText } from '../../shared/text/fold';
import { nameKeys, sameName } from '../../shared/text/name-key';
import { transliterate } from '../search/transliterate';

export function foldWord(word: string): string {
  return foldText(transliterate(word.toLowerCase()));
}

/** Words of a name, transliterated and folded. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['’]s\b/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldWord);
}

export function aliasKey(name: string): string {
  return nameWords(name).join(' ');
}

/**
 * A spelling-insensitive form of one word (sahakyan, saakyan → saakan; soghomonyan → sogomonan; arkady, arkadiy →
 * arkadi).
 */
export function skeletonWord(word: string): string {
  return word
    .replace(/iy$|y$/, 'i') // Arkady, Аркадий (arkadiy) → arkadi
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/[hyj']/g, '')
    .replace(/(.)\1+/g, '$1');
}

export function skeleton(name: string): string {
  return nameWords(name).map(skeletonWord).join(' ');
}

export function predicateKey(predicate: string): string {
  return predicate.trim().toLowerCase().replace(/\s+/gu, ' ');
}

export interface NameMatch {
  score: number;
  reasons: string[];
}

/** How likely two names (of entities of the same type) name the same thing. 0 when unrelated. */
export function compareNames(a: string, b: string): NameMatch {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return { score: 0, reasons: [] };
  if (wa.join(' ') === wb.join(' ')) return { score: 1, reasons: ['same name'] };
  const sa = wa.map(skeletonWord);
  const sb = wb.map(skeletonWord);
  // The cross-script name key folds what Russian and Latin renderings of Armenian names change (Оганесян /
  // Hovhannisyan, Ղարաբաղ / Karabakh) and Russian and Armenian case endings (Саргсяна, Սարգսյանը).
  if (sa.join(' ') === sb.join(' ') || sameName(a, b))
    return { score: 0.95, reasons: ['same name in another spelling or script'] };

  const lastA = sa[sa.length - 1];
  const lastB = sb[sb.length - 1];
  const surnameSimilarity = similarity(lastA, lastB);
  const reasons: string[] = [];
  let score = 0;
  if (surnameSimilarity === 1 || (surnameSimilarity >= 0.8 && Math.min(lastA.length, lastB.length) >= 5)) {
    reasons.push(surnameSimilarity === 1 ? 'same surname' : 'similar surname');
    const firstA = sa.length > 1 ? sa[0] : null;
    const firstB = sb.length > 1 ? sb[0] : null;
    if (firstA && firstB) {
      const firstSimilarity = similarity(firstA, firstB);
      if (
        firstSimilarity >= 0.75 ||
        (firstA.length === 1 && firstB.startsWith(firstA)) ||
        (firstB.length === 1 && firstA.startsWith(firstB))
      ) {
        reasons.push('first name agrees');
        score = 0.9 * (0.5 + surnameSimilarity / 2);
      } else return { score: 0, reasons: [] }; // another person with the same surname
    } else {
      reasons.push('one of them is the surname alone');
      score = 0.8 * (0.5 + surnameSimilarity / 2);
    }
  }
  const whole = similarity(wa.join(' '), wb.join(' '));
  if (whole >= 0.85 && whole * 0.9 > score)
    return { score: Math.round(whole * 0.9 * 100) / 100, reasons: ['similar spelling'] };
  return { score: Math.round(score * 100) / 100, reasons };
}

/** Keys that put names which might match into one comparison block: the cross-script keys of the last word. */
export function blockKeys(name: string): string[] {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const last = words[words.length - 1];
  return last ? [...nameKeys(last), skeletonWord(foldWord(last)).slice(0, 3)] : [];
}
