/**
 * The command line's help text and its parse errors, in English and Swedish (`--lang`): what
 * `riktvarde --help` and `riktvarde COMMAND --help` print, and what a command line that cannot be
 * parsed gets on stderr. cli/app.ts declares the commands and options; every description is looked
 * up here by key, so a missing translation fails to compile. Imported on its own (not through
 * `texts()`): `--help` loads nothing else.
 */

/** Where an option's description is found: `option` or `command.option` when a command words it its own way. */
export type HelpKey =
  | 'help' | 'version' | 'set' | 'lang' | 'out' | 'force' | 'forceBoth' | 'seed' | 'seedFirst' | 'workers' | 'eventNoise' | 'eventNoiseFirst'
  | 'scenario'
  | 'run.runs' | 'run.format' | 'run.years' | 'run.layout' | 'run.runsOut' | 'wide' | 'run.take'
  | 'solve.runs' | 'solve.targetYear' | 'solve.probability' | 'solve.lever' | 'solve.fromYear' | 'solve.maxIntake' | 'solve.maxStep' | 'solve.max' | 'solve.budget' | 'solve.region' | 'solve.format'
  | 'chart.runs' | 'chart.out' | 'chart.format' | 'chart.force' | 'chart.region'
  | 'report.runs' | 'report.out' | 'report.scenarios' | 'report.region'
  | 'explore.out' | 'explore.steps'
  | 'sensitivity.runs' | 'sensitivity.format' | 'sensitivity.chartOut'
  | 'compare.runs' | 'compare.scenarios' | 'compare.format' | 'compare.reachedAgainst' | 'compare.chartOut'
  | 'calibrate.out' | 'calibrate.format'
  | 'backtest.runs' | 'backtest.format' | 'backtest.chartOut';

export type CommandName = 'run' | 'validate' | 'solve' | 'chart' | 'report' | 'explore' | 'sensitivity' | 'compare' | 'calibrate' | 'backtest' | 'schema';

export interface HelpTexts {
  /** The first lines of `riktvarde --help`. */
  about: string;
  /** One line per command. */
  commands: Record<CommandName, string>;
  options: Record<HelpKey, string>;
  /** `usage`: the program's usage line (`riktvarde <command> [options]`). */
  heading: { usage: string; commands: string; positionals: string; options: string };
  /** The bracketed notes after a description. */
  note: { required: string; default: string; choices: string; text: string; number: string; flag: string };
  /** Range words of a number option's message ("a whole number ≥ 1 and ≤ 5"). */
  range: { whole: string; number: string; and: string };
  // Parse errors (exit 2, followed by the see-help line of the message catalogue).
  noCommand(): string;
  unknownArguments(names: string[]): string;
  invalidValue(option: string, given: string, choices: readonly string[]): string;
  missingValue(option: string): string;
  /** A file name, year range or region given as '' (`--out ''`). */
  emptyValue(option: string): string;
  /** A command-line word that held a byte that is not UTF-8 (Node made it U+FFFD); `option` null: a scenario file name. */
  notUtf8Argument(option: string | null, value: string): string;
  /** `--out -`: a file named "-" was written, where `-` usually means standard output. */
  outDash(option: string): string;
}

const q = (s: string) => `"${s}"`;

