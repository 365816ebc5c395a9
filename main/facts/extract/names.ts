// Names: runs of capitalised words (with name particles: de, van…; and, inside organisation and state
// names, connectors: of, ng, sa…), classified as
//   organisation — a cue word (University, Assembly, Komisyon, комиссия…) or a known acronym (CEC, ЦИК);
//   place        — the whole run is a gazetteer name (Armenia, Армении, Nagorno-Karabakh Republic);
//   person       — after a title (Pangulong, President, г-н) or a Tagalog marker (si, ni, kay), or a
//                  two-to-four-word run that is nothing else, or a lone surname seen in a full name.
// Sentence-initial function words and common capitalised non-names (Ang, Noong, The, According…) are
// dropped, and so is a lone capitalised word at the start of a sentence (Tagalog sentences start with
// their verb: "Kinumpirma", "Hiniling").
import type { Mention, MentionType } from '../../../shared/facts';
import type { Gazetteer } from './gazetteer';
import { wordKey } from './gazetteer';
import {
  COMMON_NOUN_SUFFIX,
  DEMONYMS,
  HY_CASE_ENDINGS,
  HY_FIRST_NAMES,
  LOWERCASE_TITLE_PREFIX,
  NAME_PARTICLES,
  NOT_NAMES,
  OFFICE_TITLES,
  ORG_ACRONYMS,
  ORG_CUES_AFTER,
  ORG_CUES_HEAD,
  ORG_CUES_HY,
  ORG_CUES_HY_ANY_ENDING,
  ORG_CUES_RU,
  ORG_CUES_TAIL,
  PERSON_MARKERS,
  PLACE_CUES,
  PLACE_FIRST_NAMES,
  PLACE_NAME_NOUNS,
  PLACE_UNIT_AFTER,
  PLACE_UNIT_BEFORE,
  RU_COMPOUND_ELEMENT,
  RU_COMPOUND_HEAD,
  RU_COMPOUND_ORG,
  RU_NOUNS_LIKE_VERBS,
  RU_PLACE_UNIT_BEFORE,
  RU_TOWN_PREFIX,
  ONE_OF_A_KIND_BODIES,
  STATE_WORDS,
  STORM_WORDS,
  SURNAME_ENDINGS,
  TEAM_ARTICLES,
  EVENT_TAILS,
  TITLES,
} from './lexicon';
import {
  armenianGenitivePlaceLemma,
  armenianNameLemma,
  armenianPlaceLemma,
  isArmenian,
  isFemaleFirstName,
  russianLocativePlaceLemma,
  russianNameLemma,
  russianTownLemma,
} from './morphology';
import { onlySpaceBetween, type Token } from './text';

interface Candidate {
  type: Exclude<MentionType, 'date' | 'quantity'>;
  tokens: Token[];
  name: string;
  confidence: number;
  /** A lone capitalised word kept only if it turns out to be part of a full name elsewhere. */
  tentative?: boolean;
  /** Where the mention starts when not at its first token (an opening quote: «Քաղաքացիական պայմանագիր»). */
  start?: number;
  /** A place read from a locative ending alone (в Орске): dropped when the word is a person's name elsewhere. */
  byEnding?: boolean;
}

export interface NameContext {
  text: string;
  tokens: Token[];
  gazetteer: Gazetteer;
  /** Offsets already taken by dates and quantities. */
  taken: (start: number, end: number) => boolean;
}

const bare = (t: Token) => t.lower.replace(/\.$/, '');
const isTitle = (t: Token) => TITLES.has(bare(t));
const isTailCue = (t: Token) => ORG_CUES_TAIL.has(t.lower);
const isHeadCue = (t: Token) => ORG_CUES_HEAD.has(t.lower);
const isStateWord = (t: Token) => STATE_WORDS.has(t.lower);
const isPlaceCue = (t: Token) => PLACE_CUES.has(t.lower);
const isCue = (t: Token) => isTailCue(t) || isHeadCue(t) || isStateWord(t) || isPlaceCue(t);
/** Stop words that may be stripped from the front of a run (state words, titles and cues are meaningful there). */
const isLeadingStop = (t: Token) => NOT_NAMES.has(t.lower) && !isStateWord(t) && !isTitle(t) && !isCue(t);
/** Abstract nouns by their suffix (Инаугурация, Երդմնակալության), unless the gazetteer knows the word (России). */
const isCommonNoun = (ctx: NameContext, t: Token) =>
  !t.allCaps &&
  COMMON_NOUN_SUFFIX.test(t.lower) &&
  !isFemaleFirstName(t.text) &&
  !afterArmenianFirstName(ctx, t) &&
  !ctx.gazetteer.lookup([t.text]);
/** A surname that ends like an abstract noun (Մարությանը, -ության) right after an Armenian first name. */
function afterArmenianFirstName(ctx: NameContext, t: Token): boolean {
  if (!isArmenian(t.lower)) return false;
  const before = ctx.tokens[ctx.tokens.indexOf(t) - 1];
  return !!before && HY_FIRST_NAMES.has(before.text) && onlySpaceBetween(ctx.text, before.end, t.start);
}
/** Days and the like never continue a name after a connector ("the Knesset on Monday", "Senado noong Lunes"). */
const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tomorrow',
  'lunes',
  'martes',
  'miyerkules',
  'huwebes',
  'biyernes',
  'sabado',
  'linggo',
]);
const CONNECTOR_WORDS = new Set(['of', 'the', 'for', 'on', 'and', 'ng', 'mga', 'sa', 'para', 'de', 'at', 'и']);

const RU_NOUN_ENDING = /^(?:|а|и|у|е|о|ы|ю|я|ом|ой|ей|ем|ам|ах|ами|ов|ев|ия|ии|ию|ией|ие|ий|ям|ях|ями|овь|ви|вью)$/u;
const RU_ADJECTIVE = /[\u0400-\u04ff]{2,}(?:ая|ое|ый|ий|ой|ые|ие|ого|его|ую|ых|их|ым|им|ей|ом|ем)$/u;
const RU_GENITIVE = /[\u0400-\u04ff]{2,}(?:ых|их|ого|его|ой|ей|ов|ев|ы|и|а|я)$/u;

function isRussianOrgCue(t: Token): boolean {
  if (!/[\u0400-\u04ff]/u.test(t.lower)) return false;
  if (t.cap && russianCompound(t) !== null) return true;
  return ORG_CUES_RU.some((stem) => t.lower.startsWith(stem) && RU_NOUN_ENDING.test(t.lower.slice(stem.length)));
}

