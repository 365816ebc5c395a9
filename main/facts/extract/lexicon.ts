// Word lists of the rule-based extractor, per language (Tagalog, English, Russian; a little Armenian).
// Everything is lower-case; Latin-script words are matched case-insensitively unless a rule says otherwise.

/** Month names and their forms → month number. Russian forms cover the cases dates use (июля, в июле). */
export const MONTHS: ReadonlyArray<readonly [string, number]> = [
  // English (abbreviations with an optional dot are added by the date rules)
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  // Tagalog (and the Spanish spellings Filipino texts also use)
  ['enero', 1], ['pebrero', 2], ['febrero', 2], ['marso', 3], ['abril', 4], ['mayo', 5], ['hunyo', 6], ['junio', 6],
  ['hulyo', 7], ['julio', 7], ['agosto', 8], ['setyembre', 9], ['septiyembre', 9], ['septiembre', 9], ['setiembre', 9],
  ['oktubre', 10], ['octubre', 10], ['nobyembre', 11], ['noviembre', 11], ['disyembre', 12], ['diciembre', 12],
  ['ene', 1], ['peb', 2], ['abr', 4], ['hun', 6], ['hul', 7], ['ago', 8], ['set', 9], ['okt', 10], ['nob', 11], ['dis', 12],
  // Russian: nominative, genitive (19 июля), prepositional (в июле), abbreviations
  ['январь', 1], ['января', 1], ['январе', 1], ['февраль', 2], ['февраля', 2], ['феврале', 2], ['март', 3], ['марта', 3], ['марте', 3],
  ['апрель', 4], ['апреля', 4], ['апреле', 4], ['май', 5], ['мая', 5], ['мае', 5], ['июнь', 6], ['июня', 6], ['июне', 6],
  ['июль', 7], ['июля', 7], ['июле', 7], ['август', 8], ['августа', 8], ['августе', 8], ['сентябрь', 9], ['сентября', 9], ['сентябре', 9],
  ['октябрь', 10], ['октября', 10], ['октябре', 10], ['ноябрь', 11], ['ноября', 11], ['ноябре', 11], ['декабрь', 12], ['декабря', 12], ['декабре', 12],
  ['янв', 1], ['фев', 2], ['февр', 2], ['апр', 4], ['авг', 8], ['сен', 9], ['сент', 9], ['окт', 10], ['нояб', 11], ['дек', 12],
  // Armenian (nominative and genitive: հուլիսի 19)
  ['հունվար', 1], ['փետրվար', 2], ['մարտ', 3], ['ապրիլ', 4], ['մայիս', 5], ['հունիս', 6], ['հուլիս', 7], ['օգոստոս', 8],
  ['սեպտեմբեր', 9], ['հոկտեմբեր', 10], ['նոյեմբեր', 11], ['դեկտեմբեր', 12],
  ['հունվարի', 1], ['փետրվարի', 2], ['մարտի', 3], ['ապրիլի', 4], ['մայիսի', 5], ['հունիսի', 6], ['հուլիսի', 7], ['օգոստոսի', 8],
  ['սեպտեմբերի', 9], ['հոկտեմբերի', 10], ['նոյեմբերի', 11], ['դեկտեմբերի', 12],
];

/** Month words that are also ordinary words: they count as months only when capitalised (May, Mar, Set, Dis…). */
export const AMBIGUOUS_MONTHS = new Set(['may', 'mar', 'jan', 'jun', 'jul', 'sep', 'set', 'dec', 'hun', 'hul', 'ago', 'dis', 'ene', 'nob', 'abr', 'peb', 'okt', 'nov', 'oct', 'aug', 'feb', 'apr', 'sept']);

/** Tagalog multipliers, with the linker -ng. */
export const TAGALOG_MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['daan', 100], ['daang', 100], ['raan', 100], ['raang', 100], ['libo', 1e3], ['libong', 1e3], ['libu', 1e3],
  ['milyon', 1e6], ['milyong', 1e6], ['bilyon', 1e9], ['bilyong', 1e9], ['trilyon', 1e12], ['trilyong', 1e12],
];

