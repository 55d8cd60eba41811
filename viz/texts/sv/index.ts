/** The Swedish catalogue: every user-facing text in one object of type `Texts`. */
import type { Texts } from '../types.js';
import { messagesSv as messages } from '../messages.js';
import { analysisTexts } from './analysis.js';
import { assumptions } from './assumptions.js';
import { charts } from './charts.js';
import { fields } from './fields.js';
import { report } from './report.js';
import { tables } from './tables.js';
import { observed } from './observed.js';
import { explore } from './explore.js';

export const sv: Texts = { assumptions, fields, tables, charts, report, analysis: analysisTexts, messages, observed, explore };
