/**
 * Which model programming mode uses for a meter: only the one the utility or the installer assigned
 * to the meter's type. The manufacturer letters alone never pick a model — one manufacturer makes
 * meters with different registers, passwords and demand-reset commands, and a wrong guess writes
 * to the wrong register. A meter without an assigned model is read, not programmed.
 */
import type { Identification } from './identification';
import type { MeterModel } from './meterModels';

/** A meter type as the identification names it (§6.3.2): the manufacturer id and the start of the ident, e.g. `ISK MT174`. */
export interface ModelAssignment {
  /** Manufacturer id, exactly as sent (the case of the third letter matters: §6.3.14 item 12). */
  readonly manufacturer: string;
  /** The start of the identification after the baud character: the type, not one meter's number (`MT174`, `ZMD3104`). */
  readonly identPrefix: string;
  readonly model: string;
}

export type ModelChoice =
  | { readonly ok: true; readonly model: MeterModel; readonly assignment: ModelAssignment }
  | {
      readonly ok: false;
      readonly reason: 'meterModelNotConfigured' | 'meterModelUnknown';
      readonly meterType: string;
      readonly model?: string;
    };

/** `ISK MT174-0001`: how a meter type is shown to the person assigning a model. */
export function meterTypeOf(id: Pick<Identification, 'manufacturer' | 'ident'>): string {
  return `${id.manufacturer} ${id.ident}`;
}

/** An assignment names a type: the manufacturer and at least one character of the ident. */
export function isValidAssignment(a: ModelAssignment): boolean {
  return /^[A-Za-z]{3}$/.test(a.manufacturer) && a.identPrefix.trim().length > 0 && a.model.trim().length > 0;
}

/** The model assigned to the type this meter identified as (longest prefix wins), from the models known on this device. */
export function chooseModel(
  id: Pick<Identification, 'manufacturer' | 'ident'>,
  assignments: readonly ModelAssignment[],
  models: readonly MeterModel[],
): ModelChoice {
  const meterType = meterTypeOf(id);
  let best: ModelAssignment | undefined;
  for (const a of assignments) {
    if (!isValidAssignment(a) || a.manufacturer !== id.manufacturer || !id.ident.startsWith(a.identPrefix)) continue;
    if (!best || a.identPrefix.length > best.identPrefix.length) best = a;
  }
  if (!best) return { ok: false, reason: 'meterModelNotConfigured', meterType };
  const model = models.find((m) => m.name === best.model);
  return model ? { ok: true, model, assignment: best } : { ok: false, reason: 'meterModelUnknown', meterType, model: best.model };
}
