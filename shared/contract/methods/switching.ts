/** Customer switching (issue 9): move-in, move-out, change of supplier, disconnect, reconnect. */
import { jobRecord } from './jobRecord';
import { z } from 'zod';
import { controlResults, enterpriseChanges, switchActions, switchKinds, switchOutcomes, switchStatuses } from '../../domain/switching';
import { readingMethods } from './readings';
import { note, nothing, type MethodSpecs } from './common';

export const switchOrderId = z.string().min(1).max(80);
const saveInput = readingMethods['readings.save'].input.shape;
/** Only needed when the work is done outside the switch window (the office prorates). */
const outOfWindowReason = z.string().trim().min(1).max(500).optional();

export const switchOrderSummary = z.object({
  id: z.string(),
  kind: z.enum(switchKinds),
  status: z.enum(switchStatuses),
  usagePointId: z.string(),
  address: z.string(),
  meterSerial: z.string(),
  dueAt: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  description: z.string(),
  /** Initials only: the list does not need the name. */
  customer: z.string(),
  supplier: z.string(),
  enterpriseChange: z.enum(enterpriseChanges).nullable(),
  enterpriseChangeAt: z.string().nullable(),
  enterpriseChangeSeen: z.boolean(),
  previousDueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type SwitchOrderSummary = z.infer<typeof switchOrderSummary>;

export const agreementView = z.object({
  id: z.string(),
  /** In full on the opened order: the crew may need to confirm who is at the door. */
  customerName: z.string(),
  /** Never needed in the field: last four characters only. */
  account: z.string(),
  supplierName: z.string(),
  tariff: z.string(),
  startAt: z.string().nullable(),
  endAt: z.string().nullable(),
});

export const switchOrderDetail = switchOrderSummary.extend({
  agreement: agreementView.nullable(),
  previousAgreement: agreementView.nullable(),
  registers: z.array(
    z.object({
      id: z.number(),
      label: z.string(),
      readingType: z.string(),
      dials: z.number(),
      decimals: z.number(),
      lastValue: z.string().nullable(),
    }),
  ),
  readingSetId: z.string().nullable(),
  readInWindow: z.boolean().nullable(),
  notReadReason: z.string().nullable(),
  outcome: z.enum(switchOutcomes).nullable(),
  action: z.enum(switchActions).nullable(),
  controlResult: z.enum(controlResults).nullable(),
  sealNumber: z.string().nullable(),
  note: z.string(),
  /** The local profile may disconnect or reconnect (installer or supervisor). */
  mayControl: z.boolean(),
});
export type SwitchOrderDetail = z.infer<typeof switchOrderDetail>;

/** The serial on the meter's plate, scanned or typed; refused when it is not the meter expected (issue 24 §1). */
const meterSerial = z.string().trim().min(1).max(64).optional();
const byId = z.object({ switchOrderId }).strict();
const done = z.object({ order: switchOrderSummary, readingSetId: z.string().nullable(), messageIds: z.array(z.string()) });

export const switchingMethods = {
  'switching.list': { right: 'view', input: nothing, output: z.array(switchOrderSummary) },
  'switching.get': { right: 'view', input: byId, output: switchOrderDetail },
  /** What the finished order did on site: its reading with units, the seal, the photos (issue 17 §3). */
  'switching.record': { right: 'view', input: byId, output: jobRecord },
  /** The switch reading, typed or from the optical port, inside the window (or outside with a reason). */
  'switching.read': {
    right: 'record',
    input: z
      // photoIds: the register photo goes on the visit's receipt (issue 24 §3).
      .object({
        switchOrderId,
        values: saveInput.values,
        source: saveInput.source,
        observedSerial: saveInput.observedSerial,
        meterSerial,
        outOfWindowReason,
        note,
        photoIds: saveInput.photoIds,
      })
      .strict(),
    output: done,
  },
  /** The meter could not be read: the enterprise estimates the switch reading. */
  'switching.notRead': {
    right: 'record',
    input: z.object({ switchOrderId, reasonCode: z.string().trim().min(1).max(40), note }).strict(),
    output: done,
  },
  /** A disconnect or reconnect: outcome, how it was switched, the meter switch's result, seal, and the reading if taken. */
  'switching.control': {
    right: 'install',
    input: z
      .object({
        switchOrderId,
        outcome: z.enum(switchOutcomes),
        action: z.enum(switchActions),
        controlResult: z.enum(controlResults).optional(),
        sealNumber: z.string().trim().min(1).max(40).optional(),
        values: saveInput.values.optional(),
        source: saveInput.source,
        observedSerial: saveInput.observedSerial,
        meterSerial,
        outOfWindowReason,
        note,
      })
      .strict(),
    output: done,
  },
  /** The user has seen the enterprise's cancel or reschedule. */
  'switching.acknowledge': { right: 'record', input: byId, output: switchOrderSummary },
} as const satisfies MethodSpecs;
