/**
 * The details each error code carries across the boundary (issue 16 §3): per code a `reason` and
 * that reason's typed fields, so the renderer and the CLI say the error from its code and details in
 * the user's language, and `new AppError(code, …)` is type-checked against them. The English message
 * beside them is for logs and developers only; it never crosses the boundary.
 * Every reason has words in both catalogs (shared/i18n/errorWords*.ts, checked by a test).
 */
import { z } from 'zod';
import type { ErrorCode } from './appError';
import { roles } from './choices';
import { rights } from './rights';
import { dlmsReasons } from '../dlms/errors';
import { mbusReasons } from '../mbus/reasons';
import { credentialsProblems, syncStop } from './syncStop';
import { inboundRefusal } from './inboundRefusal';
import { zodIssue } from './zodIssue';
import { workOrderKinds } from '../domain/workOrder';
import { orderActions, orderKinds, orderRefusals, orderStatuses } from '../domain/orderRefusal';

/** The reasons of each code that has them, each with its fields. */
export const errorReasons = {
  BAD_REQUEST: {
    /** A command-line option out of its range; the CLI names it. */
    option: { option: z.string() },
    /** A command-line option that needs another one (`--save` needs `--usage-point`). */
    optionNeeds: { option: z.string(), needs: z.string() },
    /** The input did not match the method's schema; `fields` are the paths of the entries that did not fit. */
    malformed: { method: z.string(), fields: z.array(z.string()).optional() },
    /** What the web host refuses before any method runs (electron/host/web/server.ts). */
    notJson: {},
    notJsonType: {},
    bodyTooLarge: { limitMb: z.number() },
    tooManyStreams: { limit: z.number() },
    httpMethod: { httpMethod: z.string() },
  },
  /** Who was refused before any method ran: the web host's token and address checks, the IPC sender check. */
  UNAUTHORIZED: {
    tokenMissing: {},
    tokenWrong: {},
    foreignHost: {},
    foreignSite: {},
    foreignWindow: {},
  },
  NOT_FOUND: {
    noProfile: {},
    visitUnknown: {},
    receiptUnknown: {},
    transcriptUnknown: {},
    schemaFolderUnreadable: {},
    schemaFileMissing: { file: z.string() },
    usagePointUnknown: { field: z.literal('usagePointId').optional() },
    workOrderUnknown: {},
    switchOrderUnknown: {},
    readingUnknown: {},
    meterUnknown: {},
    reviewItemUnknown: {},
    photoUnknown: {},
    photoFileMissing: {},
    exportUnknown: {},
    meterNotInStock: {},
    messageUnknown: {},
    rejectedGone: {},
    fileUnreadable: { file: z.string(), errno: z.string().optional() },
    xmllintMissing: {},
    noMeterData: {},
    portNotFound: { probe: z.string() },
    receiverUnavailable: {},
    noRadioMeters: {},
    notServed: {},
    'listen.routeUnknown': {},
    /** A wired meter that answered is not on the route (or on no route of this device): nothing saved. */
    'wired.notOnRoute': { meter: z.string() },
    /** No meter answered at the address asked. */
    'wired.noAnswer': {},
  },
  VALIDATION: {
    profileExists: {},
    lastSupervisor: {},
    firstMustBeSupervisor: {},
    noSecret: {},
    weakSecret: {},
    /** Each issue typed (code, path, its values), said from the catalogs (zodIssueWords.ts). */
    profileInvalid: { issues: z.array(zodIssue) },
    profileNotJson: {},
    profileTooLarge: {},
    profileStoredNotJson: {},
    schemaFolderTooLarge: { limit: z.number() },
    schemaFolderNoEnvelope: {},
    noXmllint: {},
    xsdInvalid: { file: z.string() },
    signatureNotPng: {},
    signatureDamaged: {},
    alreadySigned: {},
    visitNotFinished: {},
    valueDoesNotFit: { problem: z.object({ kind: z.string() }).loose() },
    valueInvalid: { registerId: z.number().optional() },
    valueUnchanged: {},
    registerNotOfMeter: {},
    registerTwice: {},
    registersMissing: { registers: z.array(z.number()) },
    skipReasonUnknown: {},
    reasonCodeUnknown: {},
    switchOutcomeMissing: {},
    nothingToAcknowledge: {},
    /**
     * The order's state machine refuses the step (shared/domain work-order and switch lifecycles):
     * which order, in which state, refused which action the user asked for; `refusal` is the
     * machine's own code (shared/domain/switching.ts, workOrder.ts), said under errors.refusal.*.
     */
    statusRefuses: {
      order: z.enum(orderKinds),
      status: z.enum(orderStatuses),
      action: z.enum(orderActions),
      refusal: z.enum(orderRefusals).optional(),
    },
    orderForOtherUsagePoint: { usagePointId: z.string() },
    /** A step asked of an order of another kind: the order, its kind and the kind of job the step records. */
    orderKindMismatch: { workOrderId: z.string(), kind: z.enum(workOrderKinds), asked: z.enum(workOrderKinds) },
    orderKindNoStock: { kind: z.string() },
    probeBusy: {},
    probeFailed: { probe: z.string() },
    meterModelUnknown: { model: z.string() },
    desktopOnly: {},
    fileEnding: { ending: z.string() },
    fileNameInvalid: {},
    fileExists: { file: z.literal('exists') },
    fileIsFolder: { file: z.literal('folder') },
    fileProtected: { file: z.literal('protected') },
    exportRunning: {},
    exportCancelled: {},
    exportSameFolder: {},
    exportNotSaved: { errno: z.string() },
    photoEmpty: {},
    photoNotImage: {},
    thumbnailInvalid: {},
    photoUnreadable: { photo: z.literal('unreadable') },
    photoElsewhere: {},
    endpointMissing: {},
    endpointProblem: { endpoint: z.string() },
    /** Which problem the sync credentials have (shared/contract/syncStop.ts), said under errors.credentials.*. */
    credentialsProblem: { credentials: z.enum(credentialsProblems) },
    credentialsNotStored: {},
    syncPasswordMissing: {},
    clientCertIncomplete: {},
    /** What the corrected payload lacks, as zod's issues in data (said from the catalogs, never zod's English). */
    correctionIncomplete: { issues: z.array(zodIssue) },
    messageNotRejected: { status: z.string() },
    messageSuperseded: {},
    messageChanged: {},
    rejectedNotEditable: {},
    rejectedNoReading: {},
    skippedNotEditable: {},
    meterAlreadyHere: { installed: z.string() },
    /** The meter and where it is installed: the usage point, its address and the route stop that takes it in. */
    meterInstalledElsewhere: {
      serial: z.string(),
      installedAt: z.string().nullable(),
      address: z.string().optional(),
      route: z.string().optional(),
      stop: z.number().int().optional(),
    },
    meterRemoved: {},
    meterNotExpected: { expected: z.string() },
    noMeterInstalled: {},
    euiInvalid: { field: z.literal('eui64') },
    installCodeInvalid: { field: z.literal('installCode') },
    euiCommissioned: { field: z.literal('eui64') },
    euiDecommissioned: { field: z.literal('eui64') },
    panDeviceUnknown: { field: z.literal('eui64') },
    readoutEmpty: {},
    readoutChecksum: {},
    opticalNoValue: {},
    /** A key or password the command needs and neither the environment nor a terminal gave: the variable to set. */
    secretNeeded: { variable: z.string() },
    cancelled: {},
    receiptTampered: {},
    receiptMismatch: {},
    auditBroken: { row: z.number() },
    foreignDatabase: { database: z.literal('foreign') },
    hexInvalid: {},
    telegram: { telegram: z.enum(mbusReasons) },
    /** A DLMS capture (`dlms decode`) that could not be read, by its DLMS reason (shared/dlms/errors.ts). */
    dlmsCapture: { dlms: z.enum(dlmsReasons) },
    'listen.notHeard': {},
    'listen.noRadioMeters': {},
    'listen.portUnavailable': {},
    'listen.modeRefused': {},
    'listen.modeNotConfirmed': {},
    'listen.notStarted': {},
    /** The receiver went away while listening (unplugged, rtl-wmbus stopped); what was heard stays. */
    'listen.unplugged': {},
    /** `mbus listen --save`: meters heard with values whose save was refused or failed (each listed with its code). */
    'listen.notSaved': { meters: z.array(z.string()) },
    /** The wired meter's records fill none of its stop's registers. */
    'wired.noValues': { meter: z.string() },
    'wired.busy': {},
    'wired.portUnavailable': {},
    'wired.notRead': {},
    /** The port went away during a scan or search (unplugged). */
    'wired.portLost': {},
    'meterKeys.storageUnavailable': { problem: z.string().nullable().optional() },
    'han.portUnavailable': {},
    'han.notStarted': {},
    /** No push with values was heard (none came, or none could be decrypted). */
    'han.nothingHeard': {},
  },
  NEEDS_CONFIRMATION: {
    outOfRange: { registers: z.array(z.unknown()) },
    serialMismatch: { warnings: z.array(z.unknown()) },
    outOfWindow: { outOfWindow: z.literal(true), position: z.string(), window: z.object({ start: z.string(), end: z.string() }) },
  },
  TOO_LARGE: {
    photoTooLarge: { limitMb: z.number() },
    signatureTooLarge: { limit: z.number() },
    signatureTooWide: {},
  },
  SIGN_IN_FAILED: {
    wrong: { triesLeft: z.number().optional() },
    locked: { lockedUntil: z.string() },
  },
  OPTICAL_READ_FAILED: {
    probe: { code: z.string(), diagnostic: z.string().nullable(), transcriptId: z.string().nullable().optional() },
    /** A DLMS meter asks for HLS and the meter-key store holds no keys for it. */
    meterKeyMissing: {},
    /** A DLMS meter refused the association without a password (LLS) and the meter-key store holds none for it. */
    meterPasswordMissing: { meterSerial: z.string() },
  },
  OPTICAL_PROGRAM_FAILED: {
    /** As for the read: nothing was written to the meter; the failed attempt is in the outbox under messageId. */
    meterPasswordMissing: { meterSerial: z.string(), wroteToMeter: z.literal(false), messageId: z.string().nullable() },
    meterModelNotConfigured: {
      code: z.string(),
      meterType: z.string().nullable(),
      wroteToMeter: z.literal(false),
      messageId: z.string().nullable(),
    },
    demandResetNotVerified: { code: z.literal('DEMAND_RESET_NOT_VERIFIED'), wroteToMeter: z.boolean(), messageId: z.string().nullable() },
    /** The DLMS meter's model names no demand reset through DLMS (docs/METER_MODELS.md `dlmsDemandReset`). */
    dlmsDemandResetNotConfigured: {
      code: z.literal('NOT_SUPPORTED'),
      meterType: z.string().nullable(),
      wroteToMeter: z.literal(false),
      messageId: z.string().nullable(),
    },
    /** `code` is the probe's failure (SERIAL_MISMATCH with both serials, NO_RESPONSE …). */
    programFailed: {
      code: z.string(),
      wroteToMeter: z.boolean(),
      messageId: z.string().nullable(),
      observedSerial: z.string().nullable().optional(),
      expectedSerial: z.string().optional(),
    },
  },
  IMPORT_REJECTED: {
    routeRows: { problems: z.array(z.unknown()), validRows: z.number(), totalProblems: z.number() },
    /** A message from the enterprise refused as a whole: why, as a code with typed details (inboundRefusal.ts). */
    message: { line: z.number().optional(), refusal: inboundRefusal.optional() },
    'meterKeys.badFile': { problems: z.array(z.unknown()).readonly(), totalProblems: z.number().optional() },
  },
  FORBIDDEN: {
    profilesExist: {},
    needsRight: { right: z.enum(rights), role: z.enum(roles), method: z.string().optional() },
    /** A route file or message that carries meter keys, imported by someone who may not import keys. */
    'meterKeys.needSupervisor': {},
  },
  INTERNAL: {
    /** Made by the renderer's transport: the Node side did not answer, or answered outside the contract. */
    unreachable: {},
    unexpectedAnswer: {},
    enterpriseQueue: {},
    /** The CLI's `sync run` that stopped: the stop as the Sync screen gets it, said from its reason. */
    syncStopped: { stop: syncStop },
    migrationSkipped: {},
  },
} as const satisfies Partial<Record<ErrorCode, Record<string, z.ZodRawShape>>>;

