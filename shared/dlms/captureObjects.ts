/**
 * What the values in a capture mean: a GET response is named by its request (class, OBIS,
 * attribute); a push (data-notification) names its values itself in one of three published
 * layouts (issue 22): the list of captured objects first and the values after it (push setup,
 * Blue Book §4.4.8); OBIS octet strings each followed by its value (Norwegian HAN, Kamstrup);
 * structures {OBIS, value[, scaler_unit]} (Norwegian HAN, Aidon). A value is scaled only where
 * the capture carries its scaler_unit.
 */
import { parseScalerUnit, type ScalerUnit } from './classes';
import { bytesOf, integerOf, itemsOf, type DlmsValue } from './dataTypes';
import { obisFromBytes } from './obis';
import { scaledText } from './scaling';
import { valueText } from './valueText';
import type { CosemReference } from './xdlms';

export interface CapturedObject {
  obis: string | null;
  classId: number | null;
  attribute: number | null;
  value: string | null;
  unit: string | null;
}

const SCALER_UNIT_CLASSES = new Set([3, 4, 5]);

function tryScalerUnit(value: DlmsValue | undefined): ScalerUnit | null {
  try {
    return parseScalerUnit(value);
  } catch {
    return null;
  }
}

/** Applies scaler_unit attributes (3; Demand Register 4) in the list to the values (attr 2) of the same OBIS, then drops them. */
function applyScalers(objects: CapturedObject[], raw: (DlmsValue | null)[]): CapturedObject[] {
  const scalers = new Map<string, ScalerUnit>();
  objects.forEach((o, i) => {
    const su =
      o.classId !== null && SCALER_UNIT_CLASSES.has(o.classId) && o.attribute === (o.classId === 5 ? 4 : 3)
        ? tryScalerUnit(raw[i] ?? undefined)
        : null;
    if (su && o.obis) scalers.set(o.obis, su);
  });
  return objects.flatMap((o, i) => {
    const su = o.obis ? scalers.get(o.obis) : undefined;
    if (su && o.attribute !== 2) return [];
    const v = raw[i];
    return [su && o.attribute === 2 && v ? { ...o, value: scaledText(v, su.scaler) ?? o.value, unit: su.unitText } : o];
  });
}

export function referencedObjects(references: readonly CosemReference[], values: readonly (DlmsValue | null)[]): CapturedObject[] {
  const objects = values.map((v, i): CapturedObject => {
    const ref = references[i];
    return {
      obis: ref ? obisFromBytes(ref.logicalName) : null,
      classId: ref?.classId ?? null,
      attribute: ref?.index ?? null,
      value: v ? valueText(v) : null,
      unit: null,
    };
  });
  return applyScalers(objects, [...values]);
}

/** {class_id, logical_name, attribute_index, data_index}: a capture object definition. */
function captureDefinition(value: DlmsValue | undefined): { classId: number; obis: string; attribute: number } | null {
  const f = itemsOf(value);
  if (!f || f.length !== 4 || f[0]?.type !== 'uint16') return null;
  const name = bytesOf(f[1]);
  const attribute = integerOf(f[2]);
  if (!name || name.length !== 6 || attribute === null) return null;
  return { classId: f[0].value, obis: obisFromBytes(name), attribute: Number(attribute) };
}

const obisOf = (value: DlmsValue | undefined): string | null => {
  const b = value?.type === 'octet-string' ? value.bytes : null;
  return b && b.length === 6 ? obisFromBytes(b) : null;
};

export function notificationObjects(body: DlmsValue): CapturedObject[] {
  const items = itemsOf(body) ?? [body];
  // Layout 1: the captured objects first, then their values (flat, or in one structure).
  const definitions = itemsOf(items[0])?.map(captureDefinition);
  if (definitions && definitions.length && definitions.every((d) => d !== null)) {
    const rest = items.slice(1);
    const values = rest.length === 1 && itemsOf(rest[0])?.length === definitions.length ? (itemsOf(rest[0]) ?? []) : rest;
    const objects = definitions.map((d, i): CapturedObject => ({
      obis: d?.obis ?? null,
      classId: d?.classId ?? null,
      attribute: d?.attribute ?? null,
      value: values[i] ? valueText(values[i]) : null,
      unit: null,
    }));
    return applyScalers(
      objects,
      definitions.map((_, i) => values[i] ?? null),
    );
  }
  const out: CapturedObject[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const fields = itemsOf(item);
    const nestedObis = fields && fields.length >= 2 ? obisOf(fields[0]) : null;
    if (nestedObis && fields) {
      // Layout 3: {OBIS, value[, {scaler, unit}]}
      const su = tryScalerUnit(fields[2]);
      const v = fields[1];
      out.push({
        obis: nestedObis,
        classId: su ? 3 : null,
        attribute: su ? 2 : null,
        value: v ? (su ? scaledText(v, su.scaler) : valueText(v)) : null,
        unit: su?.unitText ?? null,
      });
      continue;
    }
    const obis = obisOf(item);
    const next = items[i + 1];
    if (obis && next && !obisOf(next)) {
      // Layout 2: OBIS, value
      out.push({ obis, classId: null, attribute: null, value: valueText(next), unit: null });
      i++;
      continue;
    }
    if (item) out.push({ obis: null, classId: null, attribute: null, value: valueText(item), unit: null });
  }
  return out;
}
