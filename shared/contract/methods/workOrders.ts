/** Installer work orders and PAN commissioning (issue 8). */
import { z } from 'zod';
import { confirmation, decimalText, register } from '../entities';
import { workOrderKinds, workOrderStatuses, panDeviceTypeNames, removalDispositions } from '../../domain/workOrder';
import { note, nothing, photoId, type MethodSpecs } from './common';
import { jobRecord } from './jobRecord';

export const workOrderId = z.string().min(1).max(64);
const serial = z.string().trim().min(1).max(64);
const seals = z.array(z.string().trim().min(1).max(40)).max(10).default([]);
/** A value out of the register's expected range comes with its confirmation (typed twice, or a reason), as on a route read. */
const registerValues = z
  .array(z.object({ registerId: z.number().int().positive(), value: decimalText, confirmation: confirmation.optional() }).strict())
  .min(1)
  .max(64);

/** The meter taken out of a usage point (removal, exchange) and the one put in from stock (install, exchange). */
export const meterOut = z
  .object({
    observedSerial: serial,
    finalReadings: registerValues,
    finalSource: z.enum(['manual', 'optical']).default('manual'),
    sealsRemoved: seals,
    disposition: z.enum(removalDispositions),
    photoIds: z.array(photoId).max(10).default([]),
  })
  .strict();
export const meterIn = z
  .object({
    serial,
    initialReadings: registerValues,
    initialSource: z.enum(['manual', 'optical']).optional(),
    sealsApplied: seals,
    photoIds: z.array(photoId).max(10).default([]),
  })
  .strict();

export const workOrderSummary = z.object({
  id: z.string(),
  kind: z.enum(workOrderKinds),
  status: z.enum(workOrderStatuses),
  usagePointId: z.string(),
  address: z.string(),
  expectedMeterSerial: z.string().nullable(),
  description: z.string(),
  reason: z.string().nullable(),
  updatedAt: z.string(),
  cancelledWhileActive: z.boolean(),
  /** The enterprise cancelled it after the work was done: the field data stays, the office was told. */
  cancelledAfterWork: z.boolean(),
});
export type WorkOrderSummary = z.infer<typeof workOrderSummary>;
const finished = z.object({ workOrder: workOrderSummary, messageIds: z.array(z.string()) });

/** A register with its unit, dials and history, so the job's readings are checked and shown as a route read's are. */
const registerInfo = register;
export const workOrderDetail = workOrderSummary.extend({
  currentMeter: z.object({ serial: z.string(), registers: z.array(registerInfo), seals: z.array(z.string()) }).nullable(),
  panDevices: z.array(z.object({ eui64: z.string(), deviceType: z.string(), joinStatus: z.string() })),
  steps: z.array(z.object({ step: z.string(), at: z.string() })),
  /** Time sync / demand reset done on the job's new meter through the probe (recorded when done). */
  programming: z.array(
    z.object({
      operation: z.enum(['timeSync', 'demandReset']),
      at: z.string(),
      meter: z.string(),
      result: z.enum(['OK', 'FAILED']),
      /** A failed attempt's code and typed details, said by the screen from the catalogs. */
      failure: z.object({ code: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
      attributes: z.record(z.string(), z.string()),
    }),
  ),
});

/** What is wrong with a PAN label's value, said by the screen from its code (shared/domain/installCode.ts). */
const labelProblem = z.discriminatedUnion('code', [
  z.object({ field: z.enum(['eui64', 'installCode']), code: z.literal('notHex') }),
  z.object({ field: z.literal('eui64'), code: z.literal('reserved') }),
  z.object({ field: z.enum(['eui64', 'installCode']), code: z.literal('length'), digits: z.number().int() }),
  z.object({ field: z.literal('installCode'), code: z.literal('checkDigits'), printed: z.string(), expected: z.string() }),
]);

export const panCheck = z.object({
  valid: z.boolean(),
  problems: z.array(labelProblem),
  eui64: z.string().nullable(),
  crc: z.string().nullable(),
});

export const workOrderMethods = {
  'workOrders.list': { right: 'view', input: nothing, output: z.array(workOrderSummary) },
  'workOrders.get': { right: 'view', input: z.object({ workOrderId }).strict(), output: workOrderDetail },
  /** What the finished job did on site: readings with units, seals, photos, programming, PAN devices (issue 17 §3). */
  'workOrders.record': { right: 'view', input: z.object({ workOrderId }).strict(), output: jobRecord },
  'workOrders.start': { right: 'install', input: z.object({ workOrderId }).strict(), output: workOrderSummary },
  'workOrders.unable': {
    right: 'install',
    input: z.object({ workOrderId, reason: z.string().trim().min(1).max(500) }).strict(),
    output: workOrderSummary,
  },
  /** The registers of a meter in stock, so the wizard can ask for its initial readings. */
  'workOrders.stockMeter': {
    right: 'view',
    input: z.object({ workOrderId, serial }).strict(),
    output: z.object({ serial: z.string(), registers: z.array(registerInfo) }),
  },
  'workOrders.completeExchange': {
    right: 'install',
    input: z.object({ workOrderId, oldMeter: meterOut, newMeter: meterIn, note }).strict(),
    output: finished,
  },
  'workOrders.completeInstall': { right: 'install', input: z.object({ workOrderId, newMeter: meterIn, note }).strict(), output: finished },
  'workOrders.completeRemoval': { right: 'install', input: z.object({ workOrderId, oldMeter: meterOut, note }).strict(), output: finished },
  /** A work order made on the device by an installer or supervisor (issue 8 §1). */
  'workOrders.create': {
    right: 'install',
    input: z
      .object({
        kind: z.enum(workOrderKinds),
        usagePointId: z.string().trim().min(1).max(64),
        description: z.string().trim().max(500).default(''),
      })
      .strict(),
    output: workOrderSummary,
  },
  /** Checks a PAN label without saving anything (the form checks as the installer types). */
  'pan.check': {
    right: 'view',
    input: z.object({ eui64: z.string().max(64), installCode: z.string().max(80) }).strict(),
    output: panCheck,
  },
  /** The link key, shown only when the installer asks for it (issue 8 §4). */
  'pan.linkKey': {
    right: 'install',
    input: z.object({ installCode: z.string().max(80) }).strict(),
    output: z.object({ linkKey: z.string() }),
  },
  'workOrders.commissionPan': {
    right: 'install',
    input: z
      .object({ workOrderId, deviceType: z.enum(panDeviceTypeNames), eui64: z.string().max(64), installCode: z.string().max(80) })
      .strict(),
    output: finished,
  },
  'workOrders.decommissionPan': {
    right: 'install',
    input: z.object({ workOrderId, eui64: z.string().max(64) }).strict(),
    output: finished,
  },
} as const satisfies MethodSpecs;