/** Multiplier words after a number: "73 libong", "47 тысяч", "1.5 milyon", "20 thousand". */
export const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ...TAGALOG_MULTIPLIERS,
  // English
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9],
  // Russian
  ['сотня', 100], ['сотни', 100], ['сотен', 100],
  ['тысяча', 1e3], ['тысячи', 1e3], ['тысяч', 1e3], ['тысячу', 1e3], ['тысячей', 1e3], ['тыс', 1e3],
  ['миллион', 1e6], ['миллиона', 1e6], ['миллионов', 1e6], ['млн', 1e6],
  ['миллиард', 1e9], ['миллиарда', 1e9], ['миллиардов', 1e9], ['млрд', 1e9],
  ['триллион', 1e12], ['триллиона', 1e12], ['триллионов', 1e12], ['трлн', 1e12],
  // Armenian (with the article and the genitive: հազարը, միլիոնի)
  ['հարյուր', 100], ['հազար', 1e3], ['հազարը', 1e3], ['հազարի', 1e3], ['միլիոն', 1e6], ['միլիոնը', 1e6], ['միլիոնի', 1e6],
  ['միլիարդ', 1e9], ['միլիարդը', 1e9], ['միլիարդի', 1e9], ['տրիլիոն', 1e12], ['տրիլիոնը', 1e12], ['տրիլիոնի', 1e12],
];

/** Tagalog number words (isa/isang alone is the article "a", so it only counts before a multiplier: see NOT_ALONE). */
export const TAGALOG_NUMBER_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['isa', 1], ['isang', 1], ['dalawa', 2], ['dalawang', 2], ['tatlo', 3], ['tatlong', 3], ['apat', 4], ['lima', 5], ['limang', 5],
  ['anim', 6], ['pito', 7], ['pitong', 7], ['walo', 8], ['walong', 8], ['siyam', 9], ['sampu', 10], ['sampung', 10],
  ['labing-isa', 11], ['labindalawa', 12], ['labintatlo', 13], ['labing-apat', 14], ['labinlima', 15], ['labing-anim', 16],
  ['labimpito', 17], ['labingwalo', 18], ['labinsiyam', 19],
  ['dalawampu', 20], ['dalawampung', 20], ['tatlumpu', 30], ['tatlumpung', 30], ['apatnapu', 40], ['apatnapung', 40],
  ['limampu', 50], ['limampung', 50], ['animnapu', 60], ['animnapung', 60], ['pitumpu', 70], ['pitumpung', 70],
  ['walumpu', 80], ['walumpung', 80], ['siyamnapu', 90], ['siyamnapung', 90],
  ['sandaan', 100], ['sandaang', 100], ['isandaan', 100], ['sanlibo', 1000], ['sanlibong', 1000],
];

