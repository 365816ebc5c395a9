// Candidate facts from the mentions of one sentence: a small table of patterns per language, each a cue
// (a vote verb, "inauguration", "born"…) plus the mentions it links — e.g. a quantity before "bumoto para
// sa" and the person after it give "<person> — votes received — <quantity>". The date qualifier comes
// from the document's election context ("Noong Hulyo 19, 2012, ang … halalan …") when the pattern is about
// an election. Nothing here is confirmed: these are proposals for a person to accept, edit or reject.
import type { EntityType, Mention, ValueQualifier } from '../../../shared/facts';
import { alternatives, sequence } from '../../../shared/text/regex';
import { lowerBound, type Span } from './text';

export type CandidateObject =
  | { kind: 'number'; number: number; unit: string | null }
  | { kind: 'date'; date: string }
  | { kind: 'entity'; name: string; type: EntityType };

export interface CandidateFact {
  subject: { name: string; type: EntityType; text: string; start: number; end: number };
  predicate: string;
  object: CandidateObject;
  valueQualifier: ValueQualifier;
  qualifiers: { date: string | null; place: string | null };
  confidence: number;
  /** The words that support it: from the first to the last of subject, cue and object. */
  start: number;
  end: number;
  /** Which pattern proposed it (for tests and explanations). */
  rule: string;
  /** The object mention (a quantity or a date), when there is one. */
  objectMention?: Mention;
}

type Side = 'before' | 'after' | 'any';

interface Pattern {
  id: string;
  predicate: string;
  cue: RegExp;
  /** Who the fact is about; the first type found nearest the cue wins (a party or a person for votes). */
  subjectTypes: Array<'person' | 'place' | 'organisation'>;
  object: 'quantity' | 'percent' | 'money' | 'date' | 'election-place';
  subjectSide: Side;
  objectSide: Side;
  /** The quantity's counted noun must match, when given (47 000 голосов, 48,000 votes). */
  noun?: RegExp;
  /** Unit recorded on the fact for a plain number. */
  unit?: string;
  /** Take the date qualifier from the document's election context. */
  electionDate?: boolean;
  /** The place may come from the document's election context when the sentence names none. */
  contextPlace?: boolean;
  /** Dates must give the day: a year or a month alone is never an election or inauguration date. */
  dayOnly?: boolean;
  /** Subjects of the first listed type win over nearer ones of the next (a country's budget, not its treasury's). */
  typeOrder?: boolean;
  weight: number;
}

/** Words for turnout (English, Russian явка, Armenian մասնակցություն): the turnout pattern's cue and its checks. */
const TURNOUT_WORDS = /turnout|явк\p{L}*|մասնակցությ\p{L}*/u.source;

const VOTE_NOUN = /^(?:boto|votes?|ballots?|голос\p{L}*|ձայն\p{L}*|քվե\p{L}*)$/u;
const VOTER_NOUN = /^(?:botante|mamboboto|voters?|electors?|избирател\p{L}*|ընտրող\p{L}*)$/u;
const CANDIDATE_NOUN = /^(?:kandidato|kandidatong|candidates?|кандидат\p{L}*|թեկնածու\p{L}*)$/u;

// Cues are built from the language's words, not from one text's phrasing: Tagalog verbs by their roots with
// the usual affixes (kuha → nakuha, nakakuha, makakuha, kumuha), Russian and Armenian stems with any ending.
const TL_GET =
  'n?a?(?:ka)?(?:ka)?kuha|kumuha|(?:na|tu|nakat|nat|tin)?(?:um)?anggap|nakakalap|(?:nag|na)kamit' +
  '|nanalo|nagwagi|pumangalawa|pumangatlo';
const GET =
  `${TL_GET}` +
  '|received|won|got|garnered|obtained|polled|secured|collected|came\\s+\\p{L}+\\s+with|finished\\s+\\p{L}+\\s+with' +
  '|набра\\p{L}*|получ\\p{L}*|собра\\p{L}*' + // Russian
  '|ստաց\\p{L}*|հավաքել\\p{L}*|շահել\\p{L}*'; // Armenian

/** The place a candidate or party finished in (second, на втором месте, երկրորդ տեղում), before its vote share. */
const RANK =
  '(?:first|second|third|fourth)\\s+place|finished\\s+(?:first|second|third)' +
  '|(?:перв|втор|трет)\\p{L}*\\s+мест\\p{L}*' +
  '|(?:առաջին|երկրորդ|երրորդ)\\s+տեղ\\p{L}*';

/** Tagalog offices won at an election (alkalde = mayor, punong … = head of …). */
const TL_ELECTED_OFFICE =
  /(?:alkalde|gobernador|pangulo|presidente|bise|senador|kongresista|konsehal|kinatawan|punong|mayor|kapitan)/u;