export const help: HelpTexts = {
  about: 'Projects GP specialists and ST trainees against the 1100/550 riktvärde.',
  commands: {
    run: 'project a scenario and print the appendix table (or CSV/JSON)',
    validate: 'check a scenario file; prints "ok" or every problem as file:line:col  path  message',
    solve: 'find the smallest ST intake (or other lever) that reaches 1100/550 by a target year with a given probability',
    chart: 'run the Monte Carlo and write one chart per file (PNG, SVG or Vega-Lite JSON) into a folder',
    report: 'write one self-contained HTML report (works offline, prints on A4): answer, charts, appendix table, assumptions',
    explore: 'write one offline HTML page with levers (ST intake, retention, norm, …) that reruns the Monte Carlo in the browser',
    sensitivity: 'which uncertain parameters matter: one at a time (p10/p90, others at medians) and PRCC/SRC from the Monte Carlo',
    compare: 'two or more scenarios side by side on the same random numbers, with differences against the first',
    calibrate: 'fit retirement age, attrition, ST dropout and retention to the scenario\'s observed figures (least squares) and write a YAML overlay',
    backtest: 'run the Monte Carlo from the scenario\'s base year and compare with its observed later figures: MAPE, bias, interval coverage',
    schema: 'print the JSON Schema of scenario files (for editor completion)',
  },
  options: {
    help: 'show help',
    version: 'show the version number',
    set: 'override a scenario value, e.g. --set st.intake=40 (repeatable)',
    lang: 'language of labels and number format',
    out: 'write to this file (atomically) instead of stdout',
    force: 'replace --out if it exists',
    forceBoth: 'replace --out / --chart-out if they exist',
    seed: 'Monte Carlo: random seed, a whole number ≥ 0 (default: the scenario\'s monteCarlo.seed, else 1)',
    seedFirst: 'Monte Carlo: random seed, the same for every scenario, a whole number ≥ 0 (default: the first scenario\'s monteCarlo.seed, else 1)',
    workers: 'Monte Carlo: threads computing, the main thread included, a whole number ≥ 1 (default: all cores; at most twice the cores); results are identical for any number',
    eventNoise: 'Monte Carlo: binomial noise on retirements, exits, dropouts, completions and starts (default: the scenario\'s, else on; --no-event-noise to draw only parameters)',
    eventNoiseFirst: 'Monte Carlo: binomial noise on retirements, exits, dropouts, completions and starts (default: the first scenario\'s, else on; --no-event-noise to draw only parameters)',
    scenario: 'scenario YAML file',
    'run.runs': 'Monte Carlo: number of runs (medians and intervals instead of expected values); a whole number ≥ 1',
    'run.format': 'table, CSV or JSON; xlsx: a workbook (appendix, quantiles, assumptions), needs --out',
    'run.years': 'only these years, e.g. 2019 or 2024-2030 (a single year of a multi-region scenario prints the Tabell 1 view)',
    'run.layout': "table rows: 'full' (every row) or 'bilaga' (Stockholm's appendix: specialists, other specialists, listable ST, net increases, population, net cost increase, the plan path); default: the scenario's output.layout, else full",
    'run.runsOut': 'Monte Carlo: also write one CSV row per run (parameter draws and outcomes)',
    'wide': 'table: the wide layout (120 columns) even on a narrower terminal; without it a table on a terminal fits its width (years split into blocks)',
    'run.take': 'beside a "not reached" verdict, what it would take: the intake at 50 %/80 %, the earliest year, cost, feasibility (--no-take skips it)',
    'solve.runs': 'Monte Carlo: runs per evaluation (default: the scenario\'s, at most 2000); a whole number ≥ 1',
    'solve.targetYear': 'reach the target by this year (required unless --budget; with --budget: the year whose probability is shown, default the horizon)',
    'solve.probability': 'with at least this probability, > 0 and ≤ 1 (0.5 = the median run)',
    'solve.lever': 'what to change',
    'solve.fromYear': 'first year the lever changes (default: the year after the start)',
    'solve.maxIntake': 'cap on ST intake (posts per year, > 0)',
    'solve.maxStep': 'ramp: increase by at most this much per year (intake or recruitment, > 0)',
    'solve.max': 'cap on the lever: recruitment per year (> 0), or the retention share (> 0 and ≤ 1)',
    'solve.budget': 'mnkr a year: the most intake (or --lever) whose cost above the base year stays within this in every year, and when 1100/550 is then reached',
    'solve.region': 'region to solve for (multi-region scenarios)',
    'solve.format': 'the answer as text or JSON',
    'chart.runs': 'Monte Carlo: number of runs (default: the scenario\'s); a whole number ≥ 1',
    'chart.out': 'folder to write the charts into (created)',
    'chart.format': 'PNG (bundled fonts), SVG or the Vega-Lite spec',
    'chart.force': 'replace chart files that exist',
    'chart.region': 'region (or total) to chart; default: the total, else the only region',
    'report.runs': 'Monte Carlo: number of runs (default: the scenario\'s); a whole number ≥ 1',
    'report.out': 'HTML file to write (default: <scenario>.html); a name ending in .pdf prints the report to PDF (A4) instead',
    'report.scenarios': 'scenario YAML file(s)',
    'report.region': 'region (or total) for the charts; default: the total, else the only region',
    'explore.out': 'HTML file to write (default: <scenario>-whatif.html)',
    'explore.steps': 'runs per change on the page, in turn, comma-separated (default: 100,1000,5000); whole numbers ≥ 1',
    'sensitivity.runs': 'Monte Carlo: runs for PRCC/SRC (default: the scenario\'s); a whole number ≥ 1',
    'sensitivity.format': 'table, CSV or JSON',
    'sensitivity.chartOut': 'also write the tornado and PRCC chart: FILE.png, FILE.svg or FILE.vl.json',
    'compare.runs': 'Monte Carlo: number of runs, the same for every scenario (default: the first scenario\'s); a whole number ≥ 1',
    'compare.scenarios': 'two or more scenario YAML files; the first is the reference',
    'compare.format': 'table, CSV or JSON',
    'compare.reachedAgainst': 'with a norm schedule (e.g. 1500 then 1100): measure every year against the final norm, or against the norm of that year',
    'compare.chartOut': 'also write the overlay of inhabitants per doctor equivalent: FILE.png, FILE.svg or FILE.vl.json',
    'calibrate.out': 'the YAML overlay to write (extends the scenario; the scenario itself is never changed)',
    'calibrate.format': 'the fit as text or JSON',
    'backtest.runs': 'Monte Carlo: number of runs (default: the scenario\'s); a whole number ≥ 1',
    'backtest.format': 'table, CSV or JSON (per quantity: mape, bias, inside50, inside80)',
    'backtest.chartOut': 'also write the chart (median, bands, observed points): FILE.png, FILE.svg or FILE.vl.json',
  },
  heading: { usage: 'riktvarde <command> [options]', commands: 'Commands:', positionals: 'Positionals:', options: 'Options:' },
  note: { required: 'required', default: 'default', choices: 'choices', text: 'text', number: 'number', flag: 'flag' },
  range: { whole: 'a whole number', number: 'a number', and: 'and' },
  noCommand: () => 'Give a command: run, validate, solve, chart, report, explore, sensitivity, compare, calibrate, backtest or schema.',
  unknownArguments: (names) => `Unknown argument${names.length === 1 ? '' : 's'}: ${names.join(', ')}`,
  invalidValue: (option, given, choices) => `Invalid values:\n  Argument: ${option}, Given: ${q(given)}, Choices: ${choices.map(q).join(', ')}`,
  missingValue: (option) => `Not enough arguments following: ${option}`,
  emptyValue: (option) => `--${option} is empty; give a value`,
  outDash: (option) => `--${option} - would write a file named "-", not to standard output: leave out --${option} for standard output (where a command has it), or give ./- for a file named -`,
  notUtf8Argument: (option, value) => `${option === null ? 'the file name' : `--${option}`} '${value}' is not UTF-8 text: a byte the command line could not read became U+FFFD (a Latin-1 or Windows-1252 name?), so ${option === null ? 'no file of that name can be read' : 'it would not be the name or value typed'}; use UTF-8 (rename the file if its name is Latin-1)`,
};

