/**
 * The one place codes leave the app (issue 19 §5): every EndDeviceEventType, EndDeviceControlType
 * and ReadingQualityType in a rendered message — in EndDeviceEvents, EndDeviceControls and
 * MeterReadings (readings and interval readings) — is written
 * as the integration profile's code table says. Outbox rows keep the published code.
 */
import { controlCodeIn, eventCodeIn, qualityCodeIn, type CodeTable } from '../codes/codeTables';
import type { CimMessage } from '../message/types';
import type { PayloadBody } from '../payloads';
import type { EndDeviceEvent } from '../payloads/endDeviceEvents';
import type { ReadingQuality } from '../payloads/meterReadings';

const qualities = (table: CodeTable, list: readonly ReadingQuality[] | undefined) =>
  list?.map((q) => ({ ...q, readingQualityType: qualityCodeIn(table, q.readingQualityType) }));
const events = (table: CodeTable, list: readonly EndDeviceEvent[]) =>
  list.map((e) => ({ ...e, eventType: eventCodeIn(table, e.eventType) }));

export function bodyInCodeTable(body: PayloadBody, table: CodeTable): PayloadBody {
  switch (body.noun) {
    case 'EndDeviceEvents':
      return { noun: body.noun, value: { ...body.value, endDeviceEvents: events(table, body.value.endDeviceEvents) } };
    case 'EndDeviceControls':
      return {
        noun: body.noun,
        value: {
          ...body.value,
          endDeviceControls: body.value.endDeviceControls.map((c) => ({ ...c, controlType: controlCodeIn(table, c.controlType) })),
        },
      };
    case 'MeterReadings':
      return {
        noun: body.noun,
        value: {
          ...body.value,
          meterReadings: body.value.meterReadings.map((mr) => ({
            ...mr,
            readings: mr.readings?.map((r) => ({ ...r, readingQualities: qualities(table, r.readingQualities) })),
            intervalBlocks: mr.intervalBlocks?.map((b) => ({
              ...b,
              intervalReadings: b.intervalReadings?.map((r) => ({ ...r, readingQualities: qualities(table, r.readingQualities) })),
            })),
          })),
        },
      };
    default:
      return body;
  }
}

export function messageInCodeTable(message: CimMessage, table: CodeTable | undefined): CimMessage {
  if (!table || message.kind === 'fault' || message.payload?.kind !== 'xml') return message;
  return { ...message, payload: { ...message.payload, body: bodyInCodeTable(message.payload.body, table) } };
}
