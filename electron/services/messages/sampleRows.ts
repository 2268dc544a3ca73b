/**
 * A payload of every outbox kind built from one meter of the database, for `fieldmeter messages
 * samples` when the outbox holds no message of that kind yet. Keyed by kind, so a kind without a
 * sample does not compile. Values that no database row gives (a PAN device where none is
 * commissioned, a switch order) are marked as examples in the file's comment by the caller.
 */
import { endDeviceControlType, endDeviceEventType } from '../../../shared/cim/codes/endDeviceCodes';
import type { OutboxKind, OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { panDeviceTypes } from '../../../shared/domain/workOrder';

export interface SampleSource {
  meter: string;
  usagePoint: string;
  readings: readonly { readingType: string; value: string }[];
  /** A PAN device of the database, or an example EUI-64 when there is none. */
  pan: { eui64: string; installCode: string };
  at: string;
}

type SamplePayloads = { readonly [K in OutboxKind]: OutboxPayloadInput<K> };

export function samplePayloads(s: SampleSource): SamplePayloads {
  const { meter, usagePoint, at } = s;
  const switchOrder = `SW-SAMPLE-${usagePoint}`;
  return {
    meterReadings: {
      meter,
      usagePoint,
      readings: s.readings.map((r) => ({
        readingType: r.readingType,
        value: r.value,
        timeStamp: at,
        qualities: [readingQuality.manuallyEntered],
      })),
    },
    skipEvent: { meter, usagePoint, eventType: endDeviceEventType.tamperDetected, createdDateTime: at, reason: 'Tamper: seal broken' },
    meterStatusEvents: {
      meter,
      usagePoint,
      events: [
        {
          eventType: endDeviceEventType.powerDown,
          createdDateTime: at,
          reason: 'power failures counted by the meter',
          details: [{ name: 'powerFailures', value: '1' }],
        },
      ],
    },
    switchEvent: {
      switchOrder,
      eventType: endDeviceEventType.remoteDisconnected,
      outcome: 'done',
      action: 'meterSwitch',
      controlResult: 'succeeded',
      sealNumber: 'S-0001',
      meter,
      usagePoint,
      at,
      reason: 'disconnect done',
    },
    opticalControl: {
      kind: 'opticalControl',
      operation: 'timeSync',
      controlType: endDeviceControlType('clockSet'),
      meter,
      usagePoint,
      startedAt: at,
      finishedAt: at,
      result: 'OK',
      attributes: [
        { name: 'clockBefore', value: at },
        { name: 'clockAfter', value: at },
      ],
    },
    switchControl: {
      switchOrder,
      controlType: endDeviceControlType('disconnect'),
      result: 'succeeded',
      meter,
      usagePoint,
      at,
      reason: 'disconnect done',
    },
    panPairing: {
      controlType: endDeviceControlType('panPairingWindowOpen'),
      eui64: s.pan.eui64,
      installCode: s.pan.installCode,
      meter,
      usagePoint,
      durationMinutes: 15,
      at,
    },
    panConfig: {
      eui64: s.pan.eui64,
      deviceType: String(panDeviceTypes.inHomeDisplay),
      installCode: s.pan.installCode,
      meter,
      usagePoint,
      status: 'commissioned',
      at,
    },
    linkage: { meter, usagePoint, effectiveDateTime: at, reason: 'meter exchange' },
    meterConfig: { meter, usagePoint, status: 'installed', at, sealsApplied: ['S-0001'] },
    serviceReport: {
      workOrderId: `WO-SAMPLE-${usagePoint}`,
      kind: 'exchange',
      meter,
      usagePoint,
      status: 'unableToComplete',
      reason: 'no access',
      at,
    },
    loadProfile: {
      meter,
      usagePoint,
      start: at,
      end: at,
      blocks: [
        {
          readingType: '0.0.2.1.1.1.12.0.0.0.0.0.0.0.0.0.72.0',
          intervals: [{ end: at, value: '1234', qualities: [readingQuality.powerFail] }],
        },
      ],
    },
    // A stand-in document (the smallest PDF header), not a receipt: a sample shows the envelope.
    visitReceipt: {
      visit: { kind: 'switchOrder', id: switchOrder },
      usagePoint,
      meter,
      code: 'ABCDEFGHIJ',
      dataSha256: '0'.repeat(64),
      language: 'en',
      fileName: 'receipt-ABCDEFGHIJ-en.pdf',
      readingsMessageIds: [],
      pdfSha256: '0'.repeat(64),
      pdfBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
    },
  };
}