/** Tagalog, English, Russian and Armenian cues. Regexes are matched case-insensitively on the sentence. */
const PATTERNS: Pattern[] = [
  // Votes for a candidate: "47 libo … ang bumoto para sa …", "861 libo … pumili kay …", "за него проголосовали 56 млн"
  {
    id: 'votes-for',
    predicate: 'votes received',
    cue: new RegExp(
      alternatives([
        /(?:bumoto|pumili|ibinoto)\s+(?:para\s+(?:sa|kay|kina)|pabor\s+(?:sa|kay|kina)|kay|kina|sa)/u, // Tagalog
        /(?:napunta|pumunta|naibigay)\s+(?:kay|kina)/u, // Tagalog: "went to" a candidate
        /voted\s+(?:for|in\s+favou?r\s+of)/u, // English
        /votes?\s+(?:went\s+)?(?:to|for)/u,
        /cast\s+(?:their\s+)?(?:ballots?|votes?)\s+for/u,
        /проголосовал\p{L}*\s+за/u, // Russian
        /за\s+(?:\p{L}+\s+){1,3}проголосовал\p{L}*/u,
        /отдал\p{L}*\s+(?:свои\s+)?голоса\s+за/u,
        /(?:քվեարկ|ընտր)(?:ել|եց)\p{L}*/u, // Armenian: քվեարկել, քվեարկեց, ընտրել
      ]),
      'giu',
    ),
    subjectTypes: ['person', 'organisation'],
    object: 'quantity',
    subjectSide: 'any',
    objectSide: 'any',
    unit: 'votes',
    electionDate: true,
    weight: 0.9,
  },
  // "Sahakyan received 48,000 votes", "nakakuha si Sahakyan ng 47,000 boto", "Саакян набрал 47 тысяч голосов"
  {
    id: 'votes-received',
    predicate: 'votes received',
    cue: new RegExp(GET, 'giu'),
    subjectTypes: ['person', 'organisation'],
    object: 'quantity',
    subjectSide: 'any',
    objectSide: 'any',
    noun: VOTE_NOUN,
    unit: 'votes',
    electionDate: true,
    weight: 0.85,
  },
  // A count of votes needs no verb: "539 libong boto ang nakuha ni Hovannisian", "ձայների 47 հազարը"
  {
    id: 'votes-count',
    predicate: 'votes received',
    cue: /boto|votes?|голос\p{L}*|ձայն\p{L}*|քվե(?!արկ)\p{L}*/giu,
    subjectTypes: ['person', 'organisation'],
    object: 'quantity',
    subjectSide: 'any',
    objectSide: 'any',
    noun: VOTE_NOUN,
    unit: 'votes',
    electionDate: true,
    weight: 0.75,
  },
  // Vote share: "Sahakyan received 66.7% of the votes", "ստացել է ձայների 88 տոկոսը"
  {
    id: 'vote-share',
    predicate: 'vote share',
    // … or the place it finished in: "second with 19 percent", "на втором месте с 19%", "երկրորդ տեղում՝ 19 տոկոսով"
    cue: new RegExp(`${GET}|boto|votes?|голос\\p{L}*|ձայն\\p{L}*|${RANK}`, 'giu'),
    subjectTypes: ['person', 'organisation'],
    object: 'percent',
    subjectSide: 'any',
    objectSide: 'any',
    electionDate: true,
    weight: 0.8,
  },
  // Turnout: "73 libong botante ang nagpahayag …", "73 thousand voters expressed their will", "մասնակցել է 1 միլիոն
  // ընտրող"
  {
    id: 'turnout',
    predicate: 'voters (turnout)',
    cue: new RegExp(
      alternatives([
        /nagpahayag|bumoto|lumahok|nakilahok/u, // Tagalog
        /voted|expressed|took\s+part|turned\s+out|cast/u, // English
        /проголосовал\p{L}*|выразил\p{L}*|принял\p{L}*\s+участие|пришл\p{L}*/u, // Russian
        /քվեարկել\p{L}*|մասնակցել\p{L}*/u, // Armenian
      ]),
      'giu',
    ),
    subjectTypes: ['place'],
    object: 'quantity',
    subjectSide: 'any',
    objectSide: 'any',
    noun: VOTER_NOUN,
    unit: 'voters',
    electionDate: true,
    contextPlace: true,
    weight: 0.7,
  },
  // Turnout as a percent: "Явка составила 73,64 процента", "turnout was 84.2%", "մասնակցությունը կազմել է 49,4 տոկոս"
  {
    id: 'turnout-share',
    predicate: 'turnout',
    cue: new RegExp(TURNOUT_WORDS, 'giu'),
    subjectTypes: ['place'],
    object: 'percent',
    subjectSide: 'any',
    objectSide: 'any',
    electionDate: true,
    contextPlace: true,
    weight: 0.75,
  },
  // How many ran: "Pitong kandidato ang tumakbo", "14 кандидатов", "մասնակցում էր 14 թեկնածու"
  {
    id: 'candidates-count',
    predicate: 'number of candidates',
    cue: /kandidato|candidates?|кандидат\p{L}*|թեկնածու\p{L}*/giu,
    subjectTypes: ['place'],
    object: 'quantity',
    subjectSide: 'any',
    objectSide: 'any',
    noun: CANDIDATE_NOUN,
    unit: 'candidates',
    contextPlace: true,
    weight: 0.75,
  },
  // Inauguration: "Ang pagpapasinaya … ay naka-iskedyul sa Setyembre 7", "Nanumpa … si Marcos noong Hunyo 30"
  {
    id: 'inauguration',
    predicate: 'inauguration date',
    cue: new RegExp(
      alternatives([
        /pagpapasinaya|panunumpa|manunumpa|nanumpa|sumumpa|inagurasyon/u, // Tagalog
        /inauguration|inaugurated|sworn\s+in|swearing-in|took\s+(?:the\s+)?oath|(?:took|assumed)\s+office/u, // English
        /инаугураци\p{L}*|вступ\p{L}*\s+в\s+должность|присяг\p{L}*/u, // Russian
        /երդմնակալ\p{L}*|երդվ(?:ել|եց|ում|ելու)\p{L}*|երդում\s+(?:է\s+)?(?:տվ|տալ)\p{L}*/u, // Armenian
        /պաշտոնը\s+(?:է\s+)?ստանձն\p{L}*|ստանձն(?:եց|ել)\p{L}*\s+(?:\p{L}+\s+)?պաշտոնը/u, // Armenian: took office
      ]),
      'giu',
    ),
    subjectTypes: ['person'],
    object: 'date',
    subjectSide: 'any',
    objectSide: 'any',
    dayOnly: true,
    weight: 0.85,
  },
  // Election date: "Noong Hulyo 19, 2012, ang … halalan … ay ginanap sa NKR", "nahalal … noong Mayo 9, 2022"
  {
    id: 'election-date',
    predicate: 'election date',
    cue: new RegExp(
      alternatives([
        /(?:na|ini|i|mag|maghahalal|pag)?halal\p{L}*|eleksyon/u, // Tagalog
        // Tagalog: won as an elected office ("Nanalo si … bilang alkalde ng …"), not as a champion
        new RegExp(
          sequence([/(?:nanalo|nagwagi)\s+(?:\p{L}+\s+){0,4}?bilang\s+(?:bagong\s+)?/u, TL_ELECTED_OFFICE]),
          'u',
        ),
        /election|elections|vote\s+of|run-?off|(?:first|second)\s+round/u, // English
        /re-?elected|(?:was|were|is|are|been|be|being)\s+elected/u, // English: the passive verb, not "newly elected"
        /(?:пере)?избран[аоы]?(?![\p{L}])|(?:пере)?избрал\p{L}*/u, // Russian: избран(а), избрали
        /(?:վեր)?ընտրվե[լց]\p{L}*/u, // Armenian: ընտրվել, վերընտրվեց
        /тур(?:е|а|ом)?(?![\p{L}])/u, // Russian: round
        /փուլ\p{L}*/u, // Armenian: round
        /выбор\p{L}*|голосовани\p{L}*/u, // Russian
        /ընտրություն\p{L}*|քվեարկությ\p{L}*/u, // Armenian
      ]),
      'giu',
    ),
    subjectTypes: ['place'],
    object: 'date',
    subjectSide: 'any',
    objectSide: 'any',
    dayOnly: true,
    weight: 0.8,
  },
  // Candidates: "… si Pangulong Bako Sahakyan, … Vitaly Balasanyan at … Arkady Soghomonyan ay nakilahok"
  {
    id: 'candidate',
    predicate: 'candidate in election',
    cue: new RegExp(
      alternatives([
        /nakilahok|lumahok|kandidato|tumakbo/u, // Tagalog
        /took\s+part|participated|ran\s+for|candidates?|contested/u, // English
        /участвовал\p{L}*|кандидат\p{L}*|баллотировал\p{L}*/u, // Russian
        /թեկնածու\p{L}*/u, // Armenian
      ]),
      'giu',
    ),
    subjectTypes: ['person'],
    object: 'election-place',
    subjectSide: 'any',
    objectSide: 'any',
    electionDate: true,
    weight: 0.6,
  },
  // Births and deaths
  {
    id: 'born',
    predicate: 'date of birth',
    cue: /ipinanganak|isinilang|born|родил(?:ся|ась)|ծնվել\p{L}*/giu,
    subjectTypes: ['person'],
    object: 'date',
    subjectSide: 'any',
    objectSide: 'any',
    weight: 0.8,
  },
  {
    id: 'died',
    predicate: 'date of death',
    cue: /namatay|pumanaw|died|passed\s+away|умер(?:ла)?|скончал(?:ся|ась)|մահացել\p{L}*|վախճանվել\p{L}*/giu,
    subjectTypes: ['person'],
    object: 'date',
    subjectSide: 'any',
    objectSide: 'any',
    weight: 0.8,
  },
  // Population: "Armenia has a population of 3 million", "население России составляло 146,4 млн"
  {
    id: 'population',
    predicate: 'population',
    cue: /populasyon|population|населени\p{L}*|բնակչությ\p{L}*/giu,
    subjectTypes: ['place'],
    object: 'quantity',
    subjectSide: 'any',
    objectSide: 'any',
    unit: 'people',
    weight: 0.7,
  },
  // Budgets: "₱5.768 trilyong pambansang badyet ng Pilipinas", "бюджет России … 36,6 трлн рублей", "բյուջեի ծախսերը"
  {
    id: 'budget',
    predicate: 'budget',
    cue: /badyet|budget|бюджет\p{L}*|բյուջե\p{L}*/giu,
    subjectTypes: ['place', 'organisation'],
    object: 'money',
    subjectSide: 'any',
    objectSide: 'any',
    typeOrder: true,
    weight: 0.7,
  },
];

