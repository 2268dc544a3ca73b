/**
 * GetMeterReadings in (verb get, noun MeterReadings): the enterprise asks for an on-demand read.
 * Each meter or usage point named becomes an open read request at its usage point — a task the
 * technician sees on the route and at the meter — answered by the next visit there with a
 * MeterReadings message whose CorrelationID is this request's MessageID (readings/outbound.ts).
 */
import type { GetMeterReadings } from '../../../shared/cim/payloads';
import { reject, requireMeter, requireUsagePoint, type Counts, type InboundContext } from './context';

export function applyReadRequest(ctx: InboundContext, payload: GetMeterReadings): Counts {
  const counts = { readRequestsAdded: 0, readRequestsKnown: 0 };
  const usagePoints = new Set<string>();
  for (const device of payload.endDevices ?? []) {
    const meter = requireMeter(ctx, device, 'EndDevice');
    if (!meter.usagePointId) reject(ctx, `Meter ${meter.serialNumber} is not installed at a usage point on this device`, meter.serialNumber);
    usagePoints.add(meter.usagePointId);
  }
  for (const up of payload.usagePoints ?? []) usagePoints.add(requireUsagePoint(ctx, up));
  if (usagePoints.size === 0) reject(ctx, 'GetMeterReadings names no EndDevice or UsagePoint to read');
  const readingTypes = (payload.readingTypes ?? []).filter((t) => t !== '');
  for (const usagePointId of usagePoints) {
    if (ctx.store.readRequests.add({ messageId: ctx.messageId, usagePointId, readingTypes, requestedAt: ctx.at })) counts.readRequestsAdded++;
    else counts.readRequestsKnown++;
  }
  return counts;
}
