/**
 * Why a message from the enterprise was refused (issue 16 §3, "no user-visible English outside the
 * translation tables"): a refusal code and that code's typed details, which the Received list and
 * the CLI say in the user's words (shared/i18n/inboundWords.ts, `errors.inboundRefusal.*`). What
 * the message itself holds — a serial, a status word, a date as written — travels as a detail and
 * is shown as quoted, never translated. The inbox row keeps the refusal as JSON in its `error`
 * column; a row written by an earlier version keeps an English sentence there and is read as
 * `recorded` (storedRefusal). The English sentence is for the Node log only.
 */
import { z } from 'zod';
import { errorCodes } from './appError';
import { schemaFindingKinds } from '../cim/xml/schemaFinding';

const text = z.string();
const list = z.array(z.string());

/** One finding of the schema check (shared/cim/xml/schemaFinding.ts): said in words, its `text` (the checker's line) small beside. */
export const schemaFinding = z
  .object({
    line: z.number().int().nullable(),
    element: text,
    kind: z.enum(schemaFindingKinds),
    expected: list.optional(),
    value: text.optional(),
    type: text.optional(),
    attribute: text.optional(),
    facet: text.optional(),
    limit: text.optional(),
    text,
  })
  .strict();

/** Each refusal code with the fields its words fill in. */
export const inboundRefusalDetails = {
  // The message as a whole: its XML, its envelope (IEC 61968-100 §5), the utility's schemas.
  /** The hardened XML reader's code; `finding` is the reader's own note (the place in the message), shown as written. */
  xmlProblem: { problem: z.enum(['TOO_LARGE', 'DTD_FORBIDDEN', 'TOO_DEEP', 'MALFORMED', 'INVALID_MESSAGE']), finding: text },
  /**
   * xmllint's findings against the utility's schema folder, typed; a row of an earlier version kept
   * xmllint's lines as plain strings, which are shown as written.
   */
  schemaInvalid: { schemas: list, findings: z.array(z.union([schemaFinding, text])), more: z.number().int() },
  faultMessage: {},
  noHeader: {},
  noPayload: { noun: text },
  nounNotImported: { noun: text, known: list },
  verbNotImported: { noun: text, verb: text, known: list },
  payloadNounMismatch: { payload: text, noun: text },
  compressedAndPlain: { noun: text },
  compressedInvalid: { problem: z.enum(['notBase64', 'notGzip', 'empty', 'incomplete']) },
  /** Header/ReplyAddress of a request that could not be answered there (`address` never holds a user or password). */
  replyAddressRefused: { address: text, problem: z.enum(['notUrl', 'notHttps', 'userInfo']) },
  // What the payload holds.
  emptyPayload: { noun: text, element: text },
  noIdentifier: { element: text },
  missingField: { element: text, field: text, id: text.optional() },
  badValue: { field: text, value: text, expected: z.enum(['date', 'dateTime', 'zonedDateTime', 'number', 'readingTypeCode', 'eui64']) },
  noTarget: { element: text, id: text.optional() },
  // References to what this device knows.
  unknownMeter: { element: text, keys: list },
  notAMeter: { serial: text },
  meterNotInstalled: { serial: text },
  unknownUsagePoint: { usagePointId: text },
  noMeterAtUsagePoint: { usagePointId: text },
  unknownPanDevice: { eui64: text },
  panDecommissioned: { eui64: text },
  /** Something a change, cancel or close names that is not on this device. */
  unknownTarget: { element: text, id: text, action: z.enum(['change', 'cancel', 'close']) },
  // MeterConfig (integration profile status words, docs/INTEGRATION_PROFILE.md).
  statusWordUnknown: { serial: text, word: text, profile: text, known: list },
  newMeterInstalled: { serial: text },
  serialTaken: { serial: text, newSerial: text },
  statusChangesInstallation: { serial: text, from: text, to: text },
  // MasterDataLinkageConfig.
  linkageCounts: { meters: z.number().int(), usagePoints: z.number().int() },
  agreementUsagePoints: { usagePoints: z.number().int() },
  agreementElsewhere: { agreement: text, usagePointId: text, asked: text },
  meterInstalledElsewhere: { serial: text, usagePointId: text },
  meterNotAt: { serial: text, usagePointId: text, asked: text },
  meterRemoved: { serial: text },
  usagePointOccupied: { usagePointId: text, serial: text },
  workInProgress: { serial: text, usagePointId: text, workOrders: list },
  // Requests: reads, work orders, switches, controls.
  readingTypeUnknown: { readingType: text, at: list },
  workTypeUnknown: { item: z.number().int(), type: text, known: list },
  onlySwitchByVerb: { item: z.number().int(), verb: text },
  windowBackwards: { item: z.number().int(), start: text, end: text },
  switchKindMismatch: { id: text, kind: text, asked: text },
  switchRefused: { id: text, refusal: text },
  controlNotInField: { controlType: text, clockSet: text, demandReset: text },
  panControl: { device: text },
  /** A meter key a MeterConfig carries (SecurityKeys) that cannot be kept; `kind` is the accessor name as sent, never the key. */
  meterKeyRefused: {
    serial: text,
    kind: text,
    problem: z.enum(['unknownKind', 'wrapped', 'notBase64', 'notPassword', 'notAesKey', 'needsRadioAddress']),
  },
  /** The message could not be applied for another coded error (the schema folder gone …): said as that error is. */
  failed: { error: z.object({ code: z.enum(errorCodes), details: z.unknown().optional() }) },
  /** A refusal recorded by an earlier version, which kept an English sentence: shown as recorded. */
  recorded: { text },
} as const satisfies Record<string, z.ZodRawShape>;

export type InboundRefusalCode = keyof typeof inboundRefusalDetails;
export const inboundRefusalCodes = Object.keys(inboundRefusalDetails) as [InboundRefusalCode, ...InboundRefusalCode[]];
export type InboundRefusalDetailsOf<C extends InboundRefusalCode> = z.output<z.ZodObject<(typeof inboundRefusalDetails)[C]>>;

type RefusalOf<C extends InboundRefusalCode> = {
  code: C;
  details: InboundRefusalDetailsOf<C>;
  /** The line of the message that holds the offending value, when there is one. */
  line?: number;
};
export type InboundRefusal = { [C in InboundRefusalCode]: RefusalOf<C> }[InboundRefusalCode];

const options = inboundRefusalCodes.map((code) =>
  z
    .object({
      code: z.literal(code),
      details: z.object(inboundRefusalDetails[code]).strict(),
      line: z.number().int().positive().optional(),
    })
    .strict(),
);

export const inboundRefusal = z.discriminatedUnion(
  'code',
  options as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<InboundRefusal>;

/**
 * The inbox's `error` column read back: the refusal stored as JSON, or the English sentence an
 * earlier version wrote, as `recorded` (no migration rewrites history).
 */
export function storedRefusal(stored: string | null): InboundRefusal | null {
  if (stored === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    // a sentence of an earlier version
  }
  const refusal = inboundRefusal.safeParse(parsed);
  return refusal.success ? refusal.data : { code: 'recorded', details: { text: stored } };
}