/** Number words: units, teens, tens (hundreds/thousands are MULTIPLIERS). Linker forms included. */
export const NUMBER_WORDS: ReadonlyArray<readonly [string, number]> = [
  ...TAGALOG_NUMBER_WORDS,
  // English
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
  ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90], ['a', 1], ['dozen', 12],
  // Russian (nominative and the genitive forms used after "более", "около")
  ['один', 1], ['одна', 1], ['одно', 1], ['одного', 1], ['одной', 1], ['два', 2], ['две', 2], ['двух', 2], ['три', 3], ['трёх', 3], ['трех', 3],
  ['четыре', 4], ['четырёх', 4], ['четырех', 4], ['пять', 5], ['пяти', 5], ['шесть', 6], ['шести', 6], ['семь', 7], ['семи', 7],
  ['восемь', 8], ['восьми', 8], ['девять', 9], ['девяти', 9], ['десять', 10], ['десяти', 10],
  ['одиннадцать', 11], ['двенадцать', 12], ['тринадцать', 13], ['четырнадцать', 14], ['пятнадцать', 15], ['шестнадцать', 16],
  ['семнадцать', 17], ['восемнадцать', 18], ['девятнадцать', 19], ['двадцать', 20], ['двадцати', 20], ['тридцать', 30], ['тридцати', 30],
  ['сорок', 40], ['сорока', 40], ['пятьдесят', 50], ['шестьдесят', 60], ['семьдесят', 70], ['восемьдесят', 80], ['девяносто', 90],
  // Armenian
  ['մեկ', 1], ['երկու', 2], ['երեք', 3], ['չորս', 4], ['հինգ', 5], ['վեց', 6], ['յոթ', 7], ['յոթը', 7], ['ութ', 8], ['ութը', 8],
  ['ինը', 9], ['տասը', 10], ['տաս', 10], ['քսան', 20], ['երեսուն', 30], ['քառասուն', 40], ['հիսուն', 50], ['վաթսուն', 60],
  ['յոթանասուն', 70], ['ութսուն', 80], ['իննսուն', 90],
  ['сто', 100], ['ста', 100], ['двести', 200], ['двухсот', 200], ['триста', 300], ['трёхсот', 300], ['трехсот', 300], ['четыреста', 400],
  ['пятьсот', 500], ['пятисот', 500], ['шестьсот', 600], ['семьсот', 700], ['восемьсот', 800], ['девятьсот', 900],
];

/** Words that are numbers only as part of a bigger number ("isang daan", "a hundred", "одна тысяча"), never alone. */
export const NOT_ALONE = new Set(['isa', 'isang', 'a', 'one', 'один', 'одна', 'одно', 'одного', 'одной', 'մեկ']);

/** Tagalog number words that take the linker "na" (apat na raan, anim na libo, siyam na milyon). */
export const NA_LINKED = new Set(['apat', 'anim', 'siyam']);

/** Qualifiers written before a number (longest first when matching). */
export const QUALIFIER_PHRASES: ReadonlyArray<readonly [string, 'gt' | 'lt' | 'approx']> = [
  // Tagalog
  ['higit sa', 'gt'], ['mahigit sa', 'gt'], ['higit pa sa', 'gt'], ['mahigit', 'gt'], ['higit', 'gt'], ['lampas sa', 'gt'], ['lagpas sa', 'gt'],
  ['mas marami sa', 'gt'], ['kulang sa', 'lt'], ['wala pang', 'lt'], ['mas mababa sa', 'lt'], ['mas kaunti sa', 'lt'],
  ['humigit-kumulang', 'approx'], ['humigit kumulang', 'approx'], ['tinatayang', 'approx'], ['halos', 'approx'], ['mga', 'approx'], ['bandang', 'approx'],
  // English
  ['more than', 'gt'], ['over', 'gt'], ['above', 'gt'], ['in excess of', 'gt'], ['upwards of', 'gt'],
  ['less than', 'lt'], ['fewer than', 'lt'], ['under', 'lt'], ['below', 'lt'],
  ['at least', 'gt'], ['no fewer than', 'gt'], ['not less than', 'gt'], ['at most', 'lt'], ['up to', 'lt'],
  ['about', 'approx'], ['around', 'approx'], ['approximately', 'approx'], ['roughly', 'approx'], ['some', 'approx'], ['nearly', 'approx'],
  ['almost', 'approx'], ['circa', 'approx'], ['an estimated', 'approx'], ['estimated', 'approx'],
  // Russian
  ['более чем', 'gt'], ['более', 'gt'], ['свыше', 'gt'], ['больше', 'gt'], ['больше чем', 'gt'],
  ['менее чем', 'lt'], ['менее', 'lt'], ['меньше', 'lt'], ['меньше чем', 'lt'],
  ['не менее', 'gt'], ['не более', 'lt'],
  ['около', 'approx'], ['примерно', 'approx'], ['почти', 'approx'], ['порядка', 'approx'], ['приблизительно', 'approx'],
  // Armenian
  ['ավելի քան', 'gt'], ['ավելի, քան', 'gt'], ['ոչ պակաս, քան', 'gt'], ['ոչ պակաս քան', 'gt'], ['պակաս, քան', 'lt'], ['պակաս քան', 'lt'],
  ['մոտ', 'approx'], ['շուրջ', 'approx'], ['մոտավորապես', 'approx'], ['գրեթե', 'approx'], ['ավելի քիչ, քան', 'lt'],
];