/** Words that put a date before or after an event ("after the inauguration", "после инаугурации"): not its date. */
const BEFORE_AFTER =
  /(?<![\p{L}])(?:after|before|following|pagkatapos|matapos|bago|после|до|перед|հետո|առաջ|նախքան)(?![\p{L}])/iu;
/** A name after "led by" belongs to a modifier of the subject, not the subject (The Armenia Alliance led by …). */
const LED_BY = /(?:(?:led|headed|chaired|founded|run)\s+by|pinamumunuan\s+(?:ni|ng)|во\s+главе\s+с)[^,.;:]{0,40}$/iu;
/** The same after the name, in Armenian: "Փաշինյանի գլխավորած կուսակցությունը" (the party led by Pashinyan). */
const LED_AFTER = /^\s+(?:(?:գլխավոր|ղեկավար|հիմնադր)(?:ած|ող)(?![\p{L}])|(?:կուսակցությ|դաշինք|խմբակցությ))/u;
/** "Newly elected" names someone, not an event: "ang bagong halal na Pangulo", "вновь избранного президента". */
const NEWLY = /(?<![\p{L}])(?:bagong|newly|вновь|նորընտիր)\s+$/iu;
/** A personal pronoun: the sentence goes on about someone or somewhere named in the sentence before. */
const PRONOUN = /(?<![\p{L}])(?:siya|sila|he|she|they|он|она|они|նա|նրանք|վերջինս)(?![\p{L}])/iu;
/** "The latter": the last one named in the sentence before, whoever else it names (վերջինս, последний, the latter). */
const LATTER = /(?<![\p{L}])(?:վերջինս|the\s+latter|последн(?:ий|яя))(?![\p{L}])/iu;
/** A year or month written right before the event word: "the 2022 election", "February 2013 presidential election". */
const OWN_DATE_GAP = /^[\s\p{L}-]{0,30}$/u;

