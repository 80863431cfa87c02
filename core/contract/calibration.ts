import { z } from 'zod';
import type { CalibrationReport } from '../calibration';
import { query } from './define';

export const calibrationMethods = {
  /** Time-weighted Brier scores of the settled claims (outcome true/false), overall and per tag. */
  'calibration.report': query<CalibrationReport>()(z.object({}).default({})),
};
