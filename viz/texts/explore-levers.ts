/** The what-if page's levers, in the order they are shown. */
export const LEVER_IDS = ['intake', 'retention', 'attrition', 'fte', 'recruitment', 'coverageShare', 'careNeed', 'norm', 'normYear', 'trainingCapacity'] as const;
export type LeverId = (typeof LEVER_IDS)[number];