/** Electoral commissions report results; they do not receive votes. */
const ELECTORAL_BODY = /commission|comelec|\bcec\b|комисси|цик|հանձնաժողով|կըհ|komisyon/iu;

interface Context {
  electionDate: string | null;
  electionPlace: Mention | null;
}

/** A verb that opens a coordinated clause: "…, and took the oath", "at nanumpa", "и вступил", "և երդվեց". */
const COORDINATED = /(?:^|[\s,;])(?:and|then|at|saka|и|а|затем|և|ու|իսկ)\s+$/iu;

/**
 * How far a date is from an event word, for deciding which event it goes with: a date written before a
 * coordinated clause ("elected on June 2, and took the oath …") does not reach into it.
 */
function reach(text: string, date: Mention, cue: { start: number; end: number }): number {
  const crossesInto = date.end <= cue.start && COORDINATED.test(text.slice(Math.max(0, cue.start - 12), cue.start));
  // Nor does it reach across "after"/"before" ("sworn in on June 30 after winning the election"), unless it is
  // the event's own date right after it ("matapos manalo sa halalan noong Mayo 9").
  const between = date.end <= cue.start ? text.slice(date.end, cue.start) : text.slice(cue.end, date.start);
  const across = BEFORE_AFTER.test(between) && !ownDateAfter(text, cue, date);
  return distance(date, cue) + (crossesInto || across ? 10_000 : 0);
}

