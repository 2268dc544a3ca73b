/**
 * The model files shipped with the app (./models, one JSON file per model). They are checked by the
 * same rules as a utility's own files; a shipped file that fails them is a build error (the test of
 * this module reads each one).
 */
import generic from './models/generic.json' with { type: 'json' };
import iskMt from './models/isk-mt.json' with { type: 'json' };
import lgzZmd from './models/lgz-zmd.json' with { type: 'json' };
import { parseMeterModel } from './meterModelFile';
import type { MeterModel } from './meterModels';

function shipped(file: unknown): MeterModel {
  const result = parseMeterModel(file);
  if (!result.ok) throw new Error(`shipped meter model: ${result.field ?? ''} ${result.code} ${JSON.stringify(result.details ?? {})}`);
  return result.model;
}

export const shippedMeterModels: readonly MeterModel[] = [shipped(generic), shipped(iskMt), shipped(lgzZmd)];

/** A shipped model by name (the simulator, training mode and stored status reads name them). */
export function findMeterModel(name: string): MeterModel | undefined {
  return shippedMeterModels.find((m) => m.name === name);
}