type Reasons = typeof errorReasons;
type ReasonDetails<S extends Record<string, z.ZodRawShape>> = {
  [R in keyof S & string]: z.output<z.ZodObject<{ reason: z.ZodLiteral<R> } & S[R]>>;
}[keyof S & string];

function reasonsOf<S extends Record<string, z.ZodRawShape>>(shapes: S): z.ZodType<ReasonDetails<S>> {
  const options = Object.entries(shapes).map(([reason, shape]) => z.object({ reason: z.literal(reason), ...shape }));
  return z.discriminatedUnion('reason', options as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<ReasonDetails<S>>;
}

/** The details schema of every code; `undefined` where the code's own words say it all. */
export const errorDetailSchemas = {
  BAD_REQUEST: reasonsOf(errorReasons.BAD_REQUEST).optional(),
  UNKNOWN_METHOD: z.undefined(),
  UNAUTHORIZED: reasonsOf(errorReasons.UNAUTHORIZED).optional(),
  NOT_FOUND: reasonsOf(errorReasons.NOT_FOUND),
  SIGN_IN_REQUIRED: z.object({ right: z.enum(rights), method: z.string().optional() }).optional(),
  SIGN_IN_FAILED: reasonsOf(errorReasons.SIGN_IN_FAILED),
  FORBIDDEN: reasonsOf(errorReasons.FORBIDDEN),
  VALIDATION: reasonsOf(errorReasons.VALIDATION),
  NEEDS_CONFIRMATION: reasonsOf(errorReasons.NEEDS_CONFIRMATION),
  TOO_LARGE: reasonsOf(errorReasons.TOO_LARGE),
  OPTICAL_READ_FAILED: reasonsOf(errorReasons.OPTICAL_READ_FAILED),
  OPTICAL_PROGRAM_FAILED: reasonsOf(errorReasons.OPTICAL_PROGRAM_FAILED),
  IMPORT_REJECTED: reasonsOf(errorReasons.IMPORT_REJECTED),
  DB_LOCKED: z.undefined(),
  DB_CORRUPT: z.undefined(),
  DB_TOO_NEW: z.undefined(),
  DISK_FULL: z.undefined(),
  READ_ONLY: z.undefined(),
  INTERNAL: reasonsOf(errorReasons.INTERNAL).optional(),
} satisfies Record<ErrorCode, z.ZodType>;

export type ErrorDetails<C extends ErrorCode> = z.output<(typeof errorDetailSchemas)[C]>;
export type ReasonOf<C extends keyof Reasons> = keyof Reasons[C] & string;
