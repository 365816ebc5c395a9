// Candidate facts from the mentions of one sentence: a small table of patterns per language, each a cue
// (a vote verb, "inauguration", "born"…) plus the mentions it links — e.g. a quantity before "bumoto para
// sa" and the person after it give "<person> — votes received — <quantity>". The date qualifier comes
// from the document's election context ("Noong Hulyo 19, 2012, ang … halalan …") when the pattern is about
// an election. Nothing here is confirmed: these are proposals for a person to accept, edit or reject.
import type { EntityType, Mention, ValueQualifier } from '../../../shared/facts';
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
  subjectType: 'person' | 'place';
  object: 'quantity' | 'percent' | 'date' | 'election-place';
  subjectSide: Side;
  objectSide: Side;
  /** The quantity's counted noun must match, when given (47 000 голосов, 48,000 votes). */
  noun?: RegExp;
  /** Unit recorded on the fact for a plain number. */
  unit?: string;
  /** Take the date qualifier from the document's election context. */
  electionDate?: boolean;
  weight: number;
}

const VOTE_NOUN = /^(?:boto|votes?|голос\p{L}*|ձայն\p{L}*)$/u;
const VOTER_NOUN = /^(?:botante|mamboboto|voters?|electors?|избирател\p{L}*|ընտրող\p{L}*)$/u;

/** Tagalog, English and Russian cues (a little Armenian). Regexes are matched case-insensitively on the sentence. */
const PATTERNS: Pattern[] = [
  // Votes for a candidate: "47 libo … ang bumoto para sa … Bako Sahakyan", "20 thousand voted in favour of …", "47 тысяч проголосовали за …"
  { id: 'votes-for', predicate: 'votes received', cue: /bumoto\s+(?:para\s+(?:sa|kay|kina)|pabor\s+(?:sa|kay|kina)|kay|kina|sa)|voted\s+(?:for|in\s+favou?r\s+of)|votes?\s+(?:went\s+)?(?:to|for)|cast\s+(?:their\s+)?(?:ballots?|votes?)\s+for|проголосовал\p{L}*\s+за|отдал\p{L}*\s+(?:свои\s+)?голоса\s+за|քվեարկել\p{L}*/giu, subjectType: 'person', object: 'quantity', subjectSide: 'any', objectSide: 'any', unit: 'votes', electionDate: true, weight: 0.9 },
  // "Sahakyan received 48,000 votes", "nakakuha si Sahakyan ng 47,000 boto", "Саакян набрал 47 тысяч голосов"
  { id: 'votes-received', predicate: 'votes received', cue: /nakakuha|nakatanggap|tumanggap|nakakalap|received|won|got|garnered|obtained|polled|secured|collected|набрал\p{L}*|получил\p{L}*|ստացել\p{L}*/giu, subjectType: 'person', object: 'quantity', subjectSide: 'any', objectSide: 'after', noun: VOTE_NOUN, unit: 'votes', electionDate: true, weight: 0.85 },
  // Vote share: "Sahakyan received 66.7% of the votes"
  { id: 'vote-share', predicate: 'vote share', cue: /nakakuha|nakatanggap|received|won|got|garnered|obtained|polled|набрал\p{L}*|получил\p{L}*|boto|votes?|голос\p{L}*/giu, subjectType: 'person', object: 'percent', subjectSide: 'any', objectSide: 'any', electionDate: true, weight: 0.8 },
  // Turnout: "73 libong botante ang nagpahayag …", "73 thousand voters expressed their will"
  { id: 'turnout', predicate: 'voters (turnout)', cue: /nagpahayag|bumoto|lumahok|nakilahok|voted|expressed|took\s+part|turned\s+out|cast|проголосовал\p{L}*|выразил\p{L}*|принял\p{L}*\s+участие|пришл\p{L}*|քվեարկել\p{L}*/giu, subjectType: 'place', object: 'quantity', subjectSide: 'any', objectSide: 'any', noun: VOTER_NOUN, unit: 'voters', electionDate: true, weight: 0.7 },
  // Inauguration: "Ang pagpapasinaya … si Bako Sahakyan ay naka-iskedyul sa Setyembre 7"
  { id: 'inauguration', predicate: 'inauguration date', cue: /pagpapasinaya|panunumpa|manunumpa|inagurasyon|inauguration|inaugurated|sworn\s+in|swearing-in|инаугураци\p{L}*|вступ\p{L}*\s+в\s+должность|երդմնակալ\p{L}*/giu, subjectType: 'person', object: 'date', subjectSide: 'any', objectSide: 'any', weight: 0.85 },
  // Election date: "Noong Hulyo 19, 2012, ang … halalan … ay ginanap sa NKR"
  { id: 'election-date', predicate: 'election date', cue: /halalan|eleksyon|election|elections|выбор\p{L}*|голосовани\p{L}*|ընտրություն\p{L}*/giu, subjectType: 'place', object: 'date', subjectSide: 'any', objectSide: 'any', weight: 0.8 },
  // Candidates: "… si Pangulong Bako Sahakyan, … Vitaly Balasanyan at … Arkady Soghomonyan ay nakilahok"
  { id: 'candidate', predicate: 'candidate in election', cue: /nakilahok|lumahok|kandidato|tumakbo|took\s+part|participated|ran\s+for|candidates?|contested|участвовал\p{L}*|кандидат\p{L}*|баллотировал\p{L}*|թեկնածու\p{L}*/giu, subjectType: 'person', object: 'election-place', subjectSide: 'any', objectSide: 'any', electionDate: true, weight: 0.6 },
  // Births and deaths
  { id: 'born', predicate: 'date of birth', cue: /ipinanganak|isinilang|born|родил(?:ся|ась)|ծնվել\p{L}*/giu, subjectType: 'person', object: 'date', subjectSide: 'any', objectSide: 'any', weight: 0.8 },
  { id: 'died', predicate: 'date of death', cue: /namatay|pumanaw|died|passed\s+away|умер(?:ла)?|скончал(?:ся|ась)|մահացել\p{L}*/giu, subjectType: 'person', object: 'date', subjectSide: 'any', objectSide: 'any', weight: 0.8 },
  // Population: "Armenia has a population of 3 million"
  { id: 'population', predicate: 'population', cue: /populasyon|mamamayan|population|inhabitants|residents|населени\p{L}*|жител\p{L}*|բնակչ\p{L}*/giu, subjectType: 'place', object: 'quantity', subjectSide: 'any', objectSide: 'any', unit: 'people', weight: 0.7 },
];

