/**
 * The command line's own messages (stderr) in English and Swedish, like the validation messages
 * (`scenario/messages-sv.ts`): the language the command line was given with --lang.
 */
import type { MessageTexts } from './types.js';
import { fmtInt, fmtNum } from '../format.js';

/** A count that moves with free memory, to two significant digits, rounded down (4 515 901 → 4 500 000). */
const roughly = (n: number): number => {
  if (n < 100) return n;
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.floor(n / unit) * unit;
};

/** Why a write failed, by the system's error code (files and stdout). */
const WHY_EN: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'the folder cannot be created',
};

export const messages: MessageTexts = {
  problems(n: number): string {
    return `${n} problem${n === 1 ? '' : 's'}; nothing was written.`;
  },
  seeHelp(): string {
    return "Run 'riktvarde --help' for usage.";
  },
  internalError(message: string): string {
    return `internal error: ${message}\nThis is a bug in riktvarde. Please report it with the command line (RIKTVARDE_DEBUG=1 shows where it happened).`;
  },
  stderrCountBasis(bases: string[]): string {
    return `warning: the scenarios use different count bases (${bases.join(', ')}): inhabitants per doctor is not comparable between them`;
  },
  stderrHorizon(horizons: string[]): string {
    return `warning: the scenarios have different horizons (${horizons.join(', ')}): last-year values are for different years`;
  },
  tooFewRuns(runs: number, params: number, needed: number): string {
    return `too few runs for PRCC/SRC: ${runs} runs with ${params} uncertain parameters — needs at least ${needed} (--runs ${needed} or more; 1000 or more for stable coefficients)`;
  },
  noUncertain(file: string): string {
    return `${file} has no uncertain parameters (no value is given as a distribution): there is nothing for a sensitivity analysis to vary`;
  },
  writeFailed(path: string, code: string | undefined): string {
    return `cannot write ${path}: ${(code && WHY_EN[code]) ?? 'the system refused'}${code ? ` (${code})` : ''}; nothing was written`;
  },
  sameOutputTwice(first: string, second: string): string {
    return `${first} and ${second} are the same file: give each output its own file; nothing was written`;
  },
  outputNotRegular(path: string): string {
    return `${path} is not a regular file (a device or a pipe): give the name of a file, which is written whole or not at all, never into a device, not even with --force; nothing was written`;
  },
  stdoutFailed(code: string | undefined): string {
    return `cannot write to standard output: ${(code && WHY_EN[code]) ?? 'the system refused'}${code ? ` (${code})` : ''}; the output is incomplete`;
  },
  progressLabel(name: string, runs: number): string {
    return `${name}: ${runs} runs`;
  },
  validateOk(file: string, name: string, regions: number, start: number, end: number, uncertain: number): string {
    return `ok  ${file}: ${name} (${regions} region${regions === 1 ? '' : 's'}, ${start}–${end}, ${uncertain} uncertain parameter${uncertain === 1 ? '' : 's'})`;
  },
  solveLastRuns(lever: string, level: number): string {
    return `  ${lever} ${+level.toFixed(3)}: the Monte Carlo at the answer and of the plan as written`;
  },
  outFileName(kind: 'result' | 'runs' | 'calibrated', format: string): string {
    return `${kind}.${format === 'table' ? 'txt' : format}`;
  },
  stdoutClosed(): string {
    return 'standard output is closed (or /dev/null opened for reading and writing): the output goes nowhere; leave it open, or give --out FILE where the command has it';
  },
  outputIsInput(out: string, input: string): string {
    return `${out} is the scenario file ${input} (an input, or a file it extends): inputs are never written to, not even with --force; nothing was written`;
  },
  interrupted(signal: string): string {
    return `stopped (${signal}); unfinished files were removed`;
  },
  badWholeNumber(option: string, got: string, min: number): string {
    return `${option} must be a whole number ≥ ${min}, got ${got}`;
  },
  notANumber(option: string, got: string, example: string): string {
    return `${option} expects a number written with digits, e.g. ${option} ${example} (got '${got}')`;
  },
  givenTwice(option: string): string {
    return `${option} is given more than once; give it once`;
  },
  outOfRange(option: string, got: number, range: string): string {
    // A share given as a percent (`--probability 80`): say how to write it.
    const share = /≤ 1(?![\d.,])/.test(range) && got > 1 && got <= 100;
    return `${option} must be ${range}, got ${got}${share ? ` (a share: for ${got} % write ${got / 100})` : ''}`;
  },
  tooManyWorkers(got: number, max: number, cores: number): string {
    return `--workers ${got} is more than this machine can use (${cores} cores; at most ${max}); results are the same for any number of threads`;
  },
  tooManyRuns(runs: number, need: number, budget: number, fits: number): string {
    const gb = (b: number) => fmtNum(b / 2 ** 30, 'en', 1);
    return `${fmtInt(runs, 'en')} runs would need about ${gb(need)} GB of memory, more than this machine has for it (${gb(budget)} GB); at most about ${fmtInt(roughly(fits), 'en')} runs fit`;
  },
  notFinite(where: string, value: string): string {
    return `the result holds a number that is not finite (${value} in ${where}): some value in the scenario is far outside any sensible range; nothing was written`;
  },
  outputExists(path: string): string {
    return `${path} already exists; nothing was written. Use --force to replace it, or choose another --out.`;
  },
  leverShareRange(lever: string): string {
    return `a share > 0 and ≤ 1 for --lever ${lever}`;
  },
  noObservedForBacktest(scenario: string, start: number): string {
    return `${scenario} has no observed figures after its base year ${start}: a backtest needs an observed: block with later years`;
  },
  calibrateNoSet(): string {
    return 'calibrate fits the scenario as written: --set is not carried into the overlay; edit the file or make an extends: scenario first';
  },
  calibrateOneRegion(): string {
    return 'calibrate works on a single-region scenario (this one has several regions)';
  },
  noObservedForCalibrate(scenario: string, start: number): string {
    return `${scenario} has no observed figures after its base year ${start} to calibrate to (add an observed: block)`;
  },
  calibrateRegionScoped(keys: string[]): string {
    return `calibrate writes top-level parameters; ${keys.join(', ')} ${keys.length === 1 ? 'is' : 'are'} declared in a regions: block`;
  },
  chartOutIsFile(out: string): string {
    return `--out ${out} is a file; chart expects a folder to write the charts into`;
  },
  regionNotInScenario(region: string, names: string[]): string {
    return `--region '${region}' is not in the scenario; choose one of: ${names.join(', ')}`;
  },
  badYears(spec: string): string {
    return `--years expects a year or a range such as 2024-2030, got '${spec}'`;
  },
  yearsOutside(spec: string, start: number, end: number): string {
    return `--years ${spec} is outside the scenario's horizon ${start}–${end}`;
  },
  yearsReversed(spec: string, first: number, last: number): string {
    return `--years ${spec} runs backwards; write the earlier year first: --years ${first}-${last}`;
  },
  browserUnpackFailed(dir: string, code: string | undefined): string {
    return `cannot unpack the PDF browser (Chromium) into ${dir}: ${(code && WHY_EN[code]) ?? 'the system refused'}${code ? ` (${code})` : ''}; set TMPDIR to a folder with about 200 MB free, or RIKTVARDE_CHROMIUM to a Chrome or Chromium; nothing was written`;
  },
  chromiumMissing(path: string, notProgram = false): string {
    return `RIKTVARDE_CHROMIUM is ${path}, which ${notProgram ? 'is not a program (a folder, or a file that cannot be run)' : 'does not exist'}; give the path of a Chrome or Chromium, or remove the variable to use the one riktvarde ships; nothing was written`;
  },
  chromiumPlatform(platform: string, arch: string): string {
    return `the packaged Chromium runs on Linux x64 only (this is ${platform} ${arch}): set RIKTVARDE_CHROMIUM to the path of a Chrome, Chromium or Edge executable; nothing was written`;
  },
  xlsxNeedsOut(): string {
    return '--format xlsx writes a workbook: give the file with --out, e.g. --out plan.xlsx';
  },
  compareNeedsTwo(n: number): string {
    return `compare needs at least two scenario files (got ${n})`;
  },
  regionNotInFile(region: string, file: string, names: string[]): string {
    return `--region '${region}' is not in ${file}; choose one of: ${names.join(', ')}`;
  },
  chartFileType(flag: string, path: string): string {
    return `${flag} must end in .png, .svg or .vl.json (got '${path}')`;
  },
  badBudget(got: string): string {
    return `--budget expects a positive number of mnkr (SEK million) a year, e.g. --budget 300, got ${got}`;
  },
  solveNeedsTarget(): string {
    return 'give --target-year (reach 1100/550 by this year) or --budget (what a yearly budget buys)';
  },
  badProbability(got: number): string {
    return `--probability must be in (0, 1], got ${got}`;
  },
  badTargetYear(start: number, end: number, got: number): string {
    return `--target-year must be a year after ${start} and no later than the horizon ${end}, got ${got}`;
  },
  chooseRegion(names: string[]): string {
    return `this scenario has ${names.length} regions: choose one with --region (${names.join(', ')})`;
  },
  noSuchRegion(region: string, names: string[]): string {
    return `no region '${region}' in this scenario; regions: ${names.join(', ')}`;
  },
  badFromYear(start: number, target: number): string {
    return `--from-year must be after ${start} and no later than the target year ${target}`;
  },
  maxStepPositive(): string {
    return '--max-step must be greater than 0';
  },
  maxStepLever(): string {
    return '--max-step applies to intake and recruitment only';
  },
  budgetNeedsCosts(name: string): string {
    return `--budget needs costs: the scenario '${name}' has no costs block`;
  },
};

