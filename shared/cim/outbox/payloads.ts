/**
 * The JSON payloads the outbox holds (docs/ARCHITECTURE.md "Transactional outbox"), one zod schema
 * per kind of message. The row stores the typed payload, not XML: rendering happens at send time
 * (./render.ts), so a schema fix reaches messages already queued. kinds.ts ties each schema to its
 * 61968-9 noun and verbs.
 */
import { z } from 'zod';
import { controlResults, switchActions, switchOutcomes } from '../../domain/switching';
import { READING_REASON_KINDS } from '../payloads/meterReadings';

/** An EndDeviceEventType / EndDeviceControlType code: four dotted numbers (61968-9 Annex E). */
const cimCode = z.string().regex(/^\d+\.\d+\.\d+\.\d+$/);
const eui64 = z.string().regex(/^[0-9A-F]{16}$/);
const text = z.string().min(1);

/**
 * A visit's readings (readings/outbound.ts). A skipped visit's readings have no value, a
 * ReadingQuality "known missing read" and the reason as the quality's comment; a confirmed
 * out-of-range value carries the technician's reason there.
 */
export const meterReadingsPayload = z.object({
  meter: text,
  usagePoint: text,
  readings: z
    .array(
      z.object({
        readingType: text,
        value: text.nullable(),
        timeStamp: text,
        qualities: z.array(z.string()).default([]),
        comment: text.optional(),
        /** ReadingReasonKind of a switch reading (moveIn, moveOut, billing, serviceDisconnect, serviceConnect). */
        reason: z.enum(READING_REASON_KINDS).optional(),
      }),
    )
    .min(1),
  /**
   * A switch reading (issue 9) names the CustomerAgreement that changes hands and the switch
   * order. MeterReading has no CustomerAgreement reference in the reference schema, so both travel
   * as 61968-100 Header/Property (`CustomerAgreement`, `MeterServiceRequest`).
   */
  agreement: text.optional(),
  switchOrder: text.optional(),
});

/** The one event a skip about the device queues (damage, tamper; readings/skipVisit.ts). */
export const skipEventPayload = z.object({
  meter: text,
  usagePoint: text,
  eventType: cimCode,
  createdDateTime: text,
  reason: z.string().optional(),
});

/** Several events of one meter with their details, as an optical reading queues them (optical/meterStatus.ts). */
export const meterStatusEventsPayload = z.object({
  meter: text,
  usagePoint: text,
  events: z
    .array(
      z.object({
        eventType: cimCode,
        createdDateTime: text,
        reason: z.string().optional(),
        details: z.array(z.object({ name: text, value: z.string() })).default([]),
      }),
    )
    .min(1),
});

/** The outcome of a time sync or demand reset run through the optical probe (optical/programAtUsagePoint.ts). */
export const opticalControlPayload = z.object({
  /** Written by every release that queued this payload; kept so those rows still parse. */
  kind: z.literal('opticalControl'),
  operation: z.enum(['timeSync', 'demandReset']),
  controlType: cimCode,
  meter: text,
  usagePoint: text,
  startedAt: text,
  finishedAt: text,
  result: z.enum(['OK', 'FAILED']),
  error: z.object({ code: text, reason: z.string() }).optional(),
  attributes: z.array(z.object({ name: text, value: z.string() })),
});

/** The meter's own switch operated for a disconnect or reconnect (switching/control.ts). */
export const switchControlPayload = z.object({
  switchOrder: text,
  controlType: cimCode,
  result: z.enum(controlResults),
  meter: text,
  usagePoint: text,
  at: text,
  reason: text,
});

/** The outcome of a disconnect or reconnect: done, refused, unsafe or meter not found (switching/control.ts). */
export const switchEventPayload = z.object({
  switchOrder: text,
  eventType: cimCode,
  outcome: z.enum(switchOutcomes),
  action: z.enum(switchActions),
  controlResult: z.enum(controlResults).nullable(),
  sealNumber: text.nullable(),
  meter: text,
  usagePoint: text,
  at: text,
  reason: text,
});