interface Context {
  electionDate: string | null;
  electionPlace: Mention | null;
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

function nearest(items: Mention[], cue: { start: number; end: number }, side: Side, used: Set<Mention>): Mention | undefined {
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

/** Cue regexes start at a word boundary ("won" is not in "wonder", "cast" not in "broadcast"). */
const CUES = new Map(PATTERNS.map((p) => [p, new RegExp(`(?<![\\p{L}])(?:${p.cue.source})`, p.cue.flags)]));

/** Proposes facts from the mentions, sentence by sentence. */
export function proposeFacts(text: string, sentences: Span[], mentions: Mention[], referenceDate?: string | null): CandidateFact[] {
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
      if (i >= 0 && m.index + m[0].length <= sentences[i][1]) cues[i][pi].push({ start: m.index, end: m.index + m[0].length });
    }
  });
  const fullDates = sorted.filter((m) => m.type === 'date' && m.date?.precision === 'day' && !String(m.value).startsWith('--')).sort((a, b) => a.end - b.end);
  const context = electionContext(bySentence, cues);
  const electionIndex = PATTERNS.findIndex((p) => p.id === 'election-date');
  const out: CandidateFact[] = [];
  sentences.forEach((_span, i) => {
    const usedObjects = new Set<Mention>();
    const aboutElection = cues[i][electionIndex].length > 0;
    PATTERNS.forEach((p, pi) => {
      // Candidacy is only read in a sentence that speaks of the election.
      if (p.object === 'election-place' && !aboutElection) return;
      for (const cue of cues[i][pi]) out.push(...applyPattern(p, cue, bySentence[i], context, usedObjects, fullDates, referenceDate));
    });
  });
  return dedupe(out);
}