/**
 * A Russian compound name of an agency or company (Новосибирскстат, Рослесхоз, Минсельхоз, Газпрома, Росгвардия):
 * 'strong' when it begins with an abbreviated head and a known element (Минфин, Росгидромет) — a name even at the
 * start of a sentence — 'weak' when only its last element says so (Леспромхоз: a name mid-sentence, while a
 * sentence-initial Совхоз is the common noun). Null for other words and for all-capital acronyms.
 */
function russianCompound(t: Token): 'strong' | 'weak' | null {
  if (t.allCaps || !/^[\u0400-\u04ff]+$/u.test(t.lower)) return null;
  const head = RU_COMPOUND_HEAD.exec(t.lower);
  if (head && t.lower.length > head[0].length + 2 && RU_COMPOUND_ELEMENT.test(t.lower.slice(head[0].length))) {
    return 'strong';
  }
  return RU_COMPOUND_ORG.test(t.lower) ? 'weak' : null;
}

/** A compound that names an organisation where it stands: a strong one anywhere, a weak one mid-sentence or when the
 *  part before its element is a known place (Новосибирскстат). */
function isCompoundOrg(ctx: NameContext, t: Token): boolean {
  const kind = russianCompound(t);
  if (kind === 'strong') return true;
  if (kind !== 'weak') return false;
  if (!t.sentenceInitial) return true;
  const place = /^(.{3,}?)(?:стат|банк|энерго|газ|нефт|пром|водоканал|транс)/u.exec(t.text);
  return !!place && !!ctx.gazetteer.lookup([place[1]]);
}

/**
 * A person's name as one string: single spaces, no possessive, initials and Jr. kept with their dot, and
 * the dictionary form of Russian and Armenian names (Сержа Саргсяна → Серж Саргсян, Բակո Սահակյանը → Բակո Սահակյան).
 */