export const helpSv: HelpTexts = {
  about: 'Räknar fram specialister i allmänmedicin och ST-läkare mot riktvärdet 1100/550.',
  commands: {
    run: 'räkna fram ett scenario och skriv bilagans tabell (eller CSV/JSON)',
    validate: 'granska en scenariofil; skriver "ok" eller varje problem som fil:rad:kolumn  sökväg  meddelande',
    solve: 'hitta det minsta ST-intag (eller annan spak) som når 1100/550 till ett målår med en given sannolikhet',
    chart: 'kör Monte Carlo och skriv ett diagram per fil (PNG, SVG eller Vega-Lite-JSON) i en mapp',
    report: 'skriv en fristående HTML-rapport (fungerar utan nät, skrivs ut på A4): svar, diagram, bilagans tabell, antaganden',
    explore: 'skriv en HTML-sida utan nätberoende med spakar (ST-intag, kvarhållande, norm, …) som kör om Monte Carlo i webbläsaren',
    sensitivity: 'vilka osäkra parametrar som spelar roll: en i taget (p10/p90, övriga på medianen) och PRCC/SRC från Monte Carlo',
    compare: 'två eller fler scenarier sida vid sida på samma slumptal, med skillnader mot det första',
    calibrate: 'anpassa pensionsålder, avgång, ST-avbrott och kvarhållande till scenariots observerade siffror (minsta kvadrat) och skriv ett YAML-tillägg',
    backtest: 'kör Monte Carlo från scenariots basår och jämför med dess senare observerade siffror: MAPE, bias, intervalltäckning',
    schema: 'skriv scenariofilernas JSON Schema (för komplettering i editorn)',
  },
  options: {
    help: 'visa hjälpen',
    version: 'visa versionsnumret',
    set: 'ändra ett värde i scenariot, t.ex. --set st.intake=40 (kan upprepas)',
    lang: 'språk för etiketter och talformat',
    out: 'skriv till den här filen (atomärt) i stället för till stdout',
    force: 'ersätt --out om den finns',
    forceBoth: 'ersätt --out / --chart-out om de finns',
    seed: 'Monte Carlo: slumpfrö, ett heltal ≥ 0 (standard: scenariots monteCarlo.seed, annars 1)',
    seedFirst: 'Monte Carlo: slumpfrö, samma för alla scenarier, ett heltal ≥ 0 (standard: det första scenariots monteCarlo.seed, annars 1)',
    workers: 'Monte Carlo: trådar som räknar, huvudtråden inräknad, ett heltal ≥ 1 (standard: alla kärnor; högst dubbla antalet kärnor); resultaten är identiska för alla antal',
    eventNoise: 'Monte Carlo: binomialt brus på pensioneringar, avgångar, avbrott, färdiga ST och starter (standard: scenariots, annars på; --no-event-noise drar bara parametrar)',
    eventNoiseFirst: 'Monte Carlo: binomialt brus på pensioneringar, avgångar, avbrott, färdiga ST och starter (standard: det första scenariots, annars på; --no-event-noise drar bara parametrar)',
    scenario: 'scenariofil (YAML)',
    'run.runs': 'Monte Carlo: antal körningar (medianer och intervall i stället för väntevärden); ett heltal ≥ 1',
    'run.format': 'tabell, CSV eller JSON; xlsx: en arbetsbok (bilaga, kvantiler, antaganden), kräver --out',
    'run.years': 'bara dessa år, t.ex. 2019 eller 2024-2030 (ett enda år i ett scenario med flera regioner ger vyn i Tabell 1)',
    'run.layout': "tabellens rader: 'full' (alla rader) eller 'bilaga' (Stockholms bilaga: specialister, övriga specialister, listningsbara ST, nettoökningar, befolkning, ökad nettokostnad, planens bana); standard: scenariots output.layout, annars full",
    'run.runsOut': 'Monte Carlo: skriv också en CSV-rad per körning (parameterdragningar och utfall)',
    'wide': 'tabell: den breda layouten (120 kolumner) även i en smalare terminal; utan den anpassas en tabell i terminalen till dess bredd (åren delas i block)',
    'run.take': 'bredvid beskedet "nås inte", vad som skulle krävas: intaget vid 50 %/80 %, tidigaste år, kostnad, genomförbarhet (--no-take hoppar över det)',
    'solve.runs': 'Monte Carlo: körningar per beräkning (standard: scenariots, högst 2000); ett heltal ≥ 1',
    'solve.targetYear': 'nå målet senast detta år (krävs utom med --budget; med --budget: året vars sannolikhet visas, standard horisonten)',
    'solve.probability': 'med minst denna sannolikhet, > 0 och ≤ 1 (0,5 = mediankörningen)',
    'solve.lever': 'vad som ändras',
    'solve.fromYear': 'första året spaken ändras (standard: året efter start)',
    'solve.maxIntake': 'tak för ST-intaget (tjänster per år, > 0)',
    'solve.maxStep': 'upptrappning: öka högst så mycket per år (intag eller rekrytering, > 0)',
    'solve.max': 'tak för spaken: rekrytering per år (> 0) eller andelen som stannar (> 0 och ≤ 1)',
    'solve.budget': 'mnkr per år: det största intag (eller --lever) vars kostnad över basåret håller sig inom detta varje år, och när 1100/550 då nås',
    'solve.region': 'region att lösa för (scenarier med flera regioner)',
    'solve.format': 'svaret som text eller JSON',
    'chart.runs': 'Monte Carlo: antal körningar (standard: scenariots); ett heltal ≥ 1',
    'chart.out': 'mapp att skriva diagrammen i (skapas)',
    'chart.format': 'PNG (medföljande typsnitt), SVG eller Vega-Lite-specifikationen',
    'chart.force': 'ersätt diagramfiler som finns',
    'chart.region': 'region (eller totalen) att visa; standard: totalen, annars den enda regionen',
    'report.runs': 'Monte Carlo: antal körningar (standard: scenariots); ett heltal ≥ 1',
    'report.out': 'HTML-fil att skriva (standard: <scenario>.html); ett namn som slutar på .pdf skriver i stället rapporten som PDF (A4)',
    'report.scenarios': 'scenariofil(er) (YAML)',
    'report.region': 'region (eller totalen) för diagrammen; standard: totalen, annars den enda regionen',
    'explore.out': 'HTML-fil att skriva (standard: <scenario>-whatif.html)',
    'explore.steps': 'körningar per ändring på sidan, i tur och ordning, kommaseparerade (standard: 100,1000,5000); heltal ≥ 1',
    'sensitivity.runs': 'Monte Carlo: körningar för PRCC/SRC (standard: scenariots); ett heltal ≥ 1',
    'sensitivity.format': 'tabell, CSV eller JSON',
    'sensitivity.chartOut': 'skriv också tornado- och PRCC-diagrammet: FIL.png, FIL.svg eller FIL.vl.json',
    'compare.runs': 'Monte Carlo: antal körningar, samma för alla scenarier (standard: det första scenariots); ett heltal ≥ 1',
    'compare.scenarios': 'två eller fler scenariofiler (YAML); den första är referensen',
    'compare.format': 'tabell, CSV eller JSON',
    'compare.reachedAgainst': 'med en normplan (t.ex. 1500 och sedan 1100): mät varje år mot den slutliga normen, eller mot det årets norm',
    'compare.chartOut': 'skriv också diagrammet med invånare per läkarekvivalent för alla scenarier: FIL.png, FIL.svg eller FIL.vl.json',
    'calibrate.out': 'YAML-tillägget att skriva (bygger på scenariot; själva scenariot ändras aldrig)',
    'calibrate.format': 'anpassningen som text eller JSON',
    'backtest.runs': 'Monte Carlo: antal körningar (standard: scenariots); ett heltal ≥ 1',
    'backtest.format': 'tabell, CSV eller JSON (per storhet: mape, bias, inside50, inside80)',
    'backtest.chartOut': 'skriv också diagrammet (median, band, observerade punkter): FIL.png, FIL.svg eller FIL.vl.json',
  },
  heading: { usage: 'riktvarde <kommando> [flaggor]', commands: 'Kommandon:', positionals: 'Argument:', options: 'Flaggor:' },
  note: { required: 'krävs', default: 'standard', choices: 'val', text: 'text', number: 'tal', flag: 'flagga' },
  range: { whole: 'ett heltal', number: 'ett tal', and: 'och' },
  noCommand: () => 'Ange ett kommando: run, validate, solve, chart, report, explore, sensitivity, compare, calibrate, backtest eller schema.',
  unknownArguments: (names) => `Okänt argument: ${names.join(', ')}`,
  invalidValue: (option, given, choices) => `Ogiltigt värde:\n  Argument: ${option}, angivet: ${q(given)}, val: ${choices.map(q).join(', ')}`,
  missingValue: (option) => `Inget värde efter: ${option}`,
  emptyValue: (option) => `--${option} är tomt; ange ett värde`,
  outDash: (option) => `--${option} - skulle skriva en fil som heter "-", inte till standard ut: utelämna --${option} för standard ut (där kommandot har det), eller ange ./- för en fil som heter -`,
  notUtf8Argument: (option, value) => `${option === null ? 'filnamnet' : `--${option}`} '${value}' är inte UTF-8-text: en byte som kommandoraden inte kunde läsa blev U+FFFD (ett namn i Latin-1 eller Windows-1252?), så ${option === null ? 'ingen fil med det namnet kan läsas' : 'det blir inte det namn eller värde som skrevs'}; använd UTF-8 (byt namn på filen om namnet är i Latin-1)`,
};