/** A date written right after its event word: "halalan noong Mayo 9", "election on May 9", "выборах 20 ноября". */
function ownDateAfter(text: string, cue: { start: number; end: number }, date: Mention): boolean {
  return date.start >= cue.end && OWN_DATE_AFTER.test(text.slice(cue.end, date.start));
}
const OWN_DATE_AFTER = /^\s*(?:(?:noong|nang|sa|on|of|held\s+on|в|на|ին)\s+)?$/iu;

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

function nearest(
  items: Mention[],
  cue: { start: number; end: number },
  side: Side,
  used: Set<Mention>,
): Mention | undefined {
  let best: Mention | undefined;
  for (const m of items) {
    if (used.has(m)) continue;
    if (side === 'before' && m.end > cue.start) continue;
    if (side === 'after' && m.start < cue.end) continue;
    if (!best || distance(m, cue) < distance(best, cue)) best = m;
  }
  return best;
}

const isPercent = (m: Mention) => m.type === 'quantity' && m.quantity?.kind === 'percent';
const isCount = (m: Mention) => m.type === 'quantity' && m.quantity?.kind !== 'percent';

const INAUGURATION = PATTERNS.find((p) => p.id === 'inauguration')!;

/** Cue regexes start at a word boundary ("won" is not in "wonder", "cast" not in "broadcast"). */
const CUES = new Map(PATTERNS.map((p) => [p, new RegExp(`(?<![\\p{L}])(?:${p.cue.source})`, p.cue.flags)]));
/** An inauguration or oath cue (not global: for test()). */
const CEREMONY = new RegExp(CUES.get(INAUGURATION)!.source, 'iu');

/** Proposes facts from the mentions, sentence by sentence. */
export function proposeFacts(
  text: string,
  sentenceSpans: Span[],
  mentions: Mention[],
  referenceDate?: string | null,
): CandidateFact[] {
  // A semicolon ends a clause as a full stop does: "Инаугурация … прошла 7 мая; на выборах 17 марта он получил …".
  const sentences = sentenceSpans.flatMap((span) => clauses(text, span));
  // Mentions of each sentence, in one sweep (both are in text order).
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let k = 0;
  const bySentence = sentences.map(([s, e]) => {
    while (k < sorted.length && sorted[k].start < s) k++;
    const from = k;
    while (k < sorted.length && sorted[k].start < e) k++;
    return sorted.slice(from, k);
  });
  // Cues of each pattern in each sentence: one scan of the whole text per pattern.
  const starts = sentences.map(([s]) => ({ start: s }));
  const cues = sentences.map(() => PATTERNS.map(() => [] as Array<{ start: number; end: number }>));
  PATTERNS.forEach((p, pi) => {
    for (const m of text.matchAll(CUES.get(p)!)) {
      const i = lowerBound(starts, m.index + 1) - 1;
      if (NEWLY.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      if (i >= 0 && m.index + m[0].length <= sentences[i][1])
        cues[i][pi].push({ start: m.index, end: m.index + m[0].length });
    }
  });
  const fullDates = sorted
    .filter((m) => m.type === 'date' && m.date?.precision === 'day' && !String(m.value).startsWith('--'))
    .sort((a, b) => a.end - b.end);
  const context = electionContext(bySentence, cues);
  const electionIndex = PATTERNS.findIndex((p) => p.id === 'election-date');
  const out: CandidateFact[] = [];
  sentences.forEach((_span, i) => {
    const aboutElection = cues[i][electionIndex].length > 0;
    const found: CandidateFact[] = [];
    const dateCues = PATTERNS.flatMap((p, pi) => (p.object === 'date' ? cues[i][pi] : []));
    const sentence: SentenceState = {
      text,
      span: sentences[i],
      mentions: bySentence[i],
      previous: i > 0 ? bySentence[i - 1] : [],
      previousSpan: i > 0 ? sentences[i - 1] : null,
      dateCues,
      used: new Set(),
      subjects: new Map(),
    };
    PATTERNS.forEach((p, pi) => {
      // Candidacy is only read in a sentence that speaks of the election.
      if (p.object === 'election-place' && !aboutElection) return;
      for (const cue of cues[i][pi]) found.push(...applyPattern(p, cue, sentence, context, fullDates, referenceDate));
    });
    out.push(...found, ...parallelItems(text, found, bySentence[i], sentence.used));
  });
  return dedupe(out);
}

/** Words for turnout: a percent given as turnout is not a candidate's share. */
const TURNOUT = new RegExp(`(?<![\\p{L}])(?:${TURNOUT_WORDS})`, 'giu');
/** A turnout word right after a percent: "84% turnout", "73% явка". */
const TURNOUT_AFTER = new RegExp(`^[\\s\\p{L}]{0,12}?(?<![\\p{L}])(?:${TURNOUT_WORDS})`, 'iu');
/** A clause break between a turnout word and a percent: "…, and the party won", "; явка …", "…, իսկ …". */
const CLAUSE_BREAK = /;|,\s*(?:and|but|while|at|habang|и|а|но|իսկ|և)(?![\p{L}])/iu;

function isTurnoutPercent(text: string, m: Mention): boolean {
  const window = text.slice(Math.max(0, m.start - 80), m.start);
  const words = [...window.matchAll(TURNOUT)];
  const last = words[words.length - 1];
  return !!last && !CLAUSE_BREAK.test(window.slice(last.index + last[0].length));
}

/** A sentence's clauses between semicolons (the semicolon stays with the clause before). */
function clauses(text: string, [start, end]: Span): Span[] {
  const out: Span[] = [];
  let from = start;
  for (let i = text.indexOf(';', start); i >= 0 && i < end; i = text.indexOf(';', i + 1)) {
    out.push([from, i + 1]);
    from = i + 1;
  }
  out.push([from, end]);
  return out;
}

function objectPool(p: Pattern, inSentence: Mention[], text: string): Mention[] {
  const kindOk = (m: Mention) =>
    p.object === 'percent'
      ? isPercent(m)
      : p.object === 'money'
        ? m.type === 'quantity' && m.quantity?.kind === 'money'
        : isCount(m);
  return inSentence.filter(
    (m) =>
      kindOk(m) &&
      (!p.noun || (m.quantity?.noun !== undefined && p.noun.test(m.quantity.noun))) &&
      !(p.predicate === 'vote share' && isTurnoutPercent(text, m)) &&
      (p.predicate !== 'turnout' || isTurnoutPercent(text, m) || TURNOUT_AFTER.test(text.slice(m.end, m.end + 24))),
  );
}

/** A body named as where something happened ("in the National Assembly", "в Госдуме", "Ազգային ժողովում"). */
const VENUE_BEFORE = /(?<![\p{L}])(?:in|at|sa|в|во|на)\s+(?:the\s+)?$/iu;
const isVenue = (text: string, m: Mention) =>
  m.type === 'organisation' &&
  (VENUE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)) || /[\u0531-\u0587]ում$/u.test(m.text));

