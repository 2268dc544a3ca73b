/**
 * MeterReadings in (created, changed, create, reply; issue 19 §4): the meter's validated history
 * as an MDM sends it — Readings and IntervalBlocks, times with their offsets, the MDM's
 * ReadingQualities. Each value of a register of a meter installed here is kept as the enterprise's
 * (enterprise_readings, never sent back), and becomes the register's last value when it is newer
 * than the last one there, so the next hand read is checked against the validated history.
 *
 * A ReadingType is named by `ReadingType@ref`: the 18-part code (as Connexo writes it), or the MDM's
 * own key whose `MeterReadings/ReadingType` gives mRID and Names (MeterReadings.xsd), the name then
 * resolved as GetMeterReadings resolves one (readingTypeNames.ts). A ref neither resolves refuses
 * the message with the ref named; a code this meter has no register for, or a meter not installed
 * here, is counted (`readingsNotImported`), as events for other devices are.
 */
import type { MeterReading, MeterReadings, ReadingQuality } from '../../../shared/cim/payloads/meterReadings';
import type { ObjectRef } from '../../../shared/cim/payloads/common';
import { isReadingTypeCode } from '../../../shared/cim/readingType';
import { resolveReadingTypeName } from '../../../shared/cim/readingTypeNames';
import type { Register } from '../../../shared/contract/entities';
import { canonicalDecimal } from '../../../shared/domain/registerValue';
import { findMeter, reject, requireUsagePoint, type Counts, type InboundContext } from './context';

/** xs:dateTime with its zone (Z or ±hh:mm): a time without one is a local time of an unknown place. */
const ZONED_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * Whether the MDM's qualities let a value stand as the last reading the next read is checked
 * against: not one it rejected (category 7 edited, index 3 rejected), marked questionable
 * (category 10) or a known missing read (5.259) — NOTES.md §8, CBO QualityCodeCategory/Index.
 */
export function standsAsLastValue(qualities: readonly string[]): boolean {
  return !qualities.some((code) => {
    const [, category, index] = code.split('.');
    return (category === '7' && index === '3') || category === '10' || (category === '5' && index === '259');
  });
}

interface Value {
  readingType: string;
  timeStamp?: string;
  value?: string;
  readingQualities?: ReadingQuality[];
}

const valuesOf = (mr: MeterReading): Value[] => [
  ...(mr.readings ?? []),
  ...(mr.intervalBlocks ?? []).flatMap((b) => (b.intervalReadings ?? []).map((r) => ({ ...r, readingType: b.readingType }))),
];

/** The register a ReadingType ref stands for on this meter; undefined when the meter has none of that type. */
function registerOf(
  ctx: InboundContext,
  ref: string,
  definitions: ReadonlyMap<string, ObjectRef>,
  registers: readonly Register[],
  serial: string,
): Register | undefined {
  const wanted = ref.trim();
  const byCode = (code: string) => registers.find((r) => r.readingType === code);
  if (isReadingTypeCode(wanted)) return byCode(wanted);
  const definition = definitions.get(wanted);
  const names = [definition?.mRID, ...(definition?.names ?? []).map((n) => n.name)].filter((n): n is string => !!n?.trim());
  for (const name of names.length ? names : [wanted]) {
    const codes = resolveReadingTypeName(name, registers);
    if (codes.length) return codes.map(byCode).find((r) => r !== undefined);
  }
  return reject(
    ctx,
    'readingTypeUnknown',
    { readingType: names.length ? `${wanted} (${names.join(', ')})` : wanted, at: [serial] },
    wanted,
  );
}

/** The meter a MeterReading is about, installed at a usage point here; null when it is not. */
function meterOf(ctx: InboundContext, mr: MeterReading): { serial: string; usagePointId: string } | null {
  if (mr.meter) {
    const device = findMeter(ctx, mr.meter);
    return device?.kind === 'meter' && device.usagePointId && device.status === 'installed'
      ? { serial: device.serialNumber, usagePointId: device.usagePointId }
      : null;
  }
  if (mr.usagePoint) {
    const usagePointId = requireUsagePoint(ctx, mr.usagePoint);
    const detail = ctx.store.meters.get(usagePointId);
    return detail ? { serial: detail.meterSerial, usagePointId } : null;
  }
  return reject(ctx, 'noTarget', { element: 'MeterReading' });
}

export function applyMeterHistory(ctx: InboundContext, payload: MeterReadings): Counts {
  const counts: Counts = { readingsStored: 0, readingsKnown: 0, readingsNotImported: 0 };
  if (payload.meterReadings.length === 0) reject(ctx, 'emptyPayload', { noun: 'MeterReadings', element: 'MeterReading' });
  const definitions = new Map((payload.readingTypes ?? []).filter((t) => t.mRID).map((t) => [t.mRID!.trim(), t] as const));
  for (const mr of payload.meterReadings) {
    const values = valuesOf(mr);
    const meter = meterOf(ctx, mr);
    const registers = meter ? (ctx.store.meters.get(meter.usagePointId)?.registers ?? []) : [];
    for (const v of values) {
      const register = meter ? registerOf(ctx, v.readingType, definitions, registers, meter.serial) : undefined;
      const value = v.value === undefined ? undefined : canonicalDecimal(v.value.trim());
      if (v.value !== undefined && value === null)
        reject(ctx, 'badValue', { field: 'Reading/value', value: v.value, expected: 'number' }, v.value);
      if (!register || value === undefined || value === null) {
        counts.readingsNotImported = (counts.readingsNotImported ?? 0) + 1;
        continue;
      }
      const stamp = v.timeStamp?.trim();
      if (!stamp) reject(ctx, 'missingField', { element: 'Reading', field: 'timeStamp', id: v.readingType }, v.readingType);
      if (!ZONED_DATE_TIME.test(stamp) || Number.isNaN(Date.parse(stamp)))
        reject(ctx, 'badValue', { field: 'Reading/timeStamp', value: stamp, expected: 'zonedDateTime' }, stamp);
      const readAt = new Date(stamp).toISOString();
      const qualities = (v.readingQualities ?? []).map((q) => q.readingQualityType.trim());
      if (ctx.store.enterpriseReadings.record({ registerId: register.id, readAt, value, qualities, messageId: ctx.messageId }, ctx.at))
        counts.readingsStored = (counts.readingsStored ?? 0) + 1;
      else counts.readingsKnown = (counts.readingsKnown ?? 0) + 1;
      if (standsAsLastValue(qualities)) ctx.store.enterpriseReadings.offerAsLast(register.id, value, readAt);
    }
  }
  return counts;
}
