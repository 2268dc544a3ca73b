/**
 * Outbox payloads of installer work orders (issue 8) and their rendering as IEC 61968-9 nouns
 * through the shared/cim builders: MasterDataLinkageConfig (create = link, close = unlink; CX
 * MasterDataLinkageAction, ../shared/cim/NOTES.md §5), MeterConfig (the meter asset: status,
 * lifecycle dates, seals), EndDeviceConfig (a PAN device: isPan, installCode) and
 * EndDeviceControls (the PAN pairing window x.10.73.298, NOTES.md §7). MeterReadings final/initial
 * readings reuse the readings payload (shared/cim/outboxMessage.ts). MeterServiceRequests "changed"
 * reports an outcome without field data (unable to complete, cancelled after the work).
 */
import { z } from 'zod';
import type { CimMessage } from '../../../shared/cim';
import { EVENT_VERBS, REQUEST_VERBS, isVerb } from '../../../shared/cim/message/verbs';
import { OutboxRenderError, type EnvelopeContext, type OutboxRow } from '../../../shared/cim/outboxMessage';
import type { PayloadBody } from '../../../shared/cim/payloads';

export const linkagePayload = z.object({
  meter: z.string().min(1).optional(),
  endDevice: z.string().min(1).optional(),
  usagePoint: z.string().min(1),
  effectiveDateTime: z.string().min(1),
  reason: z.string().optional(),
});
export const meterConfigPayload = z.object({
  meter: z.string().min(1),
  usagePoint: z.string().min(1).nullable(),
  status: z.enum(['installed', 'removed']),
  at: z.string().min(1),
  /** returned / scrapped, for a removed meter */
  disposition: z.enum(['returned', 'scrapped']).optional(),
  sealsApplied: z.array(z.string().min(1)).default([]),
  sealsRemoved: z.array(z.string().min(1)).default([]),
});
export const panConfigPayload = z.object({
  eui64: z.string().regex(/^[0-9A-F]{16}$/),
  deviceType: z.string().min(1),
  /** Needed by the head end to give the trust center the link key; dropped on decommission. */
  installCode: z.string().regex(/^[0-9A-F]+$/).optional(),
  meter: z.string().min(1),
  usagePoint: z.string().min(1),
  status: z.enum(['commissioned', 'decommissioned']),
  at: z.string().min(1),
});
export const pairingPayload = z.object({
  controlType: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/),
  eui64: z.string().regex(/^[0-9A-F]{16}$/),
  installCode: z.string().regex(/^[0-9A-F]+$/),
  meter: z.string().min(1),
  usagePoint: z.string().min(1),
  /** ISO 8601 duration, e.g. PT15M (EndDeviceTiming.duration is xs:float minutes in CX; we send minutes). */
  durationMinutes: z.number().int().positive(),
  at: z.string().min(1),
});
/** A work order's outcome reported back (workOrders/reportBack.ts); the id goes as the CorrelationID. */
export const serviceReportPayload = z.object({
  workOrderId: z.string().min(1),
  kind: z.string().min(1),
  meter: z.string().min(1).nullable(),
  usagePoint: z.string().min(1),
  status: z.string().min(1),
  reason: z.string().min(1),
  remark: z.string().optional(),
  at: z.string().min(1),
});
export type LinkagePayload = z.infer<typeof linkagePayload>;
export type MeterConfigPayload = z.input<typeof meterConfigPayload>;
export type PanConfigPayload = z.infer<typeof panConfigPayload>;
export type PairingPayload = z.infer<typeof pairingPayload>;
export type ServiceReportPayload = z.infer<typeof serviceReportPayload>;

function parse<T>(schema: z.ZodType<T>, row: OutboxRow): T {
  const parsed = schema.safeParse(row.payload);
  if (!parsed.success) throw new OutboxRenderError(`outbox row ${row.messageId}: ${row.noun} payload is malformed`);
  return parsed.data;
}

const named = (name: string) => ({ names: [{ name }] });