/**
 * Who a fact can be about: the pattern's types, never an electoral commission for votes, nor a body named as the
 * venue (the deputies who voted in the National Assembly voted for someone else).
 */
function subjectPool(p: Pattern, sentence: { text: string; mentions: Mention[] }, taken: Set<Mention>): Mention[] {
  const votes = p.predicate === 'votes received' || p.predicate === 'vote share';
  return sentence.mentions.filter(
    (m) =>
      (p.subjectTypes as string[]).includes(m.type) &&
      !taken.has(m) &&
      !(m.type === 'organisation' && ELECTORAL_BODY.test(String(m.value))) &&
      !(votes && isVenue(sentence.text, m)) &&
      !LED_AFTER.test(sentence.text.slice(m.end, m.end + 16)) &&
      !LED_BY.test(sentence.text.slice(Math.max(0, m.start - 60), m.start)),
  );
}

interface SentenceState {
  text: string;
  span: Span;
  mentions: Mention[];
  /** Mentions of the sentence before (for "Nanalo siya …", "She was sworn in …"). */
  previous: Mention[];
  previousSpan: Span | null;
  /** Cues of every dated event in the sentence: a date belongs to the nearest one. */
  dateCues: Array<{ start: number; end: number }>;
  /** Objects already given to a fact. */
  used: Set<Mention>;
  /** Subjects already given a value, per predicate: a second cue finds the next name. */
  subjects: Map<string, Set<Mention>>;
}

