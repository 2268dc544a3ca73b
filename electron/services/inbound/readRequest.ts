/**
 * GetMeterReadings in (verb get, noun MeterReadings): the enterprise asks for an on-demand read.
 * Each meter or usage point named becomes an open read request at its usage point — a task the
 * technician sees on the route and at the meter — answered by the next visit there with a
 * MeterReadings message whose CorrelationID is this request's MessageID (readings/outbound.ts).
 */
import type { GetMeterReadings } from '../../../shared/cim/payloads';
import { isReadingTypeCode } from '../../../shared/cim/readingType';
import { resolveReadingTypeName } from '../../../shared/cim/readingTypeNames';
import { reject, requireMeter, requireUsagePoint, type Counts, type InboundContext } from './context';

/**
 * The ReadingTypes asked for, each by mRID (an 18-part code) or by Names/name resolved against the
 * registers at the usage points read (readingTypeNames.ts). One that is malformed or unknown
 * refuses the request: reading every register instead would answer another question.
 */
function wantedReadingTypes(ctx: InboundContext, payload: GetMeterReadings, usagePointIds: readonly string[]): string[] {
  const codes = new Set<string>();
  for (const code of payload.readingTypes ?? []) {
    if (code.trim() === '') reject(ctx, 'GetMeterReadings: a ReadingType has neither mRID nor Names/name');
    if (!isReadingTypeCode(code.trim()))
      reject(
        ctx,
        `GetMeterReadings: ReadingType mRID "${code}" is not an IEC 61968-9 ReadingType code (18 numbers separated by dots)`,
        code,
      );
    codes.add(code.trim());
  }
  const names = payload.readingTypeNames ?? [];
  if (names.length === 0) return [...codes];
  const registers = usagePointIds.flatMap((id) =>
    (ctx.store.meters.get(id)?.registers ?? []).map((r) => ({ readingType: r.readingType, label: r.label })),
  );
  for (const name of names) {
    const found = resolveReadingTypeName(name, registers);
    if (found.length === 0) {
      reject(
        ctx,
        `GetMeterReadings: ReadingType "${name}" (Names/name) is neither a ReadingType code, an OBIS code nor a register of ${usagePointIds.join(', ')}; nothing is asked for instead`,
        name,
      );
    }
    for (const code of found) codes.add(code);
  }
  return [...codes];
}

export function applyReadRequest(ctx: InboundContext, payload: GetMeterReadings): Counts {
  const counts = { readRequestsAdded: 0, readRequestsKnown: 0 };
  const usagePoints = new Set<string>();
  for (const device of payload.endDevices ?? []) {
    const meter = requireMeter(ctx, device, 'EndDevice');
    if (!meter.usagePointId)
      reject(ctx, `Meter ${meter.serialNumber} is not installed at a usage point on this device`, meter.serialNumber);
    usagePoints.add(meter.usagePointId);
  }
  for (const up of payload.usagePoints ?? []) usagePoints.add(requireUsagePoint(ctx, up));
  if (usagePoints.size === 0) reject(ctx, 'GetMeterReadings names no EndDevice or UsagePoint to read');
  const readingTypes = wantedReadingTypes(ctx, payload, [...usagePoints]);
  for (const usagePointId of usagePoints) {
    if (ctx.store.readRequests.add({ messageId: ctx.messageId, usagePointId, readingTypes, requestedAt: ctx.at }))
      counts.readRequestsAdded++;
    else counts.readRequestsKnown++;
  }
  return counts;
}
