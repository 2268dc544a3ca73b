/**
 * The meter models on this device and which meter types they are assigned to. Models are data:
 * the shipped files (shared/iec62056/models) and the utility's own, one JSON file per model in
 * the `meter-models` folder beside the database (or FIELDMETER_METER_MODELS). A utility's file with
 * the name of a shipped model replaces it; a file that breaks the format is left out and listed with
 * the field that is wrong. Assignments (meter type → model) are a supervisor setting, also set by a
 * route import; without one, a meter is read but not programmed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { isValidAssignment, parseMeterModel, shippedMeterModels, type MeterModel, type ModelAssignment } from '../../../shared/iec62056';
import type { Store } from '../store';
import type { MeterModelProblem } from '../../../shared/i18n/meterModelWords';

export const METER_MODEL_ASSIGNMENTS_SETTING = 'optical.meterModelAssignments';

/** A utility's model file that was left out: the file and its problem's code (no sentence, issue 16). */
export type RefusedModelFile = { readonly file: string } & MeterModelProblem;

export interface MeterModelCatalog {
  readonly models: readonly MeterModel[];
  /** Files that were left out, and why. */
  readonly refused: readonly RefusedModelFile[];
  readonly folder: string;
}

/** The utility's folder of model files for the database at `databasePath`. */
export function meterModelFolder(databasePath: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.FIELDMETER_METER_MODELS ?? join(dirname(databasePath), 'meter-models');
}

export function loadMeterModels(folder: string): MeterModelCatalog {
  const byName = new Map(shippedMeterModels.map((m) => [m.name, m]));
  const refused: RefusedModelFile[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    // No folder: the utility has added no models of its own.
  }
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    } catch {
      refused.push({ file, code: 'notJson' });
      continue;
    }
    const result = parseMeterModel(json);
    if (result.ok) byName.set(result.model.name, result.model);
    else {
      const { ok: _ok, ...problem } = result;
      refused.push({ file, ...problem });
    }
  }
  return { models: [...byName.values()], refused, folder };
}

export const modelAssignment = z.object({
  manufacturer: z.string().regex(/^[A-Za-z]{3}$/),
  identPrefix: z.string().min(1).max(64),
  model: z.string().min(1).max(40),
});
const assignmentList = z.array(modelAssignment).max(500);

export function modelAssignments(store: Store): readonly ModelAssignment[] {
  return store.settings.getJson(METER_MODEL_ASSIGNMENTS_SETTING, assignmentList, []).filter(isValidAssignment);
}

/** Assigns `model` to a meter type (replacing the type's earlier model); null removes the assignment. */
export function assignModel(
  store: Store,
  type: { manufacturer: string; identPrefix: string },
  model: string | null,
): readonly ModelAssignment[] {
  const others = modelAssignments(store).filter((a) => !(a.manufacturer === type.manufacturer && a.identPrefix === type.identPrefix));
  const next = model === null ? others : [...others, { ...type, model }];
  store.settings.set(METER_MODEL_ASSIGNMENTS_SETTING, JSON.stringify(next));
  return next;
}
