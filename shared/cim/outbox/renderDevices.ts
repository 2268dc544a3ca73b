/**
 * Payload bodies of the kinds about a meter and its events: readings (61968-9 MeterReadings),
 * EndDeviceEvents (a skip about the device, the meter's status register, a disconnect or
 * reconnect outcome) and EndDeviceControls the field carried out (optical time sync or demand
 * reset, the meter's own supply switch).
 */
import type { MessageProperty } from '../message/types';
import type { PayloadBody } from '../payloads';
import type { OutboxPayload } from './kinds';

/**
 * One MeterReading per meter; its Readings share the visit's timestamp (coincident readings).
 * The meter is named by its serial number (Names/name), the usage point by its mRID.
 */
export function meterReadingsBody(p: OutboxPayload<'meterReadings'>): PayloadBody {
  return {
    noun: 'MeterReadings',
    value: {
      meterReadings: [
        {
          meter: { names: [{ name: p.meter }] },
          readings: p.readings.map((r) => ({
            reason: r.reason,
            timeStamp: r.timeStamp,
            value: r.value ?? undefined,
            readingQualities:
              r.qualities.length === 0 ? undefined : r.qualities.map((q) => ({ readingQualityType: q, comment: r.comment })),
            readingType: r.readingType,
          })),
          usagePoint: { mRID: p.usagePoint },
        },
      ],
    },
  };
}

/** Header/Property entries naming the agreement and switch order of a switch reading (none for any other reading). */
export function switchReadingProperties(p: OutboxPayload<'meterReadings'>): MessageProperty[] {
  return [
    ...(p.agreement ? [{ name: 'CustomerAgreement', value: p.agreement }] : []),
    ...(p.switchOrder ? [{ name: 'MeterServiceRequest', value: p.switchOrder }] : []),
  ];
}

export function skipEventBody(p: OutboxPayload<'skipEvent'>): PayloadBody {
  return {
    noun: 'EndDeviceEvents',
    value: {
      endDeviceEvents: [
        {
          createdDateTime: p.createdDateTime,
          reason: p.reason,
          assets: { names: [{ name: p.meter }] },
          eventType: p.eventType,
          usagePoint: { mRID: p.usagePoint },
        },
      ],
    },
  };
}

export function meterStatusEventsBody(p: OutboxPayload<'meterStatusEvents'>): PayloadBody {
  return {
    noun: 'EndDeviceEvents',
    value: {
      endDeviceEvents: p.events.map((e) => ({
        createdDateTime: e.createdDateTime,
        reason: e.reason,
        assets: { names: [{ name: p.meter }] },
        details: e.details,
        eventType: e.eventType,
        usagePoint: { mRID: p.usagePoint },
      })),
    },
  };
}

/**
 * The outcome's code as recordControl chose it (switchEventName in electron/services/switching/control.ts;
 * sources in ../README.md): x.15.26.68/42 switched by hand, x.31.26.68/42 with the meter's switch,
 * x.31.26.84/67 the meter's switch did not operate (a supply not switched for a reason on site has
 * no event: that outcome goes as MeterServiceRequests); with outcome, action, control
 * result and seal as EndDeviceEventDetails.
 */
export function switchEventBody(p: OutboxPayload<'switchEvent'>): PayloadBody {
  const details = [
    { name: 'outcome', value: p.outcome },
    { name: 'action', value: p.action },
    ...(p.controlResult ? [{ name: 'controlResult', value: p.controlResult }] : []),
    ...(p.sealNumber ? [{ name: 'sealNumber', value: p.sealNumber }] : []),
  ];
  return {
    noun: 'EndDeviceEvents',
    value: {
      endDeviceEvents: [
        {
          createdDateTime: p.at,
          issuerTrackingID: p.switchOrder,
          reason: p.reason,
          assets: { names: [{ name: p.meter }] },
          details,
          eventType: p.eventType,
          status: { dateTime: p.at, value: p.outcome },
          usagePoint: { mRID: p.usagePoint },
        },
      ],
    },
  };
}

/**
 * A control run through the optical probe, sent as a past-tense event (CreatedEndDeviceControls,
 * ../shared/cim/NOTES.md §4, §7). An EventMessage has no Reply, so the outcome travels the way a
 * Reply would say it — `result` OK or FAILED, the error's `errorCode` and `errorReason` — as
 * EndDeviceControlAttributes, followed by the meter's values before and after.
 */
export function opticalControlBody(p: OutboxPayload<'opticalControl'>): PayloadBody {
  const outcome = [
    { name: 'result', value: p.result },
    ...(p.error
      ? [
          { name: 'errorCode', value: p.error.code },
          { name: 'errorReason', value: p.error.reason },
        ]
      : []),
  ];
  return {
    noun: 'EndDeviceControls',
    value: {
      endDeviceControls: [
        {
          controlType: p.controlType,
          reason: p.operation,
          attributes: [...outcome, ...p.attributes],
          endDevices: [{ serialNumber: p.meter, names: [{ name: p.meter }] }],
          primaryDeviceTiming: { interval: { start: p.startedAt, end: p.finishedAt } },
          usagePoints: [{ mRID: p.usagePoint }],
        },
      ],
    },
  };
}

/** The meter's own switch: x.31.0.23 disconnect / x.31.0.18 connect (NOTES.md §7), the switch order as issuerTrackingID. */
export function switchControlBody(p: OutboxPayload<'switchControl'>): PayloadBody {
  return {
    noun: 'EndDeviceControls',
    value: {
      endDeviceControls: [
        {
          issuerTrackingID: p.switchOrder,
          reason: p.reason,
          controlType: p.controlType,
          attributes: [{ name: 'result', value: p.result }],
          endDevices: [{ serialNumber: p.meter, names: [{ name: p.meter }] }],
          primaryDeviceTiming: { interval: { start: p.at } },
          usagePoints: [{ mRID: p.usagePoint }],
        },
      ],
    },
  };
}
