/**
 * The Swedish texts of the scenario layer's two message catalogues (`vmsg` in messages.ts, `msg`
 * in errors.ts), typed by the English ones so a missing text fails the type-check, and
 * `useMessageLanguage(lang)`: the command line calls it once with `--lang` before reading a
 * scenario, and every message the scenario layer makes from then on is in that language. The
 * catalogues stay the objects every module imports (their functions are swapped in place), so no
 * function of the scenario layer takes a language argument. Keys and paths (`st.intake`,
 * `health-centres`) are the file format's own words and are not translated.
 */
import { closest, compactYears, plainNumber, vmsg } from './messages.js';
import { msg, readWhy } from './errors.js';

const READ_WHY_SV: Readonly<Record<string, string>> = {
  ELOOP: 'symboliska länkar som pekar i en cirkel', EACCES: 'behörighet saknas att läsa den', EPERM: 'behörighet saknas att läsa den', EIO: 'disken kunde inte läsas', ENAMETOOLONG: 'namnet är för långt',
};
import { KEY_ABOUT_SV } from './messages-sv-keys.js';

type Vmsg = typeof vmsg;
type Msg = typeof msg;

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const quote = (s: string): string => JSON.stringify(s);
/** A number in a message: decimal comma (no grouping: the value is shown as the file wrote it). */
const n = (x: number): string => String(x).replace('.', ',');
const plural = (k: number, one: string, many: string) => (k === 1 ? one : many);

const TYPE_WORDS: Record<string, string> = { number: 'ett tal', int: 'ett heltal', string: 'text', object: 'en mappning (nyckel: värde, …)', record: 'en mappning (nyckel: värde, …)', array: 'en lista', boolean: 'true eller false' };

/** The yaml library's errors (English) by their code; an unknown code gets a general sentence. */
const YAML_SV: Record<string, string> = {
  ALIAS_PROPS: 'ett alias kan inte ha ankare eller taggar',
  BAD_ALIAS: 'felaktigt alias',
  BAD_DIRECTIVE: 'felaktigt direktiv (rader som börjar med %)',
  BAD_DQ_ESCAPE: 'felaktig escape-sekvens inom dubbla citattecken',
  BAD_INDENT: 'fel indrag: raderna i en mappning eller lista måste vara lika långt indragna, och en {…} eller […] stängas',
  BAD_PROP_ORDER: 'ankare och taggar står i fel ordning',
  BAD_SCALAR_START: 'ett värde kan inte börja med det här tecknet (sätt det inom citattecken)',
  BLOCK_AS_IMPLICIT_KEY: 'en nyckel kan inte vara en mappning eller lista',
  BLOCK_IN_FLOW: 'en indragen mappning eller lista kan inte stå inom {…} eller […]',
  IMPOSSIBLE: 'filen kan inte tolkas här',
  MISSING_CHAR: 'ett tecken saknas (ofta ett kolon efter en nyckel, eller } eller ] som stänger)',
  MULTILINE_IMPLICIT_KEY: 'en nyckel måste stå på en rad (saknas ett kolon eller ett indrag?)',
  MULTIPLE_ANCHORS: 'ett värde kan bara ha ett ankare',
  MULTIPLE_DOCS: 'filen innehåller mer än ett YAML-dokument (---); ett scenario är ett dokument',
  MULTIPLE_TAGS: 'ett värde kan bara ha en tagg',
  NON_STRING_KEY: 'nycklar måste vara namn eller tal',
  RESOURCE_EXHAUSTION: 'för många alias att expandera',
  TAB_AS_INDENT: 'tabbtecken kan inte användas för indrag; använd mellanslag',
  TAG_RESOLVE_FAILED: 'taggen kan inte tolkas',
  UNEXPECTED_TOKEN: 'oväntat tecken här',
  BAD_COLLECTION_TYPE: 'fel sorts samling för taggen',
};
const yamlSv = (_detail: string, code?: string): string => (code !== undefined && YAML_SV[code]) || 'filen är inte giltig YAML här';