/** Currency words and symbols → ISO 4217. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD', 'us$': 'USD', '€': 'EUR', '£': 'GBP', '₱': 'PHP', '₽': 'RUB', '֏': 'AMD', '¥': 'JPY', '₴': 'UAH', '₹': 'INR', '₼': 'AZN', '₾': 'GEL',
};
export const CURRENCY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['us dollars', 'USD'], ['dollars', 'USD'], ['dollar', 'USD'], ['usd', 'USD'], ['dolyar', 'USD'], ['dolyares', 'USD'],
  ['euros', 'EUR'], ['euro', 'EUR'], ['eur', 'EUR'], ['pounds', 'GBP'], ['gbp', 'GBP'],
  ['pesos', 'PHP'], ['peso', 'PHP'], ['piso', 'PHP'], ['php', 'PHP'],
  ['rubles', 'RUB'], ['roubles', 'RUB'], ['ruble', 'RUB'], ['rouble', 'RUB'], ['rub', 'RUB'],
  ['рублей', 'RUB'], ['рубля', 'RUB'], ['рубль', 'RUB'], ['руб', 'RUB'],
  ['долларов', 'USD'], ['доллара', 'USD'], ['доллар', 'USD'], ['евро', 'EUR'],
  ['dram', 'AMD'], ['drams', 'AMD'], ['amd', 'AMD'], ['драмов', 'AMD'], ['драма', 'AMD'], ['драм', 'AMD'],
  ['դրամ', 'AMD'], ['դրամի', 'AMD'], ['դրամը', 'AMD'], ['դոլար', 'USD'], ['դոլարի', 'USD'], ['դոլարը', 'USD'], ['եվրո', 'EUR'],
  ['եվրոյի', 'EUR'], ['ռուբլի', 'RUB'],
  ['manat', 'AZN'], ['lari', 'GEL'], ['yen', 'JPY'], ['yuan', 'CNY'],
];
/** Codes written before the amount: "USD 5 million", "PHP 500". */
export const CURRENCY_PREFIX_CODES = new Set(['USD', 'EUR', 'GBP', 'PHP', 'RUB', 'AMD', 'JPY', 'CNY', 'AZN', 'GEL']);

export const PERCENT_WORDS = [
  'per cent', 'percent', 'porsiyento', 'porsyento', 'bahagdan', 'процентов', 'процента', 'процент', 'проц',
  'տոկոս', 'տոկոսը', 'տոկոսի', 'տոկոսով', 'տոկոսին', 'տոկոսից',
];

/**
 * Capitalised words that are not names: function words that start sentences, discourse words, and
 * common capitalised nouns. Tagalog is verb-first, so sentence-initial verbs are handled by a rule instead.
 */
