/**
 * Swedish twins of the scenario's own texts (`noteSv`, `titleSv`, `descriptionSv`): Swedish
 * output shows them, English output the text as written; a layer that rewrites a text without
 * its twin drops the twin it would inherit; every shipped scenario gives them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import type { FileAccess } from '../scenario/doc.js';
import { assumptionRow, inLang } from '../viz/assumptions.js';
import { assumptionsSection } from '../viz/report-assumptions.js';
import { texts } from '../viz/texts/index.js';
import { ROOT } from './helpers.js';

const SCENARIOS = join(ROOT, 'scenarios');
const shipped = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

/** Source titles that are the Swedish documents' own names: shown as written in every language. */
const SWEDISH_TITLES = new Set([
  'Nationellt riktvärde för fast läkarkontakt i primärvården',
  'Nationellt riktvärde för fast läkarkontakt i primärvården (Tabell 1)',
  'Nationellt riktvärde för fast läkarkontakt i primärvården (Tabell 1, 2019)',
  'Handlingsplan för fast läkarkontakt (bilaga 1, Underlag för beräkning)',
  'Folkmängd 31 december 2024, Stockholms län',
  'Befolkningsstatistik i sammandrag 1960–2020',
]);

function mem(files: Record<string, string>): FileAccess {
  return {
    read(path) {
      if (!Object.hasOwn(files, path)) throw new Error(`ENOENT: ${path}`);
      return files[path];
    },
    resolve: (from, ref) => posix.normalize(posix.join(posix.dirname(from), ref)),
  };
}

describe('shipped scenarios give every text of theirs in Swedish too', () => {
  it.each(shipped)('%s', (file) => {
    const sc = loadScenarioFile(join(SCENARIOS, file));
    const missing: string[] = [];
    for (const a of sc.meta.assumptions) if (a.kind !== 'default' && a.note && a.noteSv === undefined) missing.push(`note of ${a.path}: ${a.note}`);
    for (const [id, s] of Object.entries(sc.meta.sources)) {
      if (s.titleSv === undefined && !SWEDISH_TITLES.has(s.title)) missing.push(`title of source ${id}: ${s.title}`);
      if (s.note && s.noteSv === undefined) missing.push(`note of source ${id}: ${s.note}`);
    }
    for (const p of sc.meta.observed) if (p.note && p.noteSv === undefined) missing.push(`note of observed ${p.quantity} ${p.year}: ${p.note}`);
    if (sc.meta.description && sc.meta.descriptionSv === undefined) missing.push('description');
    expect(missing).toEqual([]);
  });
});

describe('every parameter of the shipped scenarios has a name for people in both languages', () => {
  it.each(shipped)('%s', (file) => {
    const sc = loadScenarioFile(join(SCENARIOS, file));
    const raw: string[] = [];
    for (const lang of ['sv', 'en'] as const) {
      const t = texts(lang).assumptions;
      for (const a of sc.meta.assumptions) if (t.paramLabel(a.path) === a.path) raw.push(`${lang}: ${a.path}`);
    }
    expect(raw).toEqual([]);
  });
  it('an age group\'s name goes into its parameter\'s', () => {
    expect(texts('sv').assumptions.paramLabel('population.ageGroups.80+.growth')).toBe('Befolkningstillväxt per år, 80+ år (andel)');
    expect(texts('en').assumptions.paramLabel('population.careNeedByAge.weights.65-79')).toBe('Care-need weight, aged 65-79');
    expect(texts('sv').assumptions.value('2024: 130, 2030: 150 (linear in between)')).toBe('2024: 130; 2030: 150 (linjärt däremellan)');
  });
});