function applyPattern(
  p: Pattern,
  cue: { start: number; end: number },
  sentence: SentenceState,
  context: Context,
  fullDates: Mention[],
  referenceDate?: string | null,
): CandidateFact[] {
  const inSentence = sentence.mentions;
  const used = sentence.used;
  const taken = sentence.subjects.get(p.predicate) ?? new Set<Mention>();
  let objectMention: Mention | undefined;
  let object: CandidateObject;
  let valueQualifier: ValueQualifier = 'exact';
  if (p.object === 'quantity' || p.object === 'percent' || p.object === 'money') {
    objectMention = nearest(objectPool(p, inSentence, sentence.text), cue, p.objectSide, used);
    if (!objectMention) return [];
    const unit = objectMention.quantity?.unit ?? p.unit ?? null;
    object = { kind: 'number', number: Number(objectMention.value), unit: p.object === 'percent' ? '%' : unit };
    valueQualifier = objectMention.quantity?.qualifier ?? 'exact';
  } else if (p.object === 'date') {
    // "after the inauguration, … on 14 September": the date is of something else, unless it is written right after
    // the event word ("matapos manalo sa halalan noong Mayo 9").
    const beforeOrAfter = BEFORE_AFTER.test(sentence.text.slice(Math.max(0, cue.start - 20), cue.end + 30));
    // Each date goes with the event word nearest to it: "was elected on June 2 …, and took the oath … on October 1".
    const dates = inSentence.filter(
      (m) =>
        m.type === 'date' &&
        (!beforeOrAfter || ownDateAfter(sentence.text, cue, m)) &&
        !String(m.value).startsWith('--') &&
        (!p.dayOnly || m.date?.precision === 'day') &&
        sentence.dateCues.every((other) => reach(sentence.text, m, cue) <= reach(sentence.text, m, other)),
    );
    objectMention = nearest(dates, cue, p.objectSide, used);
    if (!objectMention) return [];
    // An event that carries its own year or month ("the 2022 election") is not on a day of another.
    const own = inSentence.find(
      (m) =>
        m.type === 'date' &&
        m.date?.precision !== 'day' &&
        m.end <= cue.start &&
        OWN_DATE_GAP.test(sentence.text.slice(m.end, cue.start)),
    );
    if (own && !String(objectMention.value).startsWith(String(own.value))) return [];
    object = { kind: 'date', date: String(objectMention.value) };
  } else {
    if (!context.electionPlace || !context.electionDate) return [];
    object = { kind: 'entity', name: String(context.electionPlace.value), type: 'place' };
  }

  let subjects: Mention[];
  if (p.object === 'election-place')
    subjects = inSentence.filter((m) => m.type === 'person'); // every candidate the sentence names
  else {
    const pool = subjectPool(p, sentence, taken);
    const ordered = p.typeOrder ? p.subjectTypes.map((type) => pool.filter((m) => m.type === type)) : [pool];
    const nearestSubject =
      ordered.map((list) => nearest(list, cue, p.subjectSide, new Set())).find((m) => m !== undefined) ??
      (p.contextPlace ? (context.electionPlace ?? undefined) : undefined) ??
      antecedent(p, sentence);
    subjects = nearestSubject ? [nearestSubject] : [];
  }
  if (subjects.length === 0) return [];
  if (objectMention) used.add(objectMention);
  if (p.object !== 'election-place') sentence.subjects.set(p.predicate, new Set([...taken, ...subjects]));
  const dateQualifier = p.electionDate ? factDate(inSentence, cue, context, fullDates, referenceDate) : null;
  return subjects.map((subject) =>
    candidate(
      p.predicate,
      p.id,
      p.weight,
      subject,
      object,
      valueQualifier,
      object.kind === 'date' ? null : dateQualifier,
      [cue],
      inSentence,
      objectMention,
    ),
  );
}

/**
 * Who a pronoun sentence is about when it names no one ("Nanalo siya sa halalan …"): the one person of the
 * sentence before, or for a place subject the first place it names (the country before its capital).
 */
function antecedent(p: Pattern, sentence: SentenceState): Mention | undefined {
  const own = sentence.text.slice(sentence.span[0], sentence.span[1]);
  if (!PRONOUN.test(own) || sentence.mentions.some((m) => (p.subjectTypes as string[]).includes(m.type)))
    return undefined;
  // Where a ceremony took place ("Инаугурация … прошла в Москве") is not what the next clause's election is of.
  const before = sentence.previousSpan ? sentence.text.slice(...sentence.previousSpan) : '';
  const ceremony = CEREMONY.test(before);
  const venueOfCeremony = (m: Mention) =>
    ceremony && VENUE_BEFORE.test(sentence.text.slice(Math.max(0, m.start - 12), m.start));
  if (LATTER.test(own)) {
    const named = sentence.previous.filter((m) => (p.subjectTypes as string[]).includes(m.type) && !venueOfCeremony(m));
    return named[named.length - 1];
  }
  for (const type of p.subjectTypes) {
    const found = sentence.previous.filter((m) => m.type === type);
    if (type === 'person' && new Set(found.map((m) => m.value)).size === 1) return found[found.length - 1];
    const places = found.filter((m) => !venueOfCeremony(m));
    if (type === 'place' && places.length > 0) return places[0];
  }
  return undefined;
}

/**
 * When a vote count holds: a full date in the same sentence, else the election day, else the nearest earlier full date.
 */
function factDate(
  inSentence: Mention[],
  cue: { start: number; end: number },
  context: Context,
  fullDates: Mention[],
  referenceDate?: string | null,
): string | null {
  const sameSentence = nearest(
    inSentence.filter((m) => m.type === 'date' && m.date?.precision === 'day' && !String(m.value).startsWith('--')),
    cue,
    'any',
    new Set(),
  );
  return sameSentence
    ? String(sameSentence.value)
    : (context.electionDate ?? precedingFullDate(fullDates, cue.start, referenceDate));
}