export const NOT_NAMES = new Set([
  // Tagalog
  'ang', 'ng', 'mga', 'sa', 'si', 'sina', 'ni', 'nina', 'kay', 'kina', 'noong', 'nang', 'ayon', 'gayunpaman', 'pagkatapos', 'subalit',
  'ngunit', 'datapwat', 'samantala', 'dahil', 'kung', 'kaya', 'habang', 'mayroong', 'mayroon', 'may', 'hindi', 'ito', 'iyon', 'iyan',
  'siya', 'sila', 'kami', 'tayo', 'nila', 'niya', 'ako', 'ikaw', 'lahat', 'bukod', 'bagaman', 'kahit', 'upang', 'para', 'tulad', 'dito',
  'doon', 'at', 'o', 'na', 'pa', 'din', 'rin', 'bilang', 'bago', 'sapagkat', 'kapag', 'pero', 'saka', 'maging', 'bagama', 'ayaw', 'noon',
  'ngayon', 'kamakailan', 'dati', 'opisyal', 'kanluran', 'silangan', 'hilaga', 'timog', 'saligang', 'batas', 'ebanghelyo', 'diyos',
  'pangulo', 'panguluhan', 'halalan', 'republika', 'estado', 'bansa', 'lungsod', 'lalawigan', 'bayan',
  // English
  'the', 'a', 'an', 'on', 'in', 'at', 'by', 'for', 'from', 'with', 'of', 'to', 'according', 'however', 'nevertheless', 'afterwards',
  'after', 'before', 'during', 'since', 'also', 'but', 'and', 'or', 'yet', 'although', 'both', 'each', 'every', 'some', 'many', 'most',
  'other', 'such', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'its',
  'there', 'then', 'when', 'while', 'where', 'which', 'who', 'what', 'why', 'how', 'all', 'no', 'not', 'if', 'as', 'so', 'thus', 'here',
  'official', 'representatives', 'west', 'east', 'north', 'south', 'constitution', 'gospel', 'bible', 'god', 'internet', 'today',
  'yesterday', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'meanwhile', 'moreover',
  'furthermore', 'finally', 'first', 'second', 'later', 'earlier', 'instead', 'indeed', 'still', 'only', 'even', 'once', 'an',
  'president', 'presidential', 'election', 'elections', 'republic', 'state', 'government', 'chapter', 'section', 'article', 'figure', 'table',
  // Russian
  'в', 'во', 'на', 'по', 'с', 'со', 'к', 'ко', 'о', 'об', 'от', 'до', 'из', 'за', 'для', 'при', 'и', 'а', 'но', 'или', 'что', 'как',
  'так', 'это', 'этот', 'эта', 'эти', 'он', 'она', 'они', 'оно', 'мы', 'вы', 'я', 'его', 'ее', 'её', 'их', 'все', 'всё', 'весь',
  'согласно', 'однако', 'тем', 'впоследствии', 'кроме', 'после', 'тогда', 'когда', 'где', 'если', 'также', 'затем', 'поэтому',
  'официальный', 'запад', 'восток', 'конституция', 'евангелие', 'бог', 'президент', 'выборы', 'республика', 'государство',
  'сегодня', 'вчера', 'завтра', 'ранее', 'позже',
  // Armenian (frequent sentence starters)
  'այս', 'այդ', 'նա', 'նրանք', 'ըստ', 'սակայն', 'հետո', 'իսկ', 'նաև', 'այնուհետև', 'այսօր', 'երեկ', 'վաղը', 'արդյունքում',
  'մինչդեռ', 'բացի', 'որպես', 'երբ', 'քանի', 'դա', 'դրանք', 'այստեղ', 'նախագահական',
  // English modifiers that start a run before a name
  'former', 'opposition', 'ex', 'late', 'acting', 'interim', 'newly', 'elected', 'leaders', 'officials', 'residents',
]);

/** Nationality adjectives: never part of a person's name ("Former Philippine president Fidel V. Ramos"). */
export const DEMONYMS = new Set([
  'philippine', 'filipino', 'pilipino', 'armenian', 'russian', 'american', 'georgian', 'azerbaijani', 'azeri', 'turkish', 'iranian',
  'french', 'british', 'english', 'german', 'european', 'soviet', 'chinese', 'japanese', 'ukrainian', 'syrian', 'israeli', 'greek',
]);