/** A meter or PAN device linked to (create) or unlinked from (close) a usage point (workOrders/). */
export const linkagePayload = z.object({
  meter: text.optional(),
  endDevice: text.optional(),
  usagePoint: text,
  effectiveDateTime: text,
  reason: z.string().optional(),
});

/** The meter asset installed or removed, with its seals (workOrders/meterSteps.ts). */
export const meterConfigPayload = z.object({
  meter: text,
  usagePoint: text.nullable(),
  status: z.enum(['installed', 'removed']),
  at: text,
  /** returned / scrapped, for a removed meter */
  disposition: z.enum(['returned', 'scrapped']).optional(),
  sealsApplied: z.array(text).default([]),
  sealsRemoved: z.array(text).default([]),
  /** Meter/type: the meter model the optical port identified it as, when it was read (a real MDM keys its device types by it). */
  meterType: text.optional(),
});

/** A PAN device commissioned or decommissioned (workOrders/pan.ts). */
export const panConfigPayload = z.object({
  eui64,
  deviceType: text,
  /** Needed by the head end to give the trust center the link key; dropped on decommission. */
  installCode: z
    .string()
    .regex(/^[0-9A-F]+$/)
    .optional(),
  meter: text,
  usagePoint: text,
  status: z.enum(['commissioned', 'decommissioned']),
  at: text,
});

/** The PAN pairing window the head end is asked to open (x.10.73.298, NOTES.md §7; workOrders/pan.ts). */
export const panPairingPayload = z.object({
  controlType: cimCode,
  eui64,
  installCode: z.string().regex(/^[0-9A-F]+$/),
  meter: text,
  usagePoint: text,
  /** EndDeviceTiming.duration is xs:float minutes in CX; we send whole minutes. */
  durationMinutes: z.number().int().positive(),
  at: text,
});

/** A work order's outcome reported back (workOrders/reportBack.ts); the id goes as the CorrelationID. */
export const serviceReportPayload = z.object({
  workOrderId: text,
  kind: text,
  meter: text.nullable(),
  usagePoint: text,
  status: text,
  reason: text,
  remark: z.string().optional(),
  at: text,
});

/**
 * A load profile read through DLMS (issue 22 item 3): one IntervalBlock per channel, each with
 * its interval ReadingType (codes/intervalData.ts); an interval's value is exact decimal text,
 * its end time in `end`, its qualities from the meter's status bits.
 */
export const loadProfilePayload = z.object({
  meter: text,
  usagePoint: text,
  /** The period asked for (valuesInterval). */
  start: text,
  end: text,
  blocks: z
    .array(
      z.object({
        readingType: text,
        intervals: z.array(z.object({ end: text, value: text.nullable(), qualities: z.array(z.string()).default([]) })).min(1),
      }),
    )
    .min(1),
});

/**
 * A visit receipt sent to the enterprise as a document (issue 24 §3): the PDF itself (base64), its
 * verification code and the SHA-256 of the visit data it was taken from, and as its reference the
 * visit and the MessageIDs of the visit's MeterReadings, so the office files the receipt with them.
 * The 61968-9 nouns have no element for a document, so it goes in the 61968-100 envelope's
 * Payload/Compressed with Payload/Format `PDF` (the envelope's own place for binary payloads).
 */
export const visitReceiptPayload = z.object({
  visit: z.object({ kind: z.enum(['switchOrder', 'workOrder']), id: text }),
  usagePoint: text,
  meter: text,
  /** The verification code without its dash, as on the receipt's document information. */
  code: z.string().regex(/^[A-Z2-7]{10}$/),
  dataSha256: z.string().regex(/^[0-9a-f]{64}$/),
  language: z.enum(['en', 'de']),
  fileName: text,
  readingsMessageIds: z.array(text),
  pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
  pdfBase64: z.string().min(1),
});