function candidate(
  predicate: string,
  rule: string,
  weight: number,
  subject: Mention,
  object: CandidateObject,
  valueQualifier: ValueQualifier,
  date: string | null,
  cues: Array<{ start: number; end: number }>,
  inSentence: Mention[],
  objectMention?: Mention,
): CandidateFact {
  const parts = [
    ...cues,
    ...(inSentence.includes(subject) ? [subject] : []),
    ...(objectMention ? [objectMention] : []),
  ];
  const confidence = Math.round(weight * ((subject.confidence + (objectMention?.confidence ?? 0.8)) / 2) * 100) / 100;
  return {
    subject: {
      name: String(subject.value),
      type: subject.type as EntityType,
      text: subject.text,
      start: subject.start,
      end: subject.end,
    },
    predicate,
    object,
    valueQualifier,
    qualifiers: { date, place: null },
    confidence,
    start: Math.min(...parts.map((x) => x.start)),
    end: Math.max(...parts.map((x) => x.end)),
    rule,
    ...(objectMention ? { objectMention } : {}),
  };
}

/**
 * Lists that leave the verb out after the first item: "X received 52%, and Y — 21%", "Սարգսյանը ստացել է 862
 * հազար ձայն, իսկ Տեր-Պետրոսյանը՝ մոտ 351 հազար". Each remaining quantity of the same kind written right after
 * a name (only a dash, colon or comma between) gets the first item's predicate.
 */
function parallelItems(
  text: string,
  found: CandidateFact[],
  inSentence: Mention[],
  used: Set<Mention>,
): CandidateFact[] {
  const out: CandidateFact[] = [];
  for (const first of found) {
    if (
      first.rule === 'parallel' ||
      !first.objectMention ||
      first.object.kind !== 'number' ||
      !['votes received', 'vote share'].includes(first.predicate)
    )
      continue;
    const percent = isPercent(first.objectMention);
    for (const q of inSentence) {
      if (used.has(q) || q.start < first.objectMention.end || (percent ? !isPercent(q) : !isCount(q))) continue;
      const subject = [...inSentence]
        .reverse()
        .find(
          (m) => (m.type === 'person' || m.type === 'organisation') && m.end <= q.start && m.start > first.subject.end,
        );
      if (!subject || !/^[\s,:;—–\-՝]{1,6}$/u.test(text.slice(subject.end, q.start))) continue;
      if (
        q.quantity?.noun &&
        first.objectMention.quantity?.noun &&
        q.quantity.noun !== first.objectMention.quantity.noun
      )
        continue;
      used.add(q);
      const object: CandidateObject = { kind: 'number', number: Number(q.value), unit: first.object.unit };
      out.push(
        candidate(
          first.predicate,
          'parallel',
          0.75,
          subject,
          object,
          q.quantity?.qualifier ?? 'exact',
          first.qualifiers.date,
          [],
          inSentence,
          q,
        ),
      );
    }
  }
  return out;
}

/**
 * The nearest earlier full date (or the publication date) for patterns that need a date qualifier. `fullDates` is
 * sorted by end.
 */
function precedingFullDate(fullDates: Mention[], before: number, referenceDate?: string | null): string | null {
  let lo = 0;
  let hi = fullDates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fullDates[mid].end <= before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? String(fullDates[lo - 1].value) : (referenceDate ?? null);
}

/** The document's election: the first sentence naming an election with a full date (and maybe a place). */
function electionContext(bySentence: Mention[][], cues: Array<Array<Array<{ start: number }>>>): Context {
  const electionIndex = PATTERNS.findIndex((p) => p.id === 'election-date');
  for (const [i, inSentence] of bySentence.entries()) {
    if (cues[i][electionIndex].length === 0) continue;
    const date = inSentence.find(
      (m) => m.type === 'date' && m.date?.precision === 'day' && !String(m.value).startsWith('--'),
    );
    if (!date) continue;
    const place = inSentence.find((m) => m.type === 'place') ?? null;
    return { electionDate: String(date.value), electionPlace: place };
  }
  return { electionDate: null, electionPlace: null };
}

function dedupe(facts: CandidateFact[]): CandidateFact[] {
  const seen = new Map<string, CandidateFact>();
  for (const f of facts) {
    const value =
      f.object.kind === 'number' ? f.object.number : f.object.kind === 'date' ? f.object.date : f.object.name;
    const key = `${f.subject.name}\u0000${f.predicate}\u0000${value}\u0000${f.qualifiers.date}`;
    const before = seen.get(key);
    if (!before || f.confidence > before.confidence) seen.set(key, f);
  }
  return [...seen.values()].sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}