function applyPattern(p: Pattern, cue: { start: number; end: number }, inSentence: Mention[], context: Context, used: Set<Mention>, fullDates: Mention[], referenceDate?: string | null): CandidateFact[] {
  let objectMention: Mention | undefined;
  let object: CandidateObject;
  let valueQualifier: ValueQualifier = 'exact';
  if (p.object === 'quantity' || p.object === 'percent') {
    const pool = inSentence.filter((m) => (p.object === 'percent' ? isPercent(m) : isCount(m)) && (!p.noun || (m.quantity?.noun !== undefined && p.noun.test(m.quantity.noun))));
    objectMention = nearest(pool, cue, p.objectSide, used);
    if (!objectMention) return [];
    const unit = objectMention.quantity?.unit ?? p.unit ?? null;
    object = { kind: 'number', number: Number(objectMention.value), unit: p.object === 'percent' ? '%' : unit };
    valueQualifier = objectMention.quantity?.qualifier ?? 'exact';
  } else if (p.object === 'date') {
    objectMention = nearest(inSentence.filter((m) => m.type === 'date' && !String(m.value).startsWith('--')), cue, p.objectSide, used);
    if (!objectMention) return [];
    object = { kind: 'date', date: String(objectMention.value) };
  } else {
    if (!context.electionPlace || !context.electionDate) return [];
    object = { kind: 'entity', name: String(context.electionPlace.value), type: 'place' };
  }

  let subjects: Mention[];
  if (p.id === 'turnout') subjects = context.electionPlace ? [context.electionPlace] : [];
  else if (p.object === 'election-place') subjects = inSentence.filter((m) => m.type === 'person'); // every candidate the sentence names
  else {
    const nearestSubject = nearest(inSentence.filter((m) => m.type === p.subjectType), cue, p.subjectSide, new Set());
    subjects = nearestSubject ? [nearestSubject] : [];
  }
  if (subjects.length === 0) return [];
  if (objectMention) used.add(objectMention);
  // When: a full date in the same sentence ("… received 48,000 votes on 2012-07-19"), else the document's
  // election day, else the nearest earlier full date, else the publication date.
  const sameSentence = p.electionDate ? nearest(inSentence.filter((m) => m.type === 'date' && m.date?.precision === 'day' && !String(m.value).startsWith('--')), cue, 'any', new Set()) : undefined;
  const dateQualifier = p.electionDate ? (sameSentence ? String(sameSentence.value) : (context.electionDate ?? precedingFullDate(fullDates, cue.start, referenceDate))) : null;
  return subjects.map((subject) => {
    const parts = [cue, ...(inSentence.includes(subject) ? [subject] : []), ...(objectMention ? [objectMention] : [])];
    const confidence = Math.round(p.weight * ((subject.confidence + (objectMention?.confidence ?? 0.8)) / 2) * 100) / 100;
    return {
      subject: { name: String(subject.value), type: subject.type as EntityType, text: subject.text, start: subject.start, end: subject.end },
      predicate: p.predicate,
      object,
      valueQualifier,
      qualifiers: { date: object.kind === 'date' ? null : dateQualifier, place: null },
      confidence,
      start: Math.min(...parts.map((x) => x.start)),
      end: Math.max(...parts.map((x) => x.end)),
      rule: p.id,
      ...(objectMention ? { objectMention } : {}),
    };
  });
}

/** The nearest earlier full date (or the publication date) for patterns that need a date qualifier. `fullDates` is sorted by end. */
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
    const date = inSentence.find((m) => m.type === 'date' && m.date?.precision === 'day' && !String(m.value).startsWith('--'));
    if (!date) continue;
    const place = inSentence.find((m) => m.type === 'place') ?? null;
    return { electionDate: String(date.value), electionPlace: place };
  }
  return { electionDate: null, electionPlace: null };
}

function dedupe(facts: CandidateFact[]): CandidateFact[] {
  const seen = new Map<string, CandidateFact>();
  for (const f of facts) {
    const value = f.object.kind === 'number' ? f.object.number : f.object.kind === 'date' ? f.object.date : f.object.name;
    const key = `${f.subject.name}\u0000${f.predicate}\u0000${value}\u0000${f.qualifiers.date}`;
    const before = seen.get(key);
    if (!before || f.confidence > before.confidence) seen.set(key, f);
  }
  return [...seen.values()].sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}
