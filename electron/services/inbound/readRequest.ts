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
    if (code.trim() === '') reject(ctx, 'noIdentifier', { element: 'ReadingType' });
    if (!isReadingTypeCode(code.trim()))
      reject(ctx, 'badValue', { field: 'ReadingType/mRID', value: code, expected: 'readingTypeCode' }, code);
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
      reject(ctx, 'readingTypeUnknown', { readingType: name, at: [...usagePointIds] }, name);
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
    if (!meter.usagePointId) reject(ctx, 'meterNotInstalled', { serial: meter.serialNumber }, meter.serialNumber);
    usagePoints.add(meter.usagePointId);
  }
  for (const up of payload.usagePoints ?? []) usagePoints.add(requireUsagePoint(ctx, up));
  if (usagePoints.size === 0) reject(ctx, 'noTarget', { element: 'GetMeterReadings' });
  const readingTypes = wantedReadingTypes(ctx, payload, [...usagePoints]);
  for (const usagePointId of usagePoints) {
    if (ctx.store.readRequests.add({ messageId: ctx.messageId, usagePointId, readingTypes, requestedAt: ctx.at }))
      counts.readRequestsAdded++;
    else counts.readRequestsKnown++;
  }
  return counts;
}