/** mathjs's syntax errors (English) in Swedish; an unknown one gets a general sentence. */
const FORMULA_SV: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Value expected/, () => 'ett värde saknas'],
  [/^Unexpected end of expression/, () => 'formeln tar slut för tidigt'],
  [/^Parenthesis \) expected/, () => 'en högerparentes ) saknas'],
  [/^Parenthesis \] expected/, () => 'en hakparentes ] saknas'],
  [/^End of matrix \] expected/, () => 'en hakparentes ] saknas'],
  [/^Unexpected operator (.*)/, (m) => `oväntad operator ${m[1].trim()}`],
  [/^(?:Unexpected part|Syntax error in part) "(.*)"/, (m) => `oväntat "${m[1]}"`],
  [/^End of string (.) expected/, (m) => `texten saknar sitt avslutande ${m[1]}`],
  [/^Digit expected/, () => 'en siffra saknas'],
];
function formulaSv(detail: string): string {
  for (const [re, sv] of FORMULA_SV) {
    const m = re.exec(detail);
    if (m) return sv(m);
  }
  return 'formeln kan inte tolkas här';
}

export const vmsgSv: Vmsg = {
  typeWord: (kind) => TYPE_WORDS[kind] ?? kind,
  either: (words) => words.join(' eller '),
  describeValue: (v) => {
    if (v === null) return 'ett tomt värde';
    if (Array.isArray(v)) return 'en lista';
    if (typeof v === 'object') return 'en mappning';
    if (typeof v === 'string') {
      const p = plainNumber(v);
      return `texten "${v.length > 40 ? v.slice(0, 37) + '…' : v}"${p === null ? '' : ` (skriv talet som ${p}: punkt för decimaler, inga mellanrum)`}`;
    }
    if (typeof v === 'number' && Number.isNaN(v)) return 'NaN (inte ett tal: .nan)';
    if (typeof v === 'number' && !Number.isFinite(v)) return `${v > 0 ? '' : 'minus '}oändligheten (.inf, eller ett tal för stort att hålla som 1e400)`;
    if (typeof v === 'number') return `talet ${n(v)}`;
    return String(v);
  },
  // A description without a Swedish text is left out rather than shown in English.
  about: (description) => (description === undefined ? undefined : KEY_ABOUT_SV[description]),
  rangeWords: (dom, minAge, maxAge) =>
    dom === 'share' ? 'en andel mellan 0 och 1' : dom === 'age' ? `en ålder mellan ${minAge} och ${maxAge}` : dom === 'rate' ? 'en takt på minst -1' : 'noll eller mer',
  badUrl: () => 'väntade en webbadress som börjar med https:// eller http:// (rapporten gör den till en länk)',
  blankName: () => 'ett namn av bara mellanslag: ge det ett synligt tecken (det namnger scenariot eller regionen i varje tabell och diagram)',
  controlChar: (code, index) => `ett styrtecken (U+${code.toString(16).toUpperCase().padStart(4, '0')}) vid tecken ${index}: texter får innehålla tabbar och radbrytningar, inte styrtecken (en terminal skulle köra dem som kommandon)`,
  unknownKey: (key, allowed) => {
    const hint = closest(key, allowed);
    return `okänd nyckel '${key}'${hint ? ` (menade du '${hint}'?)` : ''}; tillåtna här: ${list(allowed)}`;
  },
  missing: (path, about) => {
    const what = vmsgSv.about(about);
    return `saknas: ${path}${what ? ` (${what})` : ''}`;
  },
  expected: (what, got) => `väntade ${what}, fick ${got}`,
  atLeast: (min, v) => `måste vara minst ${n(min)}, är ${n(v)}`,
  atMost: (max, v) => `får vara högst ${n(max)}, är ${n(v)}`,
  greaterThan: (min, v) => `måste vara större än ${n(min)}, är ${n(v)}`,
  lessThan: (max, v) => `måste vara mindre än ${n(max)}, är ${n(v)}`,
  emptyText: () => `får inte vara tom`,
  tooFewItems: (min) => `måste ha minst ${min} ${plural(min, 'post', 'poster')}`,
  tooManyItems: (max) => `får ha högst ${max} ${plural(max, 'post', 'poster')}`,
  tooShort: (min) => `måste vara minst ${min} tecken lång`,
  tooLong: (max) => `får vara högst ${max} tecken lång`,
  oneOfValues: (values, got) => `väntade ett av ${list(values.map(String))}, fick ${got}`,
  year: (v, lo, hi) => `måste vara ett år mellan ${lo} och ${hi}, är ${v}`,
  countBasis: (got, raw) => {
    const hint = typeof raw === 'string' ? closest(raw, ['health-centres', 'all-sectors']) : null;
    return `väntade 'health-centres' (specialister i allmänmedicin på vårdcentraler som kan ha listade patienter, som i Stockholms handlingsplan) eller 'all-sectors' (alla specialister i allmänmedicin i hälso- och sjukvården, som i Tabell 1), fick ${got}${hint ? ` (menade du '${hint}'?)` : ''}`;
  },
  share: (v) => `måste vara en andel mellan 0 och 1, är ${n(v)}`,
  nonNegative: (v) => `får inte vara negativ, är ${n(v)}`,
  positive: (v) => `måste vara större än 0, är ${n(v)}`,
  integer: (v) => `måste vara ett heltal, är ${n(v)}`,
  age: (v, lo, hi) => `måste vara en ålder mellan ${lo} och ${hi}, är ${n(v)}`,
  rate: (v) => `måste vara en takt på minst -1 (-100 %), är ${n(v)}`,
  distRange: (what, min, max) => `min och max måste båda vara ${what}; min är ${n(min)}, max ${n(max)}`,
  distOrder: () => `kräver min ≤ mode ≤ max`,
  distMinMax: () => `kräver min < max`,
  distEmpty: () => `gränserna lämnar inga värden (min måste ligga under max och inom parameterns intervall)`,
  distPoint: (what, detail) => `utan spridning är ${what === 'mean' ? 'medelvärdet' : 'medianen'} värdet, och det ${detail}`,
  lognormalDomain: () => `en lognormalfördelning är bara tillåten för parametrar som inte kan vara negativa`,
  unknownDist: (got, allowed) => `okänd fördelning '${String(got)}'; använd en av ${list(allowed)}`,
  distMissing: (allowed) => `en fördelning behöver 'dist:', en av ${list(allowed)}`,
  sumToOne: (sum) => `andelarna måste summera till 1, de summerar till ${n(+sum.toFixed(6))}`,
  yearsOrder: (start, end) => `horizon.end (${end}) måste ligga efter horizon.start (${start})`,
  yearKey: (key) => `'${key}' är inte ett år (väntade fyra siffror, t.ex. 2025)`,
  tableMissesYears: (years, from, to) => `tabellen saknar ${plural(years.length, 'året', 'åren')} ${compactYears(years)}; den behöver ett värde för varje år ${from}–${to}`,
  tableOutside: (years, start, end) => `tabellen har ${plural(years.length, 'året', 'åren')} ${compactYears(years)} utanför tidshorisonten ${start}–${end}`,
  tableNotFromStart: (first, start) => `tabellen måste börja med tidshorisontens startår ${start}, den börjar ${first}`,
  scheduleEmpty: (start) => `ett schema behöver minst ett år, med början ${start}, t.ex. {${start}: 1500, ${start + 4}: 1100}`,
  scheduleStart: (first, start) => `ett schema måste säga vad som gäller startåret ${start}; dess första år är ${first}`,
  tableGapNeedsGrowth: (last) => `saknas: population.growth (population.table slutar ${last}; tillväxten för den vidare)`,
  startNeedsGrowth: (start, end) => `saknas: population.growth (population.start ger bara ${start}; tillväxten för den till ${end})`,
  populationStartFixed: () => `måste vara ett enkelt tal: lägg osäkerheten om befolkningen på population.growth`,
  trainingYearKey: (key) => `'${key}' är inte ett utbildningsår (väntade 1, 2, …)`,
  oneOf: (a, b) => `ange antingen '${a}' eller '${b}', inte båda`,
  setOverriddenByRegions: (path, where) => `varje region anger sitt eget ${path} (det första på ${where}), så den här --set ändrar ingenting; ändra en regions eget i stället: --set regions[0].${path}=…`,
  needOneOf: (a, b) => `ange '${a}' eller '${b}'`,
  ageBand: (key) => `'${key}' är inte ett åldersintervall (väntade t.ex. '30-39' eller '65')`,
  ageBandRange: (key, lo, hi) => `åldersintervallet '${key}' måste ligga inom åldrarna ${lo}–${hi}`,
  ageBandOverlap: (key, other) => `åldersintervallet '${key}' överlappar '${other}'`,
  ageKeysOrder: () => `åldrarna måste stå i stigande ordning`,
  lengthKey: (key) => `'${key}' är inte en ST-tid i år (väntade ett heltal 1–15)`,
  trainingYearBeyondLength: (j, maxLen) => `utbildningsår ${j} ligger efter den längsta ST-tiden (${maxLen} år)`,
  listableTooLong: (k, minLen) => `lastYears (${k}) måste vara kortare än den kortaste ST-tiden (${minLen})`,
  formula: (formula, detail, col) => {
    const p = plainNumber(formula);
    if (p !== null) return `${JSON.stringify(formula)} är ett tal med decimalkomma eller mellanrum: skriv det som ${p} (punkt för decimaler, inga mellanrum)`;
    return `felaktig formel ${JSON.stringify(formula.length > 60 ? formula.slice(0, 57) + '…' : formula)} vid tecken ${col}: ${detail}`;
  },
  formulaValue: (year, v) => `formeln ger ${v} för ${year}; väntade ett ändligt tal`,
  formulaRange: (year, detail) => `formeln ger ett felaktigt värde för ${year}: ${detail}`,
  seriesForm: () => `ett tal, en tabell per år (t.ex. {2025: 150, 2026: 160}), en formel i 'year' (t.ex. "min(150, 100 + 10*(year-2024))") eller {values: …, multiplier: …, randomWalk: …}`,
  normForm: () => `ett antal invånare per heltidsläkare, eller ett schema {år: värde, …} (t.ex. {2024: 1500, 2028: 1100})`,
  scalarForm: () => `ett tal, {value: n, source: id} eller en fördelning {dist: normal|lognormal|uniform|triangular|pert|fixed, …}`,
  retirementForm: () => `{meanAge, sd} eller {byAge: {ålder: andel, …}}`,
  listableForm: () => `{lastYears: n} eller {share: s}`,
  byTrainingYearForm: () => `en lista med andelar [0.2, 0.2, …] eller en tabell {1: 0.2, 2: 0.2, …}`,
  unknownSource: (id, known) => `källan '${id}' finns inte under 'sources'${known.length ? `; kända: ${list(known)}` : ''}`,
  duplicateRegion: (name) => `regionnamnet '${name}' används två gånger`,
  correlationParam: (key) => `'${key}' är inte en osäker parameter i scenariot (den måste vara en parameter som anges som fördelning, t.ex. 'specialists.attrition')`,
  correlationPd: () => `korrelationerna kan inte gälla samtidigt (korrelationsmatrisen är inte positivt definit); försvaga några av dem`,
  correlationSelf: (key) => `en parameter kan inte korreleras med sig själv ('${key}')`,
  correlationTwice: (a, b) => `korrelationen mellan '${a}' och '${b}' anges två gånger`,
  inclNeedsFixed: () => `headcountInclListableSt kräver st.headcount som ett enkelt tal`,
  inclTooSmall: (incl, listable) => `headcountInclListableSt (${incl}) är mindre än de listningsbara ST-läkare den innehåller (${n(+listable.toFixed(2))})`,
  noRegions: () => `regions måste innehålla minst en region`,
  interpolateNeedsTable: () => `interpolate fyller åren mellan punkterna i en tabell per år {år: värde, …}; värdena här är ingen tabell`,
  pathStart: (first, needed) => `första punkten är ${first}; banan behöver ett värde för ${needed} (lägg till en punkt då eller tidigare)`,
  needOneOfThree: (a, b, c) => `ange en av '${a}', '${b}' eller '${c}'`,
  oneOfThree: (a, b, c) => `ange bara en av '${a}', '${b}' och '${c}'`,
  recruitmentMaxNeedsPath: () => `recruitment.max begränsar den rekrytering som en bana för specialister kräver: ange specialists.targetHeadcount, eller ta bort den`,
  beyondLimit: (lo, hi, v) => `måste ligga mellan ${n(lo)} och ${n(hi)} (ett värde utanför det betyder ingenting här), är ${n(v)}`,
  distCentre: (what, detail) => `${what === 'mean' ? 'medelvärdet' : 'medianen'} måste ligga inom parameterns intervall: det ${detail}`,
  distSpread: (what, v, max) => `${what} ${n(v)} är bredare än parameterns hela intervall (högst ${n(max)})`,
  regionLikeTotal: (name) => `totalen heter '${name}', som en region: ge totalen (total.name) eller regionen ett annat namn`,
  observedYear: (year, start, end) => `observerat år ${year} ligger utanför tidshorisonten ${start}–${end}`,
  observedNoSource: () => `ett observerat värde behöver en källa: skriv {value: n, source: id} (eller ange 'source:' i storhetens block)`,
  ageGroupLabel: (key) => `'${key}' är ingen åldersgrupp (väntade t.ex. '0-17', '80+' eller '37')`,
  ageGroupOverlap: (key, other) => `åldersgruppen '${key}' överlappar '${other}'`,
  ageGroupGap: (from, to) => `ingen åldersgrupp täcker ${from === to ? `åldern ${from}` : `åldrarna ${from}–${to}`}; grupperna måste täcka varje ålder från 0`,
  ageGroupOpen: (last) => `den äldsta gruppen måste vara öppen uppåt (t.ex. '${last}+'), så att varje ålder täcks`,
  ageGroupsOrTotal: () => `ange befolkningen antingen som total (start eller table) eller per åldersgrupp (ageGroups), inte båda`,
  needsAgeGroups: (what) => `${what} kräver befolkningen per åldersgrupp (population.ageGroups eller population.ageCsv)`,
  groupStraddlesBands: (group, bands) => `åldersgruppen '${group}' ligger över viktintervallen ${bands.map((b) => `'${b}'`).join(' och ')}; varje grupp måste ligga inom ett intervall`,
  rangeCutsGroup: (range, group) => `ageRange '${range}' skär genom åldersgruppen '${group}'; det måste börja och sluta vid gruppgränser`,
  mixBands: (missing, extra) =>
    `referenceMix måste ha samma intervall som weights${missing.length ? `; saknas ${missing.map((x) => `'${x}'`).join(', ')}` : ''}${extra.length ? `; inget viktintervall: ${extra.map((x) => `'${x}'`).join(', ')}` : ''}`,
};