const WHY_SV: Record<string, string> = {
  ENOSPC: 'disken är full',
  EDQUOT: 'diskkvoten är slut',
  EACCES: 'behörighet saknas',
  EPERM: 'behörighet saknas',
  EROFS: 'filsystemet är skrivskyddat',
  ENOTDIR: 'en del av sökvägen är en fil, inte en mapp',
  EEXIST: 'en del av sökvägen är en fil, inte en mapp',
  EISDIR: 'det är en mapp',
  ENAMETOOLONG: 'namnet är för långt',
  ENOENT: 'mappen kan inte skapas',
};

export const messagesSv: MessageTexts = {
  problems(n: number): string {
    return `${n} ${n === 1 ? 'problem' : 'problem'}; ingenting skrevs.`;
  },
  seeHelp(): string {
    return "Kör 'riktvarde --help' för att se hur kommandot används.";
  },
  internalError(message: string): string {
    return `internt fel: ${message}\nDet här är ett fel i riktvarde. Rapportera det gärna med kommandoraden (RIKTVARDE_DEBUG=1 visar var det hände).`;
  },
  stderrCountBasis(bases: string[]): string {
    return `varning: scenarierna räknar specialister på olika sätt (${bases.join(', ')}): invånare per läkare går inte att jämföra mellan dem`;
  },
  stderrHorizon(horizons: string[]): string {
    return `varning: scenarierna har olika tidshorisonter (${horizons.join(', ')}): värdena för sista året gäller olika år`;
  },
  tooFewRuns(runs: number, params: number, needed: number): string {
    return `för få körningar för PRCC/SRC: ${runs} körningar med ${params} osäkra parametrar — det behövs minst ${needed} (--runs ${needed} eller fler; 1000 eller fler för stabila koefficienter)`;
  },
  noUncertain(file: string): string {
    return `${file} har inga osäkra parametrar (inget värde anges som fördelning): det finns inget för en känslighetsanalys att variera`;
  },
  writeFailed(path: string, code: string | undefined): string {
    return `kan inte skriva ${path}: ${(code && WHY_SV[code]) ?? 'systemet vägrade'}${code ? ` (${code})` : ''}; ingenting skrevs`;
  },
  sameOutputTwice(first: string, second: string): string {
    return `${first} och ${second} är samma fil: ge varje utdata en egen fil; ingenting skrevs`;
  },
  outputNotRegular(path: string): string {
    return `${path} är ingen vanlig fil (en enhet eller en pipe): ge namnet på en fil, som skrivs hel eller inte alls, aldrig in i en enhet, inte ens med --force; ingenting skrevs`;
  },
  stdoutFailed(code: string | undefined): string {
    return `kan inte skriva till standard ut: ${(code && WHY_SV[code]) ?? 'systemet vägrade'}${code ? ` (${code})` : ''}; utdata är ofullständiga`;
  },
  progressLabel(name: string, runs: number): string {
    return `${name}: ${fmtInt(runs, 'sv')} körningar`;
  },
  validateOk(file: string, name: string, regions: number, start: number, end: number, uncertain: number): string {
    // "ok" stays: a script may look for it.
    return `ok  ${file}: ${name} (${regions} ${regions === 1 ? 'region' : 'regioner'}, ${start}–${end}, ${uncertain} ${uncertain === 1 ? 'osäker parameter' : 'osäkra parametrar'})`;
  },
  solveLastRuns(lever: string, level: number): string {
    return `  ${lever} ${String(+level.toFixed(3)).replace('.', ',')}: Monte Carlo vid svaret och för planen som den är skriven`;
  },
  outFileName(kind: 'result' | 'runs' | 'calibrated', format: string): string {
    return `${{ result: 'resultat', runs: 'korningar', calibrated: 'kalibrerad' }[kind]}.${format === 'table' ? 'txt' : format}`;
  },
  stdoutClosed(): string {
    return 'standard ut är stängd (eller /dev/null öppnad för läsning och skrivning): utdata hamnar ingenstans; låt den vara öppen, eller ange --out FIL där kommandot har det';
  },
  outputIsInput(out: string, input: string): string {
    return `${out} är scenariofilen ${input} (indata, eller en fil den bygger på): indata skrivs aldrig över, inte ens med --force; ingenting skrevs`;
  },
  interrupted(signal: string): string {
    return `avbröts (${signal}); ofärdiga filer togs bort`;
  },
  badWholeNumber(option: string, got: string, min: number): string {
    return `${option} måste vara ett heltal ≥ ${min}, fick ${got}`;
  },
  notANumber(option: string, got: string, example: string): string {
    return `${option} väntar sig ett tal skrivet med siffror, t.ex. ${option} ${example} (fick '${got}')`;
  },
  givenTwice(option: string): string {
    return `${option} anges mer än en gång; ange det en gång`;
  },
  outOfRange(option: string, got: number, range: string): string {
    const share = /≤ 1(?![\d.,])/.test(range) && got > 1 && got <= 100;
    return `${option} måste vara ${range}, fick ${got}${share ? ` (en andel: för ${got} % skriv ${got / 100})` : ''}`;
  },
  tooManyWorkers(got: number, max: number, cores: number): string {
    return `--workers ${got} är fler än den här datorn kan använda (${cores} kärnor; högst ${max}); resultaten är desamma för alla antal trådar`;
  },
  tooManyRuns(runs: number, need: number, budget: number, fits: number): string {
    const gb = (b: number) => fmtNum(b / 2 ** 30, 'sv', 1);
    return `${fmtInt(runs, 'sv')} körningar skulle behöva omkring ${gb(need)} GB minne, mer än den här datorn har för det (${gb(budget)} GB); högst omkring ${fmtInt(roughly(fits), 'sv')} körningar får plats`;
  },
  notFinite(where: string, value: string): string {
    return `resultatet innehåller ett tal som inte är ändligt (${value} i ${where}): något värde i scenariot ligger långt utanför varje rimligt intervall; ingenting skrevs`;
  },
  outputExists(path: string): string {
    return `${path} finns redan; ingenting skrevs. Använd --force för att ersätta den, eller välj en annan --out.`;
  },
  leverShareRange(lever: string): string {
    return `en andel > 0 och ≤ 1 för --lever ${lever}`;
  },
  noObservedForBacktest(scenario: string, start: number): string {
    return `${scenario} har inga observerade tal efter basåret ${start}: en bakåtprövning behöver ett observed:-block med senare år`;
  },
  calibrateNoSet(): string {
    return 'calibrate anpassar scenariot som det är skrivet: --set förs inte in i tillägget; ändra filen eller gör först ett scenario med extends:';
  },
  calibrateOneRegion(): string {
    return 'calibrate fungerar på ett scenario med en region (det här har flera regioner)';
  },
  noObservedForCalibrate(scenario: string, start: number): string {
    return `${scenario} har inga observerade tal efter basåret ${start} att kalibrera mot (lägg till ett observed:-block)`;
  },
  calibrateRegionScoped(keys: string[]): string {
    return `calibrate skriver parametrar på översta nivån; ${keys.join(', ')} anges i ett regions:-block`;
  },
  chartOutIsFile(out: string): string {
    return `--out ${out} är en fil; chart behöver en mapp att skriva diagrammen i`;
  },
  regionNotInScenario(region: string, names: string[]): string {
    return `--region '${region}' finns inte i scenariot; välj en av: ${names.join(', ')}`;
  },
  badYears(spec: string): string {
    return `--years väntar sig ett år eller ett intervall som 2024-2030, fick '${spec}'`;
  },
  yearsOutside(spec: string, start: number, end: number): string {
    return `--years ${spec} ligger utanför scenariots tidshorisont ${start}–${end}`;
  },
  yearsReversed(spec: string, first: number, last: number): string {
    return `--years ${spec} går baklänges; skriv det tidigare året först: --years ${first}-${last}`;
  },
  browserUnpackFailed(dir: string, code: string | undefined): string {
    return `kan inte packa upp PDF-webbläsaren (Chromium) i ${dir}: ${(code && WHY_SV[code]) ?? 'systemet vägrade'}${code ? ` (${code})` : ''}; sätt TMPDIR till en mapp med cirka 200 MB ledigt, eller RIKTVARDE_CHROMIUM till en Chrome eller Chromium; ingenting skrevs`;
  },
  chromiumMissing(path: string, notProgram = false): string {
    return `RIKTVARDE_CHROMIUM är ${path}, som ${notProgram ? 'inte är ett program (en mapp, eller en fil som inte kan köras)' : 'inte finns'}; ange sökvägen till en Chrome eller Chromium, eller ta bort variabeln för att använda den som följer med riktvarde; ingenting skrevs`;
  },
  chromiumPlatform(platform: string, arch: string): string {
    return `den medföljande Chromium finns bara för Linux x64 (detta är ${platform} ${arch}): sätt RIKTVARDE_CHROMIUM till sökvägen till en Chrome, Chromium eller Edge; ingenting skrevs`;
  },
  xlsxNeedsOut(): string {
    return '--format xlsx skriver en arbetsbok: ange filen med --out, t.ex. --out plan.xlsx';
  },
  compareNeedsTwo(n: number): string {
    return `compare behöver minst två scenariofiler (fick ${n})`;
  },
  regionNotInFile(region: string, file: string, names: string[]): string {
    return `--region '${region}' finns inte i ${file}; välj en av: ${names.join(', ')}`;
  },
  chartFileType(flag: string, path: string): string {
    return `${flag} måste sluta på .png, .svg eller .vl.json (fick '${path}')`;
  },
  badBudget(got: string): string {
    return `--budget väntar sig ett positivt antal mnkr per år, t.ex. --budget 300, fick ${got}`;
  },
  solveNeedsTarget(): string {
    return 'ange --target-year (nå 1100/550 till och med detta år) eller --budget (vad en årlig budget räcker till)';
  },
  badProbability(got: number): string {
    return `--probability måste ligga i (0, 1], fick ${got}`;
  },
  badTargetYear(start: number, end: number, got: number): string {
    return `--target-year måste vara ett år efter ${start} och senast tidshorisonten ${end}, fick ${got}`;
  },
  chooseRegion(names: string[]): string {
    return `scenariot har ${names.length} regioner: välj en med --region (${names.join(', ')})`;
  },
  noSuchRegion(region: string, names: string[]): string {
    return `ingen region '${region}' i scenariot; regioner: ${names.join(', ')}`;
  },
  badFromYear(start: number, target: number): string {
    return `--from-year måste ligga efter ${start} och senast målåret ${target}`;
  },
  maxStepPositive(): string {
    return '--max-step måste vara större än 0';
  },
  maxStepLever(): string {
    return '--max-step gäller bara intag och rekrytering';
  },
  budgetNeedsCosts(name: string): string {
    return `--budget behöver kostnader: scenariot '${name}' har inget costs-block`;
  },
};