describe('a layer that rewrites a text drops the Swedish twin it would inherit', () => {
  const base = readFileSync(join(SCENARIOS, 'stockholm-handlingsplan.yaml'), 'utf8');
  const load = (overlay: string) => loadScenarioFile('/s/mine.yaml', [], mem({ '/s/base.yaml': base, '/s/mine.yaml': `extends: base.yaml\n${overlay}` }));
  const find = (sc: ReturnType<typeof load>, path: string) => sc.meta.assumptions.find((a) => a.path === path)!;

  it('keeps the pair when only the value changes', () => {
    const sc = load('specialists: { headcount: { value: 1200 } }\n');
    const a = find(sc, 'specialists.headcount');
    expect(a.value).toBe('1200');
    expect(a.note).toBe('GP specialists at health centres, 2024');
    expect(a.noteSv).toBe('specialister i allmänmedicin på vårdcentraler, 2024');
    expect(sc.meta.descriptionSv).toMatch(/^Specialister i allmänmedicin/);
  });

  it('drops the twin of a rewritten note, title and description', () => {
    const sc = load([
      'name: Mine',
      'description: my own plan',
      'specialists: { headcount: { value: 1200, note: "our own count" } }',
      'sources: { mitti-2024: { title: "Our register" } }',
      '',
    ].join('\n'));
    const a = find(sc, 'specialists.headcount');
    expect([a.note, a.noteSv]).toEqual(['our own count', undefined]);
    expect(sc.meta.descriptionSv).toBeUndefined();
    expect(sc.meta.sources['mitti-2024'].titleSv).toBeUndefined();
    const sv = assumptionRow(a, texts('sv'));
    expect(sv.note).toBe('our own count');
  });

  it('takes a rewritten twin with its text', () => {
    const sc = load('specialists: { headcount: { value: 1200, note: "our count", noteSv: "vårt antal" } }\n');
    const a = find(sc, 'specialists.headcount');
    expect(assumptionRow(a, texts('sv')).note).toBe('vårt antal');
    expect(assumptionRow(a, texts('en')).note).toBe('our count');
  });

  it('a --set of a text drops its twin; a --set of the twin after it keeps both', () => {
    const file = join(SCENARIOS, 'stockholm-handlingsplan.yaml');
    const noted = (sets: string[]) => loadScenarioFile(file, sets).meta.assumptions.find((a) => a.path === 'specialists.headcount')!;
    expect([noted(['specialists.headcount.note=our count']).note, noted(['specialists.headcount.note=our count']).noteSv]).toEqual(['our count', undefined]);
    const both = noted(['specialists.headcount.note=our count', 'specialists.headcount.noteSv=vårt antal']);
    expect([both.note, both.noteSv]).toEqual(['our count', 'vårt antal']);
    const sc = loadScenarioFile(file, ['description=my plan']);
    expect([sc.meta.description, sc.meta.descriptionSv]).toEqual(['my plan', undefined]);
  });

  it('a region over the top-level values: same rule', () => {
    const sc = load([
      'regions:',
      '  - name: A',
      '  - name: B',
      '    specialists: { fte: { value: 0.9, note: "B counts differently" } }',
      '',
    ].join('\n'));
    const fte = sc.meta.assumptions.filter((a) => a.path === 'specialists.fte');
    const a = fte.find((x) => x.region === 'A' || x.region === null)!;
    const b = fte.find((x) => x.region === 'B')!;
    expect(a.noteSv).toBe('46–54 % arbetar deltid; cirka 0,85–0,9 heltid per person');
    expect([b.note, b.noteSv]).toEqual(['B counts differently', undefined]);
  });
});

describe('the report shows the reader\'s language', () => {
  const sc = loadScenarioFile(join(SCENARIOS, 'stockholm-handlingsplan.yaml'));
  it('notes, source titles and source notes', () => {
    const sv = assumptionsSection(sc.meta, texts('sv'));
    const en = assumptionsSection(sc.meta, texts('en'));
    expect(sv).toContain('invånare 31 dec 2024');
    expect(sv).toContain('kr/månad, ST-läkare cirka');
    expect(sv).toContain('bygger på offentlig lönestatistik');
    expect(sv).not.toContain('inhabitants 31 Dec 2024');
    expect(en).toContain('inhabitants 31 Dec 2024');
    expect(en).toContain('built on public wage statistics');
    expect(en).not.toContain('invånare 31 dec 2024');
  });
  it('inLang falls back to the text as written', () => {
    expect(inLang(texts('sv'), 'as written', undefined)).toBe('as written');
    expect(inLang(texts('sv'), 'as written', 'svensk')).toBe('svensk');
    expect(inLang(texts('en'), 'as written', 'svensk')).toBe('as written');
  });
});