export function personName(words: string[]): string {
  const bare = words.map((w) => w.replace(/['’]s$/u, ''));
  return armenianNameLemma(russianNameLemma(bare)).join(' ');
}

/** The words of a name as written, with an initial's or Jr.'s dot (Fidel V. Ramos). */
function nameWords(ctx: NameContext, tokens: Token[]): string[] {
  return tokens.map((t) => (isInitial(ctx, t) ? `${t.text}.` : t.text));
}

/** A one-letter initial or Jr./Sr. followed by its dot. */
function isInitial(ctx: NameContext, t: Token): boolean {
  return ctx.text[t.end] === '.' && (/^\p{Lu}$/u.test(t.text) || /^(?:jr|sr)$/iu.test(t.text));
}

function surface(ctx: NameContext, tokens: Token[]): string {
  return ctx.text.slice(tokens[0].start, tokens[tokens.length - 1].end).replace(/\s+/gu, ' ');
}

const CYRILLIC = /[\u0400-\u04ff]/u;

function isArmenianOrgCue(t: Token): boolean {
  if (!isArmenian(t.lower)) return false;
  if (ORG_CUES_HY_ANY_ENDING.some((stem) => t.lower.startsWith(stem))) return true;
  return ORG_CUES_HY.some((stem) => t.lower.startsWith(stem) && HY_CASE_ENDINGS.has(t.lower.slice(stem.length)));
}

/**
 * Organisation phrases around a cue noun, where only the first word is capitalised:
 *   Russian  — adjectives before, genitives after: "Центральная избирательная комиссия", "Министерство обороны
 *              Армении", "Содружество Независимых Государств", "ЦИК НКР";
 *   Armenian — modifiers before, back to the capitalised word that starts the name: "Կենտրոնական ընտրական
 *              հանձնաժողովի", "Վրաստանի արտաքին գործերի նախարարության", "«Քաղաքացիական պայմանագիր» կուսակցությունը".
 */
function phraseOrganisations(ctx: NameContext, claimed: Set<Token>): Candidate[] {
  const { tokens, text } = ctx;
  const found: Candidate[] = [];
  const spaced = (a: Token, b: Token) => onlySpaceBetween(text, a.end, b.start);
  const free = (t: Token) => !claimed.has(t) && !ctx.taken(t.start, t.end);
  for (let i = 0; i < tokens.length; i++) {
    const cue = tokens[i];
    if (!free(cue)) continue;
    const russian = CYRILLIC.test(cue.lower) && isRussianOrgCue(cue);
    const armenian = !russian && isArmenianOrgCue(cue);
    if (!russian && !armenian) continue;
    let from = i;
    if (russian) {
      // Adjectives before the noun, up to the capitalised one that starts the name.
      while (
        from > 0 &&
        i - from < 3 &&
        !tokens[from].cap &&
        RU_ADJECTIVE.test(tokens[from - 1].lower) &&
        spaced(tokens[from - 1], tokens[from]) &&
        free(tokens[from - 1])
      )
        from--;
    } else {
      const quoted = /»\s*$/u.exec(text.slice(Math.max(0, cue.start - 3), cue.start));
      if (quoted) {
        const open = text.lastIndexOf('«', cue.start);
        while (from > 0 && tokens[from - 1].start > open && free(tokens[from - 1])) from--;
      } else {
        // A participle ends the modifiers: "Փաշինյանի գլխավորած կուսակցությունը" is the party led by someone. So
        // does a word that is neither a genitive nor an adjective (a verb: "Նոր Հաճնում անցկացվեց ժողով").
        while (
          from > 0 &&
          i - from < 4 &&
          !tokens[from].cap &&
          !HY_PARTICIPLE.test(tokens[from].lower) &&
          isArmenian(tokens[from - 1].lower) &&
          (tokens[from - 1].cap || HY_MODIFIER.test(tokens[from - 1].lower)) &&
          spaced(tokens[from - 1], tokens[from]) &&
          free(tokens[from - 1])
        )
          from--;
        // A person's genitive is whose the body is ("Գագիկ Ծառուկյանի կուսակցությունը"), not the body's name: the
        // name stays a person.
        if (from < i && tokens[from].cap && HY_SURNAME_GENITIVE.test(tokens[from].lower)) continue;
      }
    }
    while (from < i && !tokens[from].cap) from++;
    let to = i;
    const compound = russian && cue.cap && russianCompound(cue) !== null;
    if (compound && !isCompoundOrg(ctx, cue)) continue;
    if (russian && !compound && tokens[from] === cue && cue.cap) {
      // Head-first names: Министерство обороны, Совет Федерации, Содружество Независимых Государств.
      let k = 0;
      // An adjective's noun joins whatever its ending (Министерство иностранных дел).
      const genitive = (t: Token) =>
        RU_GENITIVE.test(t.lower) || (!t.cap && CYRILLIC.test(t.lower) && RU_ADJECTIVE.test(tokens[to].lower));
      while (
        k < 3 &&
        to + 1 < tokens.length &&
        genitive(tokens[to + 1]) &&
        !SURNAME_ENDINGS.test(tokens[to + 1].lower) &&
        spaced(tokens[to], tokens[to + 1]) &&
        free(tokens[to + 1])
      ) {
        to++;
        k++;
      }
    }
    // Then the place or acronym it belongs to (ЦИК НКР, Национальное собрание Армении), not a following name.
    let caps = 0;
    while (
      russian &&
      caps < 2 &&
      to + 1 < tokens.length &&
      tokens[to + 1].cap &&
      spaced(tokens[to], tokens[to + 1]) &&
      free(tokens[to + 1]) &&
      (tokens[to + 1].allCaps || ctx.gazetteer.lookup([tokens[to + 1].text]))
    ) {
      to++;
      caps++;
    }
    const phrase = tokens.slice(from, to + 1);
    const proper = phrase[0].cap && (compound || !(phrase.length === 1 && phrase[0].sentenceInitial));
    if (!proper) continue;
    phrase.forEach((t) => claimed.add(t));
    const start = text[phrase[0].start - 1] === '«' ? phrase[0].start - 1 : phrase[0].start;
    const name = text.slice(start, phrase[phrase.length - 1].end).replace(/\s+/gu, ' ');
    found.push({
      type: 'organisation',
      tokens: phrase,
      name,
      confidence: 0.8,
      ...(start !== phrase[0].start ? { start } : {}),
    });
    i = to;
  }
  return found;
}

/** Armenian surnames in the nominative (Սարգսյան, Բագրատունի). */
const HY_SURNAME = /(?:յան|յանց|ունց|ունի)$/u;
/** Armenian finite verbs that can open a sentence before its subject: the aorist (Ընտրվեց, Հաղթեց, Ստացավ). */
const HY_VERB = /^[\u0531-\u0587]{2,}(?:եց|եցին|ացին|ցավ|ձավ|սավ|վեց)$/u;

/**
 * A capitalised Armenian word that opens a sentence before a name without being part of it: a verb (Ընտրվեց Լևոն
 * Զուրաբյանը), a common noun with its article (Ավտոբուսը Փարաքարից …) or an organisation noun alone (Դատարանում …).
 * Not a first name, a surname or a known place.
 */
function armenianOpener(ctx: NameContext, t: Token): boolean {
  if (!isArmenian(t.lower) || HY_FIRST_NAMES.has(t.text)) return false;
  if (HY_VERB.test(t.lower) || isArmenianOrgCue(t)) return true;
  return (
    /.{3,}ը$/u.test(t.lower) && !HY_SURNAME.test(armenianNameLemma([t.lower])[0]) && !ctx.gazetteer.lookup([t.text])
  );
}

/** Armenian modifiers of an organisation noun: genitives (-ի, -ու, -ան of -ում nouns) and adjectives (-ական, -ային,
 *  -յին, -ին). */
const HY_MODIFIER = /(?:ի|ու|ման|ան|ին|ած)$/u;
/** The genitive of an Armenian surname (Ծառուկյանի, Բագրատունու): a person's, in front of what is theirs. */
const HY_SURNAME_GENITIVE = /(?:յանի|յանց|ունու|ունիի)$/u;

/** Armenian participles of leading and founding (գլխավորած, ղեկավարած, հիմնադրած): "led by the name before". */
const HY_PARTICIPLE = /^(?:գլխավոր|ղեկավար|հիմնադր|նախագահ)(?:ած|ող)$/u;

/** Runs of capitalised words, joined by particles and (inside organisation and state names) connectors. */
interface Run {
  run: Token[];
  prev: Token | undefined;
  /** The word before `prev` (the office in "Ministro ng Ugnayang Panlabas"). */
  prev2: Token | undefined;
  /** The lower-case word right after the run (the cue in "Civil Contract party"). */
  next: Token | undefined;
}

function capitalRuns(ctx: NameContext, claimed: Set<Token>): Run[] {
  const { tokens, text } = ctx;
  const usable = (t: Token | undefined): boolean => !!t && t.cap && !claimed.has(t) && !ctx.taken(t.start, t.end);
  const dotted = (a: Token) => isTitle(a) || isInitial(ctx, a);
  const spaced = (a: Token, b: Token) =>
    onlySpaceBetween(text, a.end, b.start) || (dotted(a) && /^\.\s{1,2}$/u.test(text.slice(a.end, b.start)));
  const runs: Run[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!usable(tokens[i])) continue;
    const run = [tokens[i]];
    let j = i + 1;
    let joinedByConnector = false;
    while (j < tokens.length) {
      const last = run[run.length - 1];
      const t = tokens[j];
      if (!spaced(last, t)) break;
      // A possessive ends a name: Nikol Pashinyan's | Civil Contract.
      if (/['’]s$/u.test(last.text)) break;
      if (usable(t)) {
        run.push(t);
        j++;
        continue;
      }
      if (t.cap) break;
      // Name particles: Charles de Gaulle, Ludwig van Beethoven.
      if (NAME_PARTICLES.has(t.lower) && usable(tokens[j + 1]) && spaced(t, tokens[j + 1]) && !run.some(isCue)) {
        run.push(t, tokens[j + 1]);
        j += 2;
        continue;
      }
      // Connectors inside organisation and state names: Ministry of Foreign Affairs, Komisyon sa Halalan.
      if (run.some(isCue)) {
        const connector = connectorAt(ctx, j, run, joinedByConnector);
        if (
          connector > 0 &&
          usable(tokens[j + connector]) &&
          !TIME_WORDS.has(tokens[j + connector].lower) &&
          spaced(tokens[j + connector - 1], tokens[j + connector])
        ) {
          for (let k = 0; k <= connector; k++) run.push(tokens[j + k]);
          j += connector + 1;
          joinedByConnector = true;
          continue;
        }
      }
      break;
    }
    const adjacent = (k: number) => k > 0 && /^[\s\u00a0]{1,2}$/u.test(text.slice(tokens[k - 1].end, tokens[k].start));
    const prev = adjacent(i) ? tokens[i - 1] : undefined;
    const prev2 = prev && adjacent(i - 1) ? tokens[i - 2] : undefined;
    const after = tokens[j];
    const next =
      after && !after.cap && onlySpaceBetween(text, run[run.length - 1].end, after.start) ? after : undefined;
    runs.push({ run, prev, prev2, next });
    i = j - 1;
  }
  return runs;
}

/** Length in tokens of a connector starting at token j (0 when there is none). */
function connectorAt(ctx: NameContext, j: number, run: Token[], joinedBefore: boolean): number {
  const { tokens, text } = ctx;
  const w = (k: number) => tokens[j + k]?.lower;
  const spaced = (k: number) => onlySpaceBetween(text, tokens[j + k - 1].end, tokens[j + k].start);
  // "sa" (in, at) joins only right after a head cue: Komisyon sa Halalan, not Unibersidad ng Pilipinas sa Diliman.
  const headFirst = (isHeadCue(run[0]) || isStateWord(run[0])) && run.length === 1;
  if (
    (w(0) === 'of' && w(1) === 'the') ||
    (w(0) === 'ng' && w(1) === 'mga') ||
    (w(0) === 'para' && w(1) === 'sa' && headFirst)
  )
    return spaced(1) ? 2 : 0;
  if (['of', 'for', 'on', 'ng', 'de'].includes(w(0)!)) return 1;
  if (w(0) === 'sa' && headFirst) return 1;
  if (['and', 'at', 'и'].includes(w(0)!) && joinedBefore) return 1;
  return 0;
}

/** Context around a run first: the office in "Ministro ng Ugnayang Panlabas", the cue in "Civil Contract party". */
function classifyRun(ctx: NameContext, { run: input, prev: before, prev2, next }: Run): Candidate[] {
  let run = input;
  let prev = before;
  while (run.length > 1 && isLeadingStop(run[0])) run = run.slice(1);
  // A capitalised preposition at the start of a sentence is still the word before the name (В Сызрани, На Кубе).
  if (run !== input && RU_LOCATIVE.has(input[input.length - run.length - 1].lower))
    prev = input[input.length - run.length - 1];
  const proper = run.every((t) => t.cap) && !run.some((t) => isLeadingStop(t) || isTitle(t));
  const office = prev && prev2 && ['ng', 'of'].includes(prev.lower) && OFFICE_TITLES.has(bare(prev2));
  const cueAfter = next && ORG_CUES_AFTER.has(next.lower);
  if (proper && (office || cueAfter) && !ctx.gazetteer.lookup(run.map((t) => t.text))) {
    return [{ type: 'organisation', tokens: run, name: surface(ctx, run), confidence: 0.7 }];
  }
  // The place of a local office: alkalde ng San Juan, mayor of Chorzów, gobernador ng Albay.
  if (
    proper &&
    run.length <= 3 &&
    prev &&
    prev2 &&
    ['ng', 'of'].includes(prev.lower) &&
    PLACE_OFFICES.has(bare(prev2)) &&
    !input.some((t) => isTitle(t) || isCue(t) || t.allCaps) &&
    ctx.gazetteer.match(input.map((t) => t.text)).length === 0
  ) {
    const known = ctx.gazetteer.lookup(run.map((t) => t.text));
    return [{ type: 'place', tokens: run, name: known ? known.name : surface(ctx, run), confidence: 0.75 }];
  }
  if (proper && isCountryTeam(ctx, run, prev)) {
    return [{ type: 'organisation', tokens: run, name: surface(ctx, run), confidence: 0.7 }];
  }
  const split = proper && run.length >= 2 && run.length <= 4 ? settlementAndRegion(ctx, run, prev, next) : null;
  if (split) return split;
  const unit = proper && run.length <= 3 ? placeByUnit(ctx, run, prev, prev2, next) : null;
  if (unit) return [unit];
  const locative = proper && run.length === 1 ? placeByLocative(ctx, run[0], prev) : null;
  if (locative) return [locative];
  const town = proper ? prefixedTown(ctx, run[run.length - 1]) : null;
  if (town) return run.length === 1 ? [town] : [...classify(ctx, run.slice(0, -1), prev), town];
  if (proper && quotedAfterCue(ctx, run)) {
    return [{ type: 'organisation', tokens: run, name: surface(ctx, run), confidence: 0.75 }];
  }
  if (proper && run.length <= 2 && prev && LOCATIVE.has(prev.lower) && beforeCountry(ctx, run)) {
    const known = ctx.gazetteer.lookup(run.map((t) => t.text));
    return [{ type: 'place', tokens: run, name: known ? known.name : surface(ctx, run), confidence: 0.7 }];
  }
  return classify(ctx, input, prev);
}

/**
 * A team named by its country after an article (ang Gilas Pilipinas, ng Alas Pilipinas) or after "Team" (Team
 * USA): the run ends with a country, what comes before it is not a place, a title or a cue. A person whose
 * surname is a country (si Jordan Clarkson, Michael Jordan) has no such article.
 */
function isCountryTeam(ctx: NameContext, run: Token[], prev: Token | undefined): boolean {
  if (run.length < 2 || run.length > 3) return false;
  const lead = run.slice(0, -1);
  const team = run[0].lower === 'team';
  if (!team && !(prev && !prev.cap && TEAM_ARTICLES.has(prev.lower))) return false;
  if (ctx.gazetteer.lookup(run.map((t) => t.text))) return false;
  if (ctx.gazetteer.lookup([run[run.length - 1].text])?.kind !== 'country') return false;
  return lead.every(
    (t) => t.cap && !isTitle(t) && !isCue(t) && !DEMONYMS.has(t.lower) && (team || !ctx.gazetteer.lookup([t.text])),
  );
}

/** A Russian adjective that agrees with a region word after it: Московской (области), Пермского (края). */
const RU_REGION_ADJECTIVE = /[\u0400-\u04ff]{3,}(?:ской|ского|скому|ском|скую|цкой|цкого|цком|ной|ного|ном|ную)$/u;
const RU_REGION_UNIT = /^(?:област[ьиюе]|кра[йяюе]|краем|район[аеуом]*|округ[аеуом]*)$/u;

/**
 * A settlement followed by its region: в деревне Орудьево Московской области, в Малиновке Тульской области. The
 * last word (an adjective agreeing with область/край/район) and the unit are the region; the words before it are
 * the settlement, named as written (or in the nominative, read from the locative, after в/во/на).
 */
function settlementAndRegion(
  ctx: NameContext,
  run: Token[],
  prev: Token | undefined,
  next: Token | undefined,
): Candidate[] | null {
  if (!next || !RU_REGION_UNIT.test(next.lower)) return null;
  const region = run[run.length - 1];
  if (!RU_REGION_ADJECTIVE.test(region.lower)) return null;
  const settlement = run.slice(0, -1);
  if (settlement.some((t) => isTitle(t) || isCue(t) || !CYRILLIC.test(t.lower) || t.allCaps)) return null;
  const words = settlement.map((t) => t.text);
  const known = ctx.gazetteer.lookup(words);
  const lemma =
    !known && settlement.length === 1 && prev && RU_LOCATIVE.has(prev.lower)
      ? russianLocativePlaceLemma(settlement[0].text)
      : null;
  const regionKnown = ctx.gazetteer.lookup([region.text, next.text]) ?? ctx.gazetteer.lookup([region.text]);
  return [
    {
      type: 'place',
      tokens: settlement,
      name: known ? known.name : (lemma ?? surface(ctx, settlement)),
      confidence: known ? 0.9 : 0.7,
    },
    { type: 'place', tokens: [region], name: regionKnown ? regionKnown.name : region.text, confidence: 0.8 },
  ];
}

/** Local elected offices whose "of …" / "ng …" names a place (alkalde ng San Juan, mayor of Chorzów). */
const PLACE_OFFICES = new Set([
  'alkalde',
  'meyor',
  'mayor',
  'bise-alkalde',
  'gobernador',
  'bise-gobernador',
  'governor',
  'vice-governor',
]);

/** Russian prepositions taking the locative of a place: в Орске, во Владикавказе, на Камчатке. */
const RU_LOCATIVE = new Set(['в', 'во', 'на']);

/**
 * A capitalised Russian word in a locative form after в/во/на is a place even when no gazetteer knows it (в Орске,
 * в Сент-Луисе, в Тюмени, в Кемерово): not an adjective, an abbreviation, a known organisation noun, an abstract
 * noun or a surname-like word; its value is the nominative read from the ending.
 */
function placeByLocative(ctx: NameContext, t: Token, prev: Token | undefined): Candidate | null {
  if (!prev || !RU_LOCATIVE.has(prev.lower) || t.allCaps || t.lower.length < 4) return null;
  if (!/^[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*$/u.test(t.lower)) return null;
  if (ctx.gazetteer.lookup([t.text]) || isCommonNoun(ctx, t) || isCue(t)) return null;
  if (!t.lower.includes('-') && RU_ADJECTIVE.test(t.lower)) return null;
  if (isRussianOrgCue(t) || isFemaleFirstName(t.text) || SURNAME_ENDINGS.test(t.lower)) return null;
  const name = russianLocativePlaceLemma(t.text);
  if (!name) return null;
  return { type: 'place', tokens: [t], name, confidence: 0.6, byEnding: true };
}

/** A hyphenated Russian town name with a place prefix (Южно-Курильска, Усть-Илимск), known to no gazetteer. */
function prefixedTown(ctx: NameContext, t: Token): Candidate | null {
  if (t.allCaps || !RU_TOWN_PREFIX.test(t.lower) || !/^[\u0400-\u04ff-]+$/u.test(t.lower)) return null;
  if (RU_ADJECTIVE.test(t.lower) || ctx.gazetteer.lookup([t.text])) return null;
  return { type: 'place', tokens: [t], name: russianTownLemma(t.text), confidence: 0.65 };
}

/**
 * An English demonym of a country the gazetteer knows (Libyan, Kenyan, Nigerian, Israeli, Japanese, Chinese):
 * an adjective, not a surname.
 */
function isCountryDemonym(ctx: NameContext, t: Token): boolean {
  if (!/^[A-Z][a-z]+$/u.test(t.text)) return false;
  for (const [suffix, add] of [
    ['ese', ''],
    ['ese', 'a'],
    ['ian', ''],
    ['ian', 'ia'],
    ['an', ''],
    ['an', 'a'],
    ['n', ''],
    ['i', ''],
  ] as const) {
    if (!t.text.endsWith(suffix) || t.text.length - suffix.length < 3) continue;
    const base = t.text.slice(0, -suffix.length) + add;
    if (ctx.gazetteer.lookup([base])?.kind === 'country') return true;
  }
  return false;
}

/** A name in quotes right after an organisation noun: правозащитный центр «Мемориал», the party "Forward". */
function quotedAfterCue(ctx: NameContext, run: Token[]): boolean {
  const { text, tokens } = ctx;
  const first = tokens.indexOf(run[0]);
  const last = run[run.length - 1];
  if (first < 1 || !/^[«“"„]$/u.test(text.slice(tokens[first - 1].end, run[0].start).trim())) return false;
  if (!/^[»”"“]/u.test(text.slice(last.end, last.end + 1))) return false;
  const cue = tokens[first - 1];
  return !cue.cap && (isRussianOrgCue(cue) || isTailCue(cue) || isHeadCue(cue) || isArmenianOrgCue(cue));
}

/** Prepositions of place before a name (in Chorzów, Poland; sa Miami; в Орске). */
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'sa', 'taga', 'в', 'во', 'из', 'под']);

/** Whether the run is followed by a comma and a country: "Chorzów, Poland", "Gyumri, Armenia". */
function beforeCountry(ctx: NameContext, run: Token[]): boolean {
  const { text, tokens } = ctx;
  const i = tokens.indexOf(run[run.length - 1]);
  const after = tokens[i + 1];
  if (!after || !after.cap || !/^,\s{1,2}$/u.test(text.slice(tokens[i].end, after.start))) return false;
  for (let n = 3; n >= 1; n--) {
    const words = tokens.slice(i + 1, i + 1 + n);
    if (words.length < n || !words.every((t) => t.cap)) continue;
    if (ctx.gazetteer.lookup(words.map((t) => t.text))?.kind === 'country') return true;
  }
  return false;
}

/**
 * A name next to a word for an administrative unit is a place, known or not: lungsod ng Naga, city of Chorzów,
 * Kahramanmaraş province, Оренбургской области, город Орск, Սպիտակ քաղաքում, Դսեղ գյուղում. The value is the
 * gazetteer's name, else the name as written (Armenian without its case ending).
 */
/** Armenian words after a place that take it in the genitive: its province, residents, population and head (Շիրակի
 *  մարզ, Փարաքարի բնակիչները, Աբովյանի քաղաքապետ), unlike the apposition of Աշտարակ քաղաք. */
const HY_GENITIVE_UNIT = /^(?:մարզ|բնակիչ|բնակչ|քաղաքապետ|համայնքապետ|գյուղապետ)/u;

function placeByUnit(
  ctx: NameContext,
  run: Token[],
  prev: Token | undefined,
  prev2: Token | undefined,
  next: Token | undefined,
): Candidate | null {
  const before =
    (prev && prev2 && ['ng', 'of'].includes(prev.lower) && PLACE_UNIT_BEFORE.has(prev2.lower)) ||
    (prev && RU_PLACE_UNIT_BEFORE.test(prev.lower));
  const after = next && PLACE_UNIT_AFTER.test(next.lower);
  if (!before && !after) return null;
  if (run.some((t) => isTitle(t) || isCue(t) || PERSON_MARKERS.has(t.lower) || /\d/u.test(t.text))) return null;
  const words = run.map((t) => t.text);
  const known = (after && next ? ctx.gazetteer.lookup([...words, next.text]) : null) ?? ctx.gazetteer.lookup(words);
  const armenian = run.length === 1 && isArmenian(run[0].lower);
  const genitive = armenian && next && HY_GENITIVE_UNIT.test(next.lower);
  // There the place is in the genitive (Աբովյանի քաղաքապետ); "Նոր քաղաքապետը" is the new mayor.
  if (genitive && !known && !/(?:ի|ու)$/u.test(run[0].lower)) return null;
  const name = known
    ? known.name
    : genitive
      ? armenianGenitivePlaceLemma(run[0].text)
      : armenian
        ? armenianPlaceLemma(run[0].text)
        : surface(ctx, run);
  return { type: 'place', tokens: run, name, confidence: known ? 0.9 : 0.7 };
}

function classify(ctx: NameContext, input: Token[], prev: Token | undefined): Candidate[] {
  // A gazetteer name may begin with a word that is otherwise a stop word (South Ossetia, The Bahamas).
  // So may one after a stop word (Sa Lungsod Quezon).
  let run = input;
  for (;;) {
    const whole = run.length > 1 && run.every((t) => t.cap) ? ctx.gazetteer.lookup(run.map((t) => t.text)) : null;
    if (whole) return [{ type: 'place', tokens: run, name: whole.name, confidence: 0.9 }];
    if (!(
      run.length > 0 &&
      (isLeadingStop(run[0]) ||
        isCommonNoun(ctx, run[0]) ||
        (!run[0].cap && CONNECTOR_WORDS.has(run[0].lower)) ||
        (run.length > 1 && run[0].sentenceInitial && armenianOpener(ctx, run[0])))
    ))
      break;
    prev = run[0];
    run = run.slice(1);
  }
  while (run.length > 0 && !run[run.length - 1].cap) run = run.slice(0, -1);
  if (run.length === 0) return [];
  const words = run.map((t) => t.text);
  const name = surface(ctx, run);

  // A storm's name (Cyclone Freddy, Bagyong Kristine, Тайфун Хагибис, typhoon Haiyan) is not a person.
  if (STORM_WORDS.test(run[0].lower) || (prev && !prev.cap && STORM_WORDS.test(prev.lower))) return [];
  // An event (Grand Slam, World Cup, SEA Games, Tokyo Olympics): only the places inside it are mentions.
  if (EVENT_TAILS.has(run[run.length - 1].lower) && (run.length > 1 || !run[0].sentenceInitial)) {
    return ctx.gazetteer.match(words).map((p) => ({
      type: 'place' as const,
      tokens: run.slice(p.from, p.to),
      name: p.name,
      confidence: 0.8,
    }));
  }

  // Buildings and sites: Palasyo ng Malacañang, Legislative Palace of San Lázaro, Araneta Coliseum.
  if (run.some(isPlaceCue) && (run.length > 1 || !run[0].sentenceInitial)) {
    const known = ctx.gazetteer.lookup(words);
    return [{ type: 'place', tokens: run, name: known ? known.name : name, confidence: 0.75 }];
  }
  // A unit as the name's last word: Kahramanmaraş Province, Davao Region.
  if (run.length >= 2 && run.length <= 4 && PLACE_UNIT_AFTER.test(run[run.length - 1].lower) && !run.some(isCue)) {
    const core = run.slice(0, -1);
    // A river or lake is not the town it shares a name with (Marikina River).
    const water = /^(?:river|lake)$/u.test(run[run.length - 1].lower);
    const known = ctx.gazetteer.lookup(words) ?? (water ? null : ctx.gazetteer.lookup(core.map((t) => t.text)));
    if (known || core.every((t) => !isTitle(t))) {
      return [{ type: 'place', tokens: run, name: known ? known.name : name, confidence: 0.75 }];
    }
  }

  // Known acronyms: CEC, ЦИК, UN, ООН.
  if (run.length === 1 && ORG_ACRONYMS[run[0].text] !== undefined) {
    return [{ type: 'organisation', tokens: run, name: ORG_ACRONYMS[run[0].text], confidence: 0.85 }];
  }

  // The whole run is a place: Armenia, Армении, Czech Republic, Nagorno-Karabakh Republic.
  const place = ctx.gazetteer.lookup(words);
  if (place) return [{ type: 'place', tokens: run, name: place.name, confidence: 0.9 }];
  // Armenian locative: only places take -ում among capitalised words (Գյումրիում, Ստեփանակերտում, Նոր Հաճնում).
  const lastWord = run[run.length - 1];
  if (
    run.length <= 3 &&
    run.every((t) => isArmenian(t.lower)) &&
    /ում$/u.test(lastWord.lower) &&
    lastWord.lower.length > 5
  ) {
    const lemma = [...words.slice(0, -1), armenianPlaceLemma(lastWord.text)].join(' ');
    return [{ type: 'place', tokens: run, name: lemma, confidence: 0.7 }];
  }
  // A lone word in the ablative or instrumental (Ակնալիճից, Մասիսով) is a place unless its stem is a first name or a
  // surname (Արամից, Սարգսյանից): persons are "from" someone far less often in news than places.
  if (run.length === 1 && isArmenian(run[0].lower) && /.{3,}(?:ից|ով)$/u.test(run[0].lower)) {
    const stem = armenianPlaceLemma(run[0].text);
    const personal = HY_FIRST_NAMES.has(stem) || HY_FIRST_NAMES.has(stem.replace(/յ$/u, '')) || HY_SURNAME.test(stem);
    if (!personal && stem !== run[0].text) return [{ type: 'place', tokens: run, name: stem, confidence: 0.65 }];
  }

  // Organisations by cue words.
  if (isHeadCue(run[0]) && (run.length > 1 || !run[0].sentenceInitial || ONE_OF_A_KIND_BODIES.has(run[0].lower))) {
    const tailIndex = lastIndex(run, isTailCue);
    const joined = run.some((t) => !t.cap);
    if (joined || tailIndex === run.length - 1 || tailIndex === -1) {
      return [{ type: 'organisation', tokens: run, name, confidence: run.length > 1 ? 0.85 : 0.6 }];
    }
  }
  const cue = lastIndex(run, isTailCue);
  if (cue >= 0) {
    const connectorAfter = run.slice(cue + 1).some((t) => !t.cap);
    const end = connectorAfter ? run.length - 1 : cue;
    const org = run.slice(0, end + 1);
    if (org.length > 1 || !org[0].sentenceInitial || ONE_OF_A_KIND_BODIES.has(org[0].lower)) {
      const found: Candidate[] = [
        { type: 'organisation', tokens: org, name: surface(ctx, org), confidence: org.length > 1 ? 0.85 : 0.6 },
      ];
      return end + 1 < run.length ? [...found, ...classify(ctx, run.slice(end + 1), run[end])] : found;
    }
    return [];
  }

  // States: Republika ng …, … Republic, Республика …; a name after the state is not part of it
  // (Нагорно-Карабахской Республики Араик Арутюнян).
  const state = lastIndex(run, isStateWord);
  if (state > 0 && state < run.length - 1) {
    const head = run.slice(lastIndex(run.slice(0, state), isTitle) + 1, state + 1);
    return [...classify(ctx, head, prev), ...classify(ctx, run.slice(state + 1), run[state])];
  }
  if (state >= 0) {
    const core = run.filter((t) => !isStateWord(t) && t.cap);
    const known = core.length > 0 ? ctx.gazetteer.lookup(core.map((t) => t.text)) : null;
    return [{ type: 'place', tokens: run, name: known ? known.name : name, confidence: known ? 0.9 : 0.6 }];
  }

  // Titles: the person is what follows the last title (Deputy Defense Minister Vitaly Balasanyan).
  const title = lastIndex(run, isTitle);
  if (title >= 0) {
    const rest = run.slice(title + 1);
    return rest.length > 0 ? classify(ctx, rest, run[title]) : [];
  }

  // After si / ni / kay the run is a person even when it starts like a place (si Jordan Clarkson).
  if (prev && PERSON_MARKERS.has(prev.lower)) return classifyPerson(ctx, run, true);

  // A sentence-initial Russian noun before a known place in the genitive governs it (Бюджет Санкт-Петербурга, Мэр
  // Казани): not a name. A first name agrees with its surname instead (Александр Пушкин, Александра Пушкина).
  if (
    run.length >= 2 &&
    run[0].sentenceInitial &&
    /^[\u0400-\u04ff]+$/u.test(run[0].lower) &&
    /[бвгджзклмнпрстфхцчшщьйео]$/u.test(run[0].lower) &&
    !isFemaleFirstName(run[0].text) &&
    /[аяыи]$/u.test(run[run.length - 1].lower) &&
    ctx.gazetteer.lookup(words.slice(1))
  ) {
    return classify(ctx, run.slice(1), run[0]);
  }
  const lead = ctx.gazetteer.match(words)[0];
  // A place that is also a first name, before one capitalised word no gazetteer knows, is the first name of a person
  // (Jordan Henderson, Victoria Beckham, Paris Hilton); a place after it is not a surname (Georgia Tbilisi).
  if (
    run.length === 2 &&
    lead &&
    lead.from === 0 &&
    lead.to === 1 &&
    PLACE_FIRST_NAMES.has(run[0].lower) &&
    /^\p{Lu}\p{Ll}{2,}$/u.test(run[1].text) &&
    !isCue(run[1]) &&
    !isTitle(run[1]) &&
    !EVENT_TAILS.has(run[1].lower) &&
    !PLACE_NAME_NOUNS.has(run[1].lower) &&
    !PLACE_UNIT_AFTER.test(run[1].lower) &&
    ctx.gazetteer.match([run[1].text]).length === 0
  ) {
    return classifyPerson(ctx, run, false);
  }
  // A place or acronym in front of a name belongs to neither (президента НКР Бако Саакяна, US Senator…).
  if (run.length > 1 && lead && lead.from === 0 && lead.to < run.length) {
    return [
      { type: 'place', tokens: run.slice(0, lead.to), name: lead.name, confidence: 0.85 },
      ...classify(ctx, run.slice(lead.to), run[lead.to - 1]),
    ];
  }
  // An unknown acronym before a country is that country's body: МЧС России, МИД Армении, DFA Philippines.
  if (
    run.length >= 2 &&
    run[0].allCaps &&
    run[0].text.length >= 2 &&
    run[0].text.length <= 6 &&
    ORG_ACRONYMS[run[0].text] === undefined &&
    !ctx.gazetteer.lookup([run[0].text]) &&
    ctx.gazetteer.lookup(run.slice(1).map((t) => t.text))
  ) {
    return [{ type: 'organisation', tokens: run, name, confidence: 0.75 }];
  }
  if (run.length > 1 && run[0].allCaps && ORG_ACRONYMS[run[0].text] !== undefined) {
    return [
      { type: 'organisation', tokens: [run[0]], name: ORG_ACRONYMS[run[0].text], confidence: 0.85 },
      ...classify(ctx, run.slice(1), run[0]),
    ];
  }

  // Several places in one run (no commas between them) are still places; a partial match is not.
  const places = ctx.gazetteer.match(words);
  if (places.length > 1 && places.reduce((n, p) => n + (p.to - p.from), 0) === run.length) {
    return places.map((p) => ({
      type: 'place' as const,
      tokens: run.slice(p.from, p.to),
      name: p.name,
      confidence: 0.85,
    }));
  }

  // Unknown acronyms: probably organisations; at the start of a sentence only a Cyrillic or Armenian one before a
  // lower-case word (МВД сообщило …), not a Latin heading in capitals.
  if (run.length === 1 && run[0].allCaps && run[0].text.length <= 6) {
    return !run[0].sentenceInitial || acronymBeforeLowerCase(ctx, run[0])
      ? [{ type: 'organisation', tokens: run, name, confidence: 0.4 }]
      : [];
  }

  const marked = !!prev && (PERSON_MARKERS.has(prev.lower) || LOWERCASE_TITLE_PREFIX.test(prev.lower) || isTitle(prev));
  return classifyPerson(ctx, run, marked);
}

function acronymBeforeLowerCase(ctx: NameContext, t: Token): boolean {
  if (!CYRILLIC.test(t.lower) && !isArmenian(t.lower)) return false;
  const after = ctx.tokens[ctx.tokens.indexOf(t) + 1];
  return !!after && !after.cap && after.sentence === t.sentence && onlySpaceBetween(ctx.text, t.end, after.start);
}

/** Russian adjectives in the nominative that also end surnames (Советский, Римский, Японская). */
const RU_ADJECTIVE_LIKE_SURNAME = /[\u0400-\u04ff]{3,}(?:[сц]кий|[сц]кая|[сц]кое|[сц]кие)$/u;
/**
 * Singular verb forms after a subject: past (заявил, родилась) and present or future (заявляет, говорит). A surname
 * is singular, so plural forms (-ли, -ут, -ят) are left out: they would read nouns such as статут, институт as verbs.
 */
const RU_VERB_FORM =
  /[\u0400-\u04ff]{2,}(?:[аеиоуыяё]л(?:а|о|ся|ась|ось)?|[аеиоуыяюё]ет(?:ся)?|[^аеиоуыяюё]ит(?:ся)?)$/u;

/**
 * A capitalised Russian adjective right before the lower-case noun it qualifies (Советский хоккеист, признал
 * Римский статут): not a surname. A surname in -ский before a verb (Жириновский заявил) stays one.
 */
function adjectiveBeforeNoun(ctx: NameContext, t: Token): boolean {
  if (!RU_ADJECTIVE_LIKE_SURNAME.test(t.lower)) return false;
  const after = ctx.tokens[ctx.tokens.indexOf(t) + 1];
  if (!after || after.cap || after.sentence !== t.sentence || !onlySpaceBetween(ctx.text, t.end, after.start)) {
    return false;
  }
  if (!CYRILLIC.test(after.lower)) return false;
  return RU_NOUNS_LIKE_VERBS.has(after.lower) || !RU_VERB_FORM.test(after.lower);
}

/** Russian adjectives in an oblique case (Степанакертского, Ереванской): not a name on their own. */
const RU_OBLIQUE_ADJECTIVE = /[\u0400-\u04ff]{3,}(?:ского|ской|скому|ским|ских|цкого|цкой|ного|ной|ному|ным|ных)$/u;

function classifyPerson(ctx: NameContext, input: Token[], marked: boolean): Candidate[] {
  let run = input;
  while (run.length > 0 && (DEMONYMS.has(run[0].lower) || isCountryDemonym(ctx, run[0]))) run = run.slice(1);
  if (run.length === 0 || run.some((t) => isCommonNoun(ctx, t))) return [];
  const nameLike = run.filter((t) => t.cap || NAME_PARTICLES.has(t.lower));
  if (nameLike.length !== run.length || run.some((t) => /\d/u.test(t.text))) return [];
  if (run.length === 1 && (RU_OBLIQUE_ADJECTIVE.test(run[0].lower) || adjectiveBeforeNoun(ctx, run[0]))) return [];
  const core = run.filter((t) => t.cap);
  if (core.length > 4) return [];
  const lastCore = core[core.length - 1].lower.replace(/['’]s$/u, '');
  const surnameLike = SURNAME_ENDINGS.test(isArmenian(lastCore) ? armenianNameLemma([lastCore])[0] : lastCore);
  const name = personName(nameWords(ctx, run));
  if (core.length >= 2) {
    const confidence = Math.min(0.95, 0.65 + (marked ? 0.25 : 0) + (surnameLike ? 0.05 : 0));
    return [{ type: 'person', tokens: run, name, confidence }];
  }
  if (marked) return [{ type: 'person', tokens: run, name, confidence: 0.8 }];
  if (surnameLike && !run[0].allCaps) return [{ type: 'person', tokens: run, name, confidence: 0.6 }];
  return run[0].sentenceInitial || run[0].allCaps
    ? []
    : [{ type: 'person', tokens: run, name, confidence: 0.5, tentative: true }];
}

/**
 * A lone Russian surname in another case than the full name written elsewhere: itself, then its masculine
 * nominative (Токаева, Токаеву, Токаевым, Токаеве → Токаев; Путина → Путин).
 */
function surnameForms(word: string): string[] {
  if (!CYRILLIC.test(word)) return [word];
  const nominative = word.replace(/(ов|ев|ёв|ин|ын|ян)(?:а|у|ым|ом|е)$/u, '$1');
  return nominative === word ? [word] : [word, nominative];
}

function lastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/** Person, organisation and place mentions of the text. */
export function findNames(ctx: NameContext): Mention[] {
  const claimed = new Set<Token>();
  const candidates = phraseOrganisations(ctx, claimed);
  for (const r of capitalRuns(ctx, claimed)) candidates.push(...classifyRun(ctx, r));

  // Within the document, a lone surname (Sahakyan) or first name stands for the full name written elsewhere.
  const fullNames = new Map<string, string[]>();
  for (const c of candidates) {
    if (c.type !== 'person' || c.tokens.filter((t) => t.cap).length < 2) continue;
    const parts = c.name.split(' ');
    for (const part of [parts[0], parts[parts.length - 1]]) {
      const key = wordKey(part);
      const names = fullNames.get(key) ?? [];
      if (!names.includes(c.name)) names.push(c.name);
      fullNames.set(key, names);
    }
  }
  const strongest = new Map<string, number>();
  for (const c of candidates)
    if (c.type === 'person') strongest.set(c.name, Math.max(strongest.get(c.name) ?? 0, c.confidence));

  const out: Mention[] = [];
  for (const c of candidates) {
    let { name, confidence } = c;
    if (c.byEnding && (fullNames.has(wordKey(name)) || fullNames.has(wordKey(c.tokens[0].text)))) continue;
    if (c.type === 'person' && c.tokens.filter((t) => t.cap).length === 1) {
      const full = surnameForms(name)
        .map((form) => fullNames.get(wordKey(form)))
        .find((names) => names !== undefined);
      if (full && full.length === 1) {
        name = full[0];
        confidence = Math.max(confidence, 0.75);
      } else if (c.tentative) continue;
    } else if (c.type === 'person') {
      confidence = Math.max(confidence, Math.min(0.85, strongest.get(name) ?? 0));
    }
    const last = c.tokens[c.tokens.length - 1];
    const start = c.start ?? c.tokens[0].start;
    const end = c.type === 'person' && isInitial(ctx, last) ? last.end + 1 : last.end;
    out.push({
      type: c.type,
      text: ctx.text.slice(start, end),
      value: name,
      start,
      end,
      confidence: Math.round(confidence * 100) / 100,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
