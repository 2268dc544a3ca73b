/** Installer work orders and PAN commissioning (issue 8). */
import { z } from 'zod';
import { decimalText } from '../entities';
import { workOrderKinds, workOrderStatuses, panDeviceTypeNames, removalDispositions } from '../../domain/workOrder';
import { note, nothing, photoId, type MethodSpecs } from './common';

export const workOrderId = z.string().min(1).max(64);
const serial = z.string().trim().min(1).max(64);
const seals = z.array(z.string().trim().min(1).max(40)).max(10).default([]);
const registerValues = z.array(z.object({ registerId: z.number().int().positive(), value: decimalText }).strict()).min(1).max(64);

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
});
export type WorkOrderSummary = z.infer<typeof workOrderSummary>;

const registerInfo = z.object({ id: z.number(), label: z.string(), readingType: z.string(), dials: z.number(), decimals: z.number(), lastValue: z.string().nullable() });
export const workOrderDetail = workOrderSummary.extend({
  currentMeter: z.object({ serial: z.string(), registers: z.array(registerInfo), seals: z.array(z.string()) }).nullable(),
  panDevices: z.array(z.object({ eui64: z.string(), deviceType: z.string(), joinStatus: z.string() })),
  steps: z.array(z.object({ step: z.string(), at: z.string() })),
});

export const panCheck = z.object({ valid: z.boolean(), reason: z.string().nullable(), eui64: z.string().nullable(), crc: z.string().nullable() });

export const workOrderMethods = {
  'workOrders.list': { input: nothing, output: z.array(workOrderSummary) },
  'workOrders.get': { input: z.object({ workOrderId }).strict(), output: workOrderDetail },
  'workOrders.start': { input: z.object({ workOrderId }).strict(), output: workOrderSummary },
  'workOrders.unable': { input: z.object({ workOrderId, reason: z.string().trim().min(1).max(500) }).strict(), output: workOrderSummary },
  /** The registers of a meter in stock, so the wizard can ask for its initial readings. */
  'workOrders.stockMeter': {
    input: z.object({ workOrderId, serial }).strict(),
    output: z.object({ serial: z.string(), registers: z.array(registerInfo) }),
  },
  'workOrders.completeExchange': {
    input: z
      .object({
        workOrderId,
        oldMeter: z.object({ observedSerial: serial, finalReadings: registerValues, sealsRemoved: seals, disposition: z.enum(removalDispositions), photoIds: z.array(photoId).max(10).default([]) }).strict(),
        newMeter: z.object({ serial, initialReadings: registerValues, sealsApplied: seals, photoIds: z.array(photoId).max(10).default([]) }).strict(),
        note,
      })
      .strict(),
    output: z.object({ workOrder: workOrderSummary, messageIds: z.array(z.string()) }),
  },
  /** Checks a PAN label without saving anything (the form checks as the installer types). */
  'pan.check': { input: z.object({ eui64: z.string().max(64), installCode: z.string().max(80) }).strict(), output: panCheck },
  /** The link key, shown only when the installer asks for it (issue 8 §4). */
  'pan.linkKey': { input: z.object({ installCode: z.string().max(80) }).strict(), output: z.object({ linkKey: z.string() }) },
  'workOrders.commissionPan': {
    input: z
      .object({ workOrderId, deviceType: z.enum(panDeviceTypeNames), eui64: z.string().max(64), installCode: z.string().max(80) })
      .strict(),
    output: z.object({ workOrder: workOrderSummary, messageIds: z.array(z.string()) }),
  },
} as const satisfies MethodSpecs;