/** Abstract and agent nouns by their suffix (Инаугурация, Երդմնակալության, Ընտրություններին): never a name. */
export const COMMON_NOUN_SUFFIX =
  /(?:[ая]ция|[ая]ции|[ая]цию|[ая]цией|[еа]ние|[еа]ния|[еа]нию|[еа]нием|[еа]нии|ство|ства|ству|ством|стве|тель|теля|телю|телем|ость|ости|остью|ությ(?:ուն|ան|ամբ)(?:ը|ն|ի|ից|ում|ով|ներ\p{L}*)?|ական(?:ը|ի|ին|ում|ից|ներ\p{L}*)?|ներ|ները|ների|ներին|ներում|ներից)$/u;

/** Titles and roles before a person's name ("Pangulong Bako Sahakyan", "President", "г-н"). */
export const TITLES = new Set([
  // Tagalog
  'pangulong', 'pangulo', 'presidente', 'pangalawang', 'senador', 'kongresista', 'kalihim', 'gobernador', 'alkalde', 'mayor', 'heneral',
  'hukom', 'punong', 'ministro', 'ministrong', 'embahador', 'konsul', 'obispo', 'padre', 'kapitan', 'koronel', 'g', 'gng', 'bb', 'gat',
  'dr', 'atty', 'engr', 'prop', 'propesor', 'tagapangulo', 'direktor', 'rektor', 'bise-rektor',
  // English
  'president', 'vice-president', 'minister', 'prime', 'deputy', 'secretary', 'senator', 'congressman', 'congresswoman', 'governor',
  'mayor', 'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'ambassador', 'chairman', 'chairwoman', 'chair', 'director', 'rector',
  'vice-rector', 'professor', 'prof', 'judge', 'justice', 'bishop', 'archbishop', 'father', 'king', 'queen', 'prince', 'princess',
  'sheikh', 'mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'lord', 'lady', 'speaker', 'chancellor', 'premier', 'commissioner', 'spokesman',
  'spokeswoman', 'spokesperson', 'incumbent', 'candidate', 'co-chair', 'co-chairs', 'head', 'leader',
  // Russian
  'президент', 'президента', 'президентом', 'министр', 'министра', 'премьер-министр', 'премьер', 'глава', 'главы', 'генерал', 'депутат',
  'посол', 'губернатор', 'мэр', 'председатель', 'председателя', 'директор', 'ректор', 'проректор', 'профессор', 'спикер', 'кандидат',
  'кандидата', 'лидер', 'г-н', 'г-жа', 'господин', 'госпожа', 'сенатор', 'конгрессмен', 'сопредседатель', 'сопредседатели',
  'писатель', 'композитор', 'поэт', 'художник', 'актёр', 'актер', 'актриса', 'певец', 'певица', 'режиссёр', 'режиссер', 'журналист',
  'футболист', 'нападающий', 'полузащитник', 'защитник', 'вратарь', 'тренер', 'омбудсмен', 'экс-президент', 'вице-премьер',
  'вице-президент', 'патриарх', 'католикос', 'архиепископ', 'судья', 'прокурор', 'бывший', 'экс-министр', 'шахматист', 'гроссмейстер',
  // Armenian
  'նախագահ', 'նախագահի', 'վարչապետ', 'վարչապետի', 'նախարար', 'նախարարի', 'փոխնախարար', 'պատգամավոր', 'դեսպան', 'քաղաքապետ',
  'գեներալ', 'պարոն', 'տիկին', 'կոմպոզիտոր', 'գրող', 'բանաստեղծ', 'նկարիչ', 'դերասան', 'երգիչ', 'երգչուհի', 'ղեկավար', 'ղեկավարի',
  'խոսնակ', 'թեկնածու', 'նախկին', 'ֆուտբոլիստ', 'շախմատիստ', 'մարզիչ', 'դատավոր', 'դատախազ', 'օմբուդսմեն', 'կաթողիկոս', 'պատրիարք',
  'սպիկեր', 'նախագահող', 'ատենապետ', 'փոխվարչապետ', 'հեղինակ',
]);

