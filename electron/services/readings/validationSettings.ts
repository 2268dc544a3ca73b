/** The high/low factors and demand limit, as the utility configured them (setting `validation`), else the defaults. */
import { z } from 'zod';
import { defaultValidationSettings, type ValidationSettings } from '../../../shared/domain/readingValidation';
import type { Store } from '../store';

export const VALIDATION_SETTING = 'validation';

export const validationSettingsSchema = z
  .object({
    lowFactor: z.number().min(0).max(1),
    highFactor: z.number().min(1).max(100),
    maxDemand: z.number().positive(),
  })
  .strict();

export const validationSettings = (store: Store): ValidationSettings =>
  store.settings.getJson(VALIDATION_SETTING, validationSettingsSchema, defaultValidationSettings);
