/** The worker for scenarios with formulas in `year`: mathjs's parser given to the core, then the worker. */
import { parse } from 'mathjs';
import { useFormulaParser } from '../api/core.js';
import './worker.js';

useFormulaParser(parse);