/** Tagalog personal markers: the next capitalised words are a person (si Bako, ni Vitaly, kay Vitaly). */
export const PERSON_MARKERS = new Set(['si', 'sina', 'ni', 'nina', 'kay', 'kina']);

/** Organisation cue words. `tail`: the name ends with the cue (Yerevan Agrarian University); `head`: the cue starts it (Unibersidad ng Pilipinas). */
export const ORG_CUES_TAIL = new Set([
  'university', 'assembly', 'commission', 'congress', 'committee', 'ministry', 'party', 'council', 'court', 'bank', 'agency', 'office',
  'department', 'union', 'association', 'foundation', 'institute', 'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'group',
  'caucus', 'front', 'movement', 'alliance', 'museo', 'commonwealth', 'league', 'federation', 'organization', 'organisation', 'authority', 'board', 'bureau',
  'senate', 'parliament', 'government', 'police', 'army', 'navy', 'forces', 'church', 'school', 'college', 'academy', 'center', 'centre',
  'fund', 'network', 'service', 'tribunal', 'cabinet', 'administration', 'society', 'club', 'coalition', 'secretariat',
  'hospital', 'museum', 'library', 'press', 'news', 'agencies', 'ministries', 'bloc',
]);
export const ORG_CUES_HEAD = new Set([
  'unibersidad', 'pamantasan', 'kapulungan', 'kapulungang', 'komisyon', 'kongreso', 'komite', 'kagawaran', 'ministeryo', 'partido',
  'senado', 'kamara', 'bangko', 'samahan', 'hukbong', 'hukbo', 'simbahan', 'korte', 'hukuman', 'tanggapan', 'pamahalaan', 'konseho',
  'kolehiyo', 'akademya', 'instituto', 'pundasyon', 'liga', 'unyon', 'koalisyon', 'ahensiya', 'ahensya', 'lupon', 'sentro', 'paaralan',
  'university', 'ministry', 'commission', 'committee', 'council', 'department', 'bank', 'office', 'institute', 'academy', 'court',
  'federation', 'union', 'league', 'organization', 'organisation', 'assembly', 'congress', 'party', 'board', 'bureau', 'agency',
  'commonwealth', 'komisyong', 'kagawarang', 'partidong', 'korteng', 'kongresong', 'konsehong', 'ministeryong', 'samahang', 'bangkong',
]);
/** Lower-case words after a capitalised name that make it an organisation (Civil Contract party, Gilas team). */
export const ORG_CUES_AFTER = new Set(['party', 'alliance', 'bloc', 'movement', 'coalition', 'faction', 'partido', 'koalisyon', 'alyansa']);
/** Offices whose "of …" / "ng …" names the organisation (Ministro ng Ugnayang Panlabas, Secretary of Foreign Affairs). */
export const OFFICE_TITLES = new Set(['ministro', 'kalihim', 'minister', 'secretary', 'ministrong', 'director', 'direktor', 'head', 'pinuno']);
/**
 * Armenian organisation nouns: stems of -ություն words take any ending; the others only case endings
 * (ժողով but not ժողովուրդ "people").
 */
