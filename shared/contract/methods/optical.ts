/** The optical probe (IEC 62056-21): ports, a read of the meter at a usage point, cancel. */
import { z } from 'zod';
import { usagePointId, type MethodSpecs } from './common';
import { workOrderId } from './workOrders';
import { dlmsObjectsResult, dlmsReadInput, dlmsReadResult } from './dlmsRead';
import { meterModelProblemCodes } from '../../i18n/meterModelWords';

/** The simulated meter of training mode, offered beside the real ports. */
export const TRAINING_PORT = 'training';
/** The training meter's programming password, shown beside the field on training routes (practice needs no real secret). */
export const TRAINING_PASSWORD = '00000000';

export const opticalPort = z.object({
  path: z.string(),
  /** The probe's name when the USB ids are known, else the manufacturer. */
  label: z.string().nullable(),
  training: z.boolean(),
});

export const opticalValue = z.object({
  obis: z.string(),
  value: z.string(),
  unit: z.string().nullable(),
  readingType: z.string().nullable(),
  /** The register of this meter the value belongs to (same ReadingType), if any. */
  registerId: z.number().int().nullable(),
  /** The value as the register shows it (its decimals), ready for the form. */
  registerValue: z.string().nullable(),
  /** When the meter captured this value (a DSMR M-Bus channel's own time, 0-n:24.2.1): it dates the reading. */
  capturedAt: z.string().nullable().optional(),
});

/** The meter's health registers as read (F.F, C.5.0, C.7.x); reported as EndDeviceEvents when the reading is saved. */
export const opticalMeterStatus = z.object({
  errorRegister: z.string().nullable(),
  /** F.F holds a fault: shown to the technician as a warning. */
  errorRegisterSet: z.boolean(),
  statusWord: z.string().nullable(),
  powerFailCounters: z.record(z.string(), z.string()),
});
export type OpticalMeterStatus = z.infer<typeof opticalMeterStatus>;

export const opticalReadResult = z.object({
  manufacturer: z.string(),
  ident: z.string(),
  mode: z.string(),
  baud: z.number().int(),
  checksum: z.enum(['ok', 'absent']),
  /** The serial number the meter reported (C.1.0 / 0.0.0), if it sent one. */
  meterSerial: z.string().nullable(),
  serialMatches: z.boolean().nullable(),
  values: z.array(opticalValue),
  durationMs: z.number(),
  /** The raw conversation kept for diagnosis (the probe doctor). */
  transcriptId: z.string().optional(),
  /** The meter model programming mode would use (the one assigned to this meter type), and whether it has a demand reset. */
  model: z.string().nullable(),
  /** Why the meter offers readout only: no model is assigned to its type, or the assigned one is not on this device. */
  programmingUnavailable: z.enum(['meterModelNotConfigured', 'meterModelUnknown']).nullable(),
  demandResetSupported: z.boolean(),
  status: opticalMeterStatus.nullable(),
  /** The meter offered mode E, so it was read through DLMS/COSEM and saved (as `optical.dlmsRead` does); `values` is then empty. */
  dlms: dlmsReadResult.nullable().optional(),
});
export type OpticalReadResult = z.infer<typeof opticalReadResult>;

/** What an installer may do in programming mode (IEC 62056-21 §6.3.7–6.3.12). */
export const programOperations = ['timeSync', 'demandReset'] as const;
export type ProgramOperation = (typeof programOperations)[number];

const clockReading = z.object({ meterTime: z.string(), driftS: z.number() });
const registerValues = z.array(z.object({ value: z.string(), unit: z.string().nullable() }));

export const opticalProgramResult = z.object({
  operation: z.enum(programOperations),
  manufacturer: z.string(),
  ident: z.string(),
  model: z.string(),
  /** The serial number the meter gave before any write (null: it gave none). */
  meterSerialRead: z.string().nullable(),
  /** Programmed although the serial was not the expected one, as the installer confirmed. */
  serialMismatchConfirmed: z.boolean(),
  /** Time sync: the clock before and after, and what was written. */
  timeSync: z.object({ before: clockReading, after: clockReading, written: z.object({ date: z.string(), time: z.string() }) }).nullable(),
  /** Demand reset: the maximum demand and the reset counter before and after. */
  demandReset: z
    .object({
      demandBefore: registerValues,
      demandAfter: registerValues,
      resetCounterBefore: z.string().nullable(),
      resetCounterAfter: z.string().nullable(),
    })
    .nullable(),
  /** The EndDeviceControls message queued for the enterprise. */
  messageId: z.string(),
});
export type OpticalProgramResult = z.infer<typeof opticalProgramResult>;

/** The new meter of an install or exchange (issue 8 §2), from stock: it is not at the usage point yet. */
export const jobMeter = z.object({ workOrderId, meterSerial: z.string().trim().min(1).max(64) }).strict();
export type JobMeter = z.infer<typeof jobMeter>;

/**
 * Chosen by the screen for each read or programming, so that a Cancel pressed before the request
 * reached the Node side still cancels it (the two calls may arrive in either order).
 */
const operationId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const opticalProgramInput = z
  .object({
    usagePointId,
    port: z.string().min(1).max(260),
    operation: z.enum(programOperations),
    /** Never stored; P2 meters get a value derived from it. */
    password: z.string().max(32),
    address: z.string().max(32).optional(),
    maxBaud: z.number().int().positive().optional(),
    job: jobMeter.optional(),
    /** After a SERIAL_MISMATCH refusal: the installer confirms this is the meter to program. */
    confirmSerialMismatch: z.boolean().optional(),
    operationId: operationId.optional(),
    /** A DLMS meter (mode E): the clock is set with a SET of Clock 0-0:1.0.0.255 `time` (Blue Book class 8 attribute 2); no password is typed. */
    protocol: z.enum(['iec62056-21', 'dlms']).optional(),
  })
  .strict();