function body(row: OutboxRow): PayloadBody | null {
  switch (row.noun) {
    case 'MasterDataLinkageConfig': {
      const p = parse(linkagePayload, row);
      return {
        noun: 'MasterDataLinkageConfig',
        value: {
          configurationEvent: { createdDateTime: row.createdAt, effectiveDateTime: p.effectiveDateTime, reason: p.reason },
          endDevices: p.endDevice ? [named(p.endDevice)] : undefined,
          meters: p.meter ? [named(p.meter)] : undefined,
          usagePoints: [{ mRID: p.usagePoint }],
        },
      };
    }
    case 'MeterConfig': {
      const p = parse(meterConfigPayload, row);
      const seals = [
        ...p.sealsRemoved.map((sealNumber) => ({ sealNumber, condition: 'broken' as const })),
        ...p.sealsApplied.map((sealNumber) => ({ sealNumber, condition: 'locked' as const, appliedDateTime: p.at })),
      ];
      return {
        noun: 'MeterConfig',
        value: {
          meters: [
            {
              serialNumber: p.meter,
              // LifecycleDate fields are xs:date in the CX MeterConfig.xsd: the day only.
              lifecycle: p.status === 'installed' ? { installationDate: p.at.slice(0, 10) } : { removalDate: p.at.slice(0, 10) },
              names: [{ name: p.meter }],
              seals,
              status: { dateTime: p.at, value: p.status, reason: p.disposition },
            },
          ],
        },
      };
    }
    case 'EndDeviceConfig': {
      const p = parse(panConfigPayload, row);
      return {
        noun: 'EndDeviceConfig',
        value: {
          endDevices: [
            {
              installCode: p.installCode,
              isPan: true,
              serialNumber: p.eui64,
              type: p.deviceType,
              electronicAddress: { mac: p.eui64 },
              names: [{ name: p.eui64 }],
              status: { dateTime: p.at, value: p.status, remark: `meter ${p.meter} at ${p.usagePoint}` },
            },
          ],
        },
      };
    }
    case 'EndDeviceControls': {
      const p = parse(pairingPayload, row);
      return {
        noun: 'EndDeviceControls',
        value: {
          endDeviceControls: [
            {
              controlType: p.controlType,
              endDevices: [{ serialNumber: p.meter, names: [{ name: p.meter }] }, { serialNumber: p.eui64, installCode: p.installCode, isPan: true, names: [{ name: p.eui64 }] }],
              primaryDeviceTiming: { duration: String(p.durationMinutes), interval: { start: p.at } },
              usagePoints: [{ mRID: p.usagePoint }],
            },
          ],
        },
      };
    }
    case 'MeterServiceRequests': {
      const p = parse(serviceReportPayload, row);
      const pan = p.kind === 'panCommission' || p.kind === 'panDecommission';
      return {
        noun: 'MeterServiceRequests',
        value: {
          header: { verb: 'changed', noun: 'MeterServiceRequests', timestamp: p.at, correlationID: p.workOrderId },
          work: [
            {
              kind: pan ? 'service' : 'meter',
              lastModifiedDateTime: p.at,
              type: p.kind,
              meter: p.meter ? { serialNumber: p.meter, names: [{ name: p.meter }] } : {},
              status: { dateTime: p.at, reason: p.reason, remark: p.remark ?? `usage point ${p.usagePoint}`, value: p.status },
            },
          ],
        },
      };
    }
    default:
      return null;
  }
}

/** The message for an outbox row of a work-order noun, or null when the noun is not one of ours. */
export function renderWorkOrderNoun(row: OutboxRow, context: EnvelopeContext): CimMessage | null {
  const payloadBody = body(row);
  return payloadBody === null ? null : outboxMessageOf(row, context, payloadBody);
}

/** The 61968-100 message for an outbox row and its payload: an event for past-tense verbs, else a request. */
export function outboxMessageOf(row: OutboxRow, context: EnvelopeContext, payloadBody: PayloadBody): CimMessage {
  if (!isVerb(row.verb)) throw new OutboxRenderError(`outbox row ${row.messageId}: unknown verb "${row.verb}"`);
  const header = { verb: row.verb, noun: row.noun, revision: context.revision, timestamp: row.createdAt, source: context.source, user: context.user, messageID: row.messageId };
  const payload = { kind: 'xml', body: payloadBody } as const;
  if ((EVENT_VERBS as readonly string[]).includes(row.verb)) return { kind: 'event', header, payload };
  if ((REQUEST_VERBS as readonly string[]).includes(row.verb)) return { kind: 'request', header, payload };
  throw new OutboxRenderError(`outbox row ${row.messageId}: verb "${row.verb}" is not sent from the outbox`);
}