export const msgSv: Msg = {
  fileNotFound: (file, code) => `kan inte läsa scenariofilen ${quote(file)}${readWhy(code, READ_WHY_SV)}`,
  fileMissing: (file) => `scenariofilen ${quote(file)} finns inte (kontrollera namnet och mappen)`,
  yamlSyntax: (detail, code, opener) => `YAML-syntaxfel: ${yamlSv(detail, code)}${opener ? ` (${opener})` : ''}`,
  indentSpace: (code) => `${code === 0xa0 ? 'ett hårt mellanslag (U+00A0)' : `ett Unicode-mellanslag (U+${code.toString(16).toUpperCase().padStart(4, '0')})`} i indraget: YAML drar in med vanliga mellanslag (kopierat från en webbsida eller ett ordbehandlingsprogram?); byt det mot ett vanligt mellanslag`,
  yamlUnclosed: (open, line, col) => `${open} på rad ${line}, kolumn ${col} stängs aldrig`,
  yamlWarning: (detail, code, opener) => `YAML-problem: ${yamlSv(detail, code)}${opener ? ` (${opener})` : ''}`,
  duplicateKey: (key) => `nyckeln ${quote(key)} finns två gånger (varje nyckel får bara finnas en gång i en mappning)`,
  complexKey: () => 'nycklar måste vara enkla värden (namn eller tal), inte listor eller mappningar',
  topNotMapping: () => 'en scenariofil måste på översta nivån vara en mappning av nycklar till värden',
  circularAlias: (alias) => `aliaset *${alias} pekar på en nod som innehåller det (cirkulär referens)`,
  unknownAlias: (alias) => `aliaset *${alias} har inget motsvarande ankare &${alias} tidigare i filen`,
  aliasBomb: () => 'för många aliasexpansioner (möjligen ett "billion laughs"-dokument); använd färre alias',
  tooDeep: (max) => `YAML-texten är nästlad i mer än ${max} nivåer (listor och mappningar i varandra); ett scenario behöver färre än 10`,
  setPathTooLong: (keys, max) => `sökvägen har ${keys} nycklar; högst ${max}`,
  extendsNotString: () => '`extends` måste vara namnet på en annan scenariofil',
  extendsNotFound: (file, code) => `filen ${quote(file)} som scenariot bygger på (extends) kan inte läsas${readWhy(code, READ_WHY_SV)}`,
  extendsMissing: (file) => `filen ${quote(file)} som scenariot bygger på (extends) finns inte (en sökväg i extends räknas från den här filens mapp)`,
  extendsCycle: (chain) => `cirkulär extends: ${chain.join(' → ')}`,
  badSet: (expr, reason) => `kan inte tillämpa --set ${quote(expr)}: ${reason}`,
  setNoEquals: () => 'väntade sökväg=värde, t.ex. st.intake=40',
  setEmptyPath: () => 'sökvägen före "=" är tom',
  setBadPath: (detail) => `felaktig sökväg (${detail}); skriv punkt mellan nycklar och [n] för listposter, t.ex. regions[0].name`,
  setPathEmptyKey: (position) => `tom nyckel vid tecken ${position}`,
  setPathBadIndex: (text) => `felaktigt listindex ${text}`,
  setPathUnexpected: (ch) => `oväntat ${quote(ch)}`,
  setEmptyValue: () => 'värdet efter "=" är tomt (skriv null för att ta bort en nyckel)',
  setNotUtf8: (index) => `inte UTF-8-text: tecken ${index} är U+FFFD, det som en byte som inte är UTF-8 blir (Latin-1 eller Windows-1252 från skalet eller ett skript?); ange värdet i UTF-8`,
  setValueSyntax: (detail) => `värdet är inte giltig YAML: ${detail}`,
  setBlockValue: () => 'värdet måste vara ett enda YAML-värde på en rad, t.ex. 40, "text", [1, 2] eller {2024: 1500}',
  setNotAMapping: (path) => `${path || '(överst)'} är ingen mappning och har alltså inga nycklar att sätta`,
  setNotAList: (path) => `${path || '(överst)'} är ingen lista och kan inte indexeras`,
  setIndexOutOfRange: (index, length) => `index ${index} ligger utanför listan (den har ${length} ${plural(length, 'post', 'poster')}; använd [${length}] för att lägga till)`,
  setDeleteListItem: () => 'null kan inte ta bort en listpost; sätt hela listan i stället',
  cliMissingScenario: () => 'ange en scenariofil, t.ex. scenarios/stockholm-handlingsplan.yaml',
  outIsFolder: (path, name) => `${path} är en mapp; ange ett filnamn, t.ex. ${path.replace(/[\\/]+$/, '')}/${name ?? 'resultat.csv'}`,
  formulaEmpty: () => 'formeln är tom',
  formulaTooLong: (max) => `formeln är längre än ${max} tecken`,
  formulaTooDeep: () => 'formeln är för djupt nästlad',
  formulaSyntax: (detail) => `syntaxfel: ${formulaSv(detail)}`,
  formulaNotAllowed: (what, allowed) => `${what} är inte tillåtet i en formel (tillåtet: ${allowed})`,
  formulaArity: (fn, expected) => `${fn}() tar ${expected}`,
  formulaOneArg: () => 'exakt ett argument',
  formulaAtLeastOneArg: () => 'minst ett argument',
  formulaWhat: {
    name: (name) => `namnet ${quote(name)} (den enda variabeln är year)`,
    fn: (name) => `funktionen ${quote(name)}`,
    operator: (op) => `operatorn ${quote(op)}`,
    implicitMultiplication: () => 'underförstådd multiplikation (skriv 2 * year, inte 2 year)',
    percent: () => 'procenttecknet',
    text: () => 'text inom citattecken',
    constant: (value) => `konstanten ${value}`,
    nonFinite: (literal) => `talet ${literal} (inte ändligt)`,
    assignment: () => 'tilldelning (=)',
    functionDefinition: () => 'att definiera en funktion',
    matrix: () => 'en lista eller matris ([…])',
    object: () => 'ett objekt ({…})',
    access: () => 'egenskapsåtkomst eller indexering (. eller […])',
    block: () => 'mer än ett uttryck (åtskilda av ; eller ny rad)',
    range: () => 'ett intervall (a:b)',
    indirectCall: () => 'att anropa något annat än en namngiven funktion',
    construct: (type) => `konstruktionen ${type}`,
  },
  notRegularFile: (file) => `${quote(file)} är ingen vanlig fil (en enhet, en mapp eller en pipe); ett scenario är en YAML-fil`,
  noStdin: () => 'ett scenario läses från en fil, inte från standard in (-): spara det i en fil och ange dess namn (dess extends- och CSV-filer hittas bredvid den)',
  utf16: (file) => `${quote(file)} är UTF-16-text; spara den som UTF-8`,
  notUtf8: (file, byte, line, col) => `${quote(file)} är inte UTF-8-text (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} på rad ${line}, kolumn ${col}: ${byte === 0 ? 'ingen textfil?' : 'Latin-1 eller Windows-1252?'}); spara den som UTF-8`,
  fileTooLarge: (file, bytes, max) => `${quote(file)} är ${n(+(bytes / 2 ** 20).toFixed(1))} MB; en scenariofil får vara högst ${n(max / 2 ** 20)} MB`,
  csvNotFound: (file) => `kan inte läsa CSV-filen ${quote(file)}`,
  csvSyntax: (detail) => `syntaxfel i CSV: ${detail}`,
  csvSemicolons: () => 'kolumnerna skiljs med semikolon (som svenska Excel sparar CSV); riktvarde läser CSV med kommatecken mellan kolumnerna och decimalpunkt: spara som "CSV UTF-8 (kommaavgränsad)" med engelska talinställningar, eller byt semikolon mot kommatecken och decimalkomma mot punkt',
  csvColumns: (need, got) => `CSV-filen behöver kolumnerna ${need}; dess rubrikrad har ${got.map(quote).join(', ') || 'ingenting'}`,
  csvNumber: (column, got) => {
    const p = plainNumber(got);
    return `${column} måste vara ett tal, är ${quote(got)}${p === null ? '' : ` (skriv det som ${p}: punkt för decimaler, inga mellanrum; Excel: spara utan tusentalsavgränsare)`}`;
  },
  csvCount: (got) => `antalet måste vara noll eller mer, är ${n(got)}`,
  csvYear: (got) => `året måste vara ett helt år som 2024, är ${quote(got)}`,
  csvYearOutside: (year, start, end) => `året ${year} ligger utanför tidshorisonten ${start}–${end}`,
  csvAge: (got) => `${quote(got)} är ingen ålder eller åldersgrupp (väntade t.ex. 37, '0-17' eller '80+')`,
  csvTotal: () => `en total är ingen åldersgrupp: ange totalen som population.table, eller bara åldersgrupper här`,
  csvDuplicate: (what, line) => `${what} anges två gånger (även på rad ${line})`,
  csvRegion: (region, known) => `regionen ${quote(region)} är ingen region i detta scenario (${known.map(quote).join(', ')}); ange ageCsv.region för att läsa en region ur en större fil`,
  csvNoRows: (region) => `CSV-filen har inga rader för regionen ${quote(region)}`,
  csvEmpty: () => `CSV-filen har inga datarader`,
  csvAlsoInYaml: (what) => `${what} anges både i CSV-filen och i scenariot; ange det på ett ställe`,
  csvPopulationColumns: () => 'region, age (eller age_group), year och count',
  csvPyramidColumns: () => 'age (eller birth_year) och count',
  csvAgeWholeYears: () => 'age (hela år)',
  csvAgeRow: (age) => `åldern ${age}`,
};

const EN = { vmsg: { ...vmsg }, msg: { ...msg } };

/** Every message of the scenario layer from now on in `lang` (the CLI calls this once, with --lang). */
export function useMessageLanguage(lang: 'en' | 'sv'): void {
  Object.assign(vmsg, lang === 'sv' ? vmsgSv : EN.vmsg);
  Object.assign(msg, lang === 'sv' ? msgSv : EN.msg);
}