/** A meter type (manufacturer id and the start of the ident, as the meter identifies) and its programming model. */
export const meterModelAssignment = z
  .object({
    manufacturer: z.string().regex(/^[A-Za-z]{3}$/),
    identPrefix: z.string().trim().min(1).max(64),
    model: z.string().min(1).max(40),
  })
  .strict();

const meterModelList = z.object({
  /** The models on this device: shipped, and the utility's own files. */
  models: z.array(z.object({ name: z.string(), description: z.string(), source: z.string(), demandReset: z.boolean() })),
  /** The utility's files left out, with the field that is wrong. */
  refused: z.array(
    z.object({
      file: z.string(),
      code: z.enum(meterModelProblemCodes),
      field: z.string().optional(),
      details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  assignments: z.array(meterModelAssignment),
});

/** A probe session's transcript as listed in the meter's history (the probe doctor). */
export const transcriptSummary = z.object({
  id: z.string(),
  usagePointId: z.string(),
  meterSerial: z.string(),
  kind: z.enum(['read', 'timeSync', 'demandReset']),
  port: z.string(),
  startedAt: z.string(),
  /** `ok`, or the optical error code the session ended with. */
  outcome: z.string(),
  bytes: z.number().int(),
  truncated: z.boolean(),
  recordedBy: z.string(),
  readingSetId: z.string().nullable(),
});
export type TranscriptSummary = z.infer<typeof transcriptSummary>;

export const transcriptDetail = z.object({
  summary: transcriptSummary,
  /** Each chunk: ms from the start, direction, printable text with control characters named, hex. */
  lines: z.array(z.object({ ms: z.number(), direction: z.enum(['tx', 'rx']), text: z.string(), hex: z.string() })),
  /** The whole transcript as the text file the export writes. */
  text: z.string(),
});
export type TranscriptDetail = z.infer<typeof transcriptDetail>;

export const opticalMethods = {
  'optical.ports': {
    right: 'view',
    input: z.object({ usagePointId: usagePointId.optional() }).strict(),
    output: z.object({ ports: z.array(opticalPort), lastPort: z.string().nullable(), reason: z.string().nullable() }),
  },
  'optical.read': {
    right: 'record',
    input: z
      .object({
        usagePointId,
        port: z.string().min(1).max(260),
        address: z.string().max(32).optional(),
        maxBaud: z.number().int().positive().optional(),
        job: jobMeter.optional(),
        operationId: operationId.optional(),
        /** The days of load profile read should the meter offer mode E (the DLMS panel's period). */
        from: dlmsReadInput.shape.from,
        to: dlmsReadInput.shape.to,
      })
      .strict(),
    output: opticalReadResult,
  },
  /** A DLMS meter (mode E): read, its registers saved and its load profile queued, as one step (issue 22). */
  'optical.dlmsRead': { right: 'record', input: dlmsReadInput, output: dlmsReadResult },
  /** A DLMS meter's object list only: what it offers (registers, profiles, clock, disconnect control, event logs); nothing saved. */
  'optical.dlmsObjects': {
    right: 'record',
    input: dlmsReadInput.pick({ usagePointId: true, port: true, operationId: true }),
    output: dlmsObjectsResult,
  },
  /** Installers (and supervisors) only: time sync or demand reset, audited and queued as an EndDeviceControls outcome. */
  'optical.program': { right: 'install', input: opticalProgramInput, output: opticalProgramResult },
  /** The meter models and which meter types they are assigned to. */
  'optical.models': { right: 'view', input: z.object({}).strict(), output: meterModelList },
  /** A supervisor assigns a model to a meter type (null: the type is read only); never by the manufacturer alone. */
  'optical.models.assign': {
    right: 'supervise',
    input: z
      .object({
        manufacturer: z.string().regex(/^[A-Za-z]{3}$/),
        identPrefix: z.string().trim().min(1).max(64),
        model: z.string().min(1).max(40).nullable(),
      })
      .strict(),
    output: meterModelList,
  },
  /** The probe sessions kept at a usage point, newest first. */
  'optical.transcripts': {
    right: 'view',
    input: z.object({ usagePointId }).strict(),
    output: z.object({ transcripts: z.array(transcriptSummary) }),
  },
  /** One transcript, for the screen and its text export. */
  'optical.transcript': { right: 'view', input: z.object({ id: z.string().min(1).max(64) }).strict(), output: transcriptDetail },
  /** Cancels the running read or programming; with an id, also that operation if it has not arrived yet. */
  'optical.cancel': {
    right: 'view',
    input: z.object({ operationId: operationId.optional() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const satisfies MethodSpecs;

/** Pushed while a read runs, for the progress bar (phase, bytes, time left). */
export const opticalProgress = z.object({
  phase: z.enum(['signOn', 'identification', 'data', 'retry', 'programming']),
  /** Programming mode: the command being sent (`R1 0.9.1`, `W1 0.9.2(…)`). */
  step: z.string().optional(),
  attempt: z.number().int(),
  bytes: z.number().int(),
  baud: z.number().int(),
  estimatedMsLeft: z.number().nullable(),
});
export type OpticalProgress = z.infer<typeof opticalProgress>;
