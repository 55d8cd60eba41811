/** Built-in defaults of the scenario format and why they are what they are. */
export const DEFAULTS = {
  normSpecialist: { value: 1100, why: 'Socialstyrelsen, Nationellt riktvärde för fast läkarkontakt (2022): 1100 inhabitants per full-time GP specialist' },
  normSt: { value: 550, why: 'Socialstyrelsen (2022): 550 inhabitants per ST trainee in general practice' },
  coverageShare: { value: 1, why: 'the riktvärde covers every inhabitant' },
  careNeedIndex: { value: 1, why: 'no care-need weighting unless the scenario gives one' },
  careNeedByAge: { value: 1, why: 'no care-need weighting by age unless the scenario gives weights' },
  fte: { value: 1, why: 'the riktvärde assumes full time' },
  fillRate: { value: 1, why: 'every advertised post is filled unless the scenario says otherwise' },
  listable: { value: { share: 0.5 }, why: 'Tabell 1 (Socialstyrelsen 2022) counts half of all ST trainees as available' },
  recruitment: { value: 0, why: 'no net recruitment from elsewhere unless the scenario gives one' },
  recruitmentWithPath: { value: 0, why: 'with specialists.targetHeadcount the recruitment each year is what the path needs after the completers who stay (see the recruitment row)' },
  recruitmentAge: { value: 45, why: 'riktvarde default; only matters for when recruits retire' },
  wageGrowth: { value: 0, why: 'fixed prices, as in Region Stockholm’s plan' },
  otherAttrition: { value: 0, why: 'no exits unless the scenario gives a rate' },
  hoursPerFte: { value: 40, why: 'full-time week, hours' },
  byTrainingYear: { value: 0, why: 'steady state of a constant intake with dropout: the share in training year j is proportional to the share of lengths ≥ j times (1 − dropout)^(j−1)' },
  monteCarlo: { runs: 1000, seed: 1, eventNoise: true },
} as const;

/** A default that has a reason (every entry but monteCarlo). */
export type DefaultKey = Exclude<keyof typeof DEFAULTS, 'monteCarlo'>;

/** The key of the default whose reason is `why` (the catalogues in viz/texts word it per language). */
export function defaultKeyOf(why: string): DefaultKey | undefined {
  for (const [k, d] of Object.entries(DEFAULTS)) if ('why' in d && d.why === why) return k as DefaultKey;
  return undefined;
}