export const ORG_CUES_HY_ANY_ENDING = ['նախարարությ', 'կուսակցությ', 'միությ', 'ծառայությ', 'ընկերությ', 'գործակալությ', 'դատախազությ', 'ոստիկանությ', 'վարչությ', 'տեսչությ'];
export const ORG_CUES_HY = ['հանձնաժողով', 'դատարան', 'խորհուրդ', 'խորհրդ', 'ժողով', 'բանկ', 'կոմիտե', 'համալսարան', 'ինստիտուտ', 'ակադեմիա', 'ֆոնդ', 'դաշինք', 'կենտրոն', 'շարժում', 'գրասենյակ'];
export const HY_CASE_ENDINGS = new Set(['', 'ը', 'ն', 'ի', 'ին', 'ում', 'ից', 'ով', 'յի', 'յին', 'ներ', 'ները', 'ների', 'ներին']);
/** Russian organisation nouns (any case form): "Центральная избирательная комиссия", "Министерство обороны". */
export const ORG_CUES_RU = [
  'университет', 'комисси', 'собрани', 'конгресс', 'министерств', 'парти', 'совет', 'комитет', 'суд', 'банк', 'агентств', 'управлени',
  'институт', 'академи', 'союз', 'ассоциаци', 'фонд', 'организаци', 'правительств', 'парламент', 'сенат', 'дум', 'церк', 'служб',
  'администраци', 'движени', 'блок', 'коалици', 'федераци', 'лиг', 'компани', 'корпораци', 'центр', 'содружеств', 'трибунал',
  'прокуратур', 'палат',
];
/** Well-known acronyms and their canonical names; other all-capitals words are resolved by the gazetteer or left alone. */
export const ORG_ACRONYMS: Readonly<Record<string, string>> = {
  CEC: 'CEC', 'ЦИК': 'CEC', 'ԿԸՀ': 'CEC', COMELEC: 'COMELEC', UN: 'United Nations', 'ООН': 'United Nations', 'ՄԱԿ': 'United Nations',
  EU: 'European Union', 'ЕС': 'European Union', NATO: 'NATO', 'НАТО': 'NATO', OSCE: 'OSCE', 'ОБСЕ': 'OSCE', 'ԵԱՀԿ': 'OSCE',
  PACE: 'PACE', 'ПАСЕ': 'PACE', CIS: 'CIS', 'СНГ': 'CIS', CSTO: 'CSTO', 'ОДКБ': 'CSTO', ASEAN: 'ASEAN', IMF: 'IMF', 'МВФ': 'IMF',
  WHO: 'WHO', 'ВОЗ': 'WHO', UNESCO: 'UNESCO', 'ЮНЕСКО': 'UNESCO', UNICEF: 'UNICEF', FBI: 'FBI', CIA: 'CIA', KGB: 'KGB', 'КГБ': 'KGB',
  'ФСБ': 'FSB', FSB: 'FSB', ICRC: 'ICRC', 'МККК': 'ICRC', AFP: 'AFP', 'ТАСС': 'TASS', TASS: 'TASS',
};

/** Particles inside personal names ("Charles de Gaulle", "Ludwig van Beethoven"), only between capitalised words. */
export const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'dela', 'delos', 'van', 'von', 'der', 'den', 'ter', 'du', 'le', 'la', 'dos', 'das', 'bin', 'ibn', 'al', 'y']);

/** Words that make a run of capitals a state ("Nagorno-Karabakh Republic", "Republika ng …", "Республика …"). */
export const STATE_WORDS = new Set(['republic', 'republika', 'republikang', 'kingdom', 'kaharian', 'federation', 'principality', 'emirate', 'sultanate', 'республика', 'республики', 'королевство', 'федерация']);

/** Surname endings that make a lone capitalised word a likely person (Sahakyan, Саакян, Petrov, Шевченко). */
export const SURNAME_ENDINGS = /(?:yan|yants|ov|ova|ev|eva|yev|yeva|enko|sky|ski|skaya|vich|ovich|evich|dze|shvili|ян|янц|ов|ова|ев|ева|ин|ина|енко|ский|ская|вич|ович|евич|дзе|швили|յան|յանց)$/u;

/** Russian title words written in lower case right before a name (президент Бако Саакян). */
export const LOWERCASE_TITLE_PREFIX = /^(?:президент[а-я]*|министр[а-я]*|премьер-министр[а-я]*|глав[а-я]|генерал[а-я]*|депутат[а-я]*|посол|посла|губернатор[а-я]*|мэр[а-я]*|председател[а-я]*|кандидат[а-я]*|лидер[а-я]*|сопредседател[а-я]*|г-н|г-жа|господин[а-я]*|госпож[а-я]|pangulong|presidente|president|minister|senador|senator|gobernador|heneral|kalihim|dating|former|incumbent|nanunungkulang?)$/u;
