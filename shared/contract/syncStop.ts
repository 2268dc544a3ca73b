/**
 * Why a sync run stopped (issue 16 §3, issue 17 §2): a stop code, a reason and that reason's typed
 * details, which the Sync screen and the CLI say in the user's words (shared/i18n/errorKey.ts,
 * `errors.syncStop.*`). `peerText` is what the connection or the enterprise's system itself said,
 * shown as its words, never as ours. The English sentence for a stop is written to the Node log
 * only (electron/services/sync/stopLog.ts); it never crosses the boundary.
 */
import { z } from 'zod';
import { errorCodes } from './appError';

/** The stop codes a run itself sets; a run that threw is stopped with the error's own code. */
export const runStopCodes = ['UNREACHABLE', 'BAD_REPLY', 'REFUSED', 'CANCELLED'] as const;
export type RunStopCode = (typeof runStopCodes)[number];

/**
 * Which problem the sync credentials have: none were sent and the peer wants some (`missing`),
 * the stored ones cannot be decrypted with this device's key (`undecryptable`: the database was
 * copied from another computer, or its keyring was reset), the peer refused them (`refused`),
 * they were given for another server (`otherOrigin`), there is no endpoint to bind them to
 * (`noEndpoint`), or this computer cannot keep them safely (`unavailable`, `plainTextKey`, `storage`).
 */
export const credentialsProblems = [
  'missing',
  'undecryptable',
  'refused',
  'otherOrigin',
  'noEndpoint',
  'unavailable',
  'plainTextKey',
  'storage',
] as const;
export type CredentialsProblem = (typeof credentialsProblems)[number];

/**
 * What the connection did on the last try (issue 16 §3), said from the catalogs (`syncStop.network.*`):
 * the server refused the connection, did not answer in time, its name was not found, the secure
 * connection failed (certificate, CA, host name), the connection was reset or broke off, the
 * network does not reach the host, the address is not http(s), the URL is not one the profile
 * allows, the peer answered an HTTP status or a reply for another message, or it failed another way.
 * The system's own code (ECONNREFUSED, CERT_HAS_EXPIRED …) travels beside it as an identifier.
 */
export const networkReasons = [
  'refused',
  'timedOut',
  'dnsFailed',
  'tlsFailed',
  'reset',
  'brokeOff',
  'hostUnreachable',
  'notHttp',
  'notAllowed',
  'httpStatus',
  'otherMessage',
  'failed',
] as const;
export type NetworkReason = (typeof networkReasons)[number];

/** The last try of a run that gave up or could not fetch: what the connection did, its system code, the HTTP status. */
const lastTry = {
  network: z.enum(networkReasons).optional(),
  systemCode: z.string().max(64).optional(),
  status: z.number().int().optional(),
};

/** Each reason with the fields its words fill in. */
export const syncStopDetails = {
  /** HTTP 401/403: the peer refused the sign-in; whether credentials were sent says what to fix. */
  credentials: { status: z.number().int(), credentials: z.enum(['missing', 'refused']) },
  httpStatus: { status: z.number().int() },
  /** `problem`: the XML reader's code for the reply (NOT_XML, DTD, TOO_DEEP …) or EMPTY. */
  badReply: { messageId: z.string(), problem: z.string() },
  replyTooLarge: { limitBytes: z.number().int().optional() },
  cancelled: {},
  unreachable: { attempts: z.number().int(), ...lastTry },
  inboundFailed: { ...lastTry },
  /** The run threw a coded error (no endpoint, a schema folder gone …): said as that error is. */
  failed: { error: z.object({ code: z.enum(errorCodes), details: z.unknown().optional() }) },
  /** A run recorded by an earlier version, which kept an English sentence: shown as recorded. */
  recorded: { text: z.string() },
} as const satisfies Record<string, z.ZodRawShape>;
export type SyncStopReason = keyof typeof syncStopDetails;
export const syncStopReasons = Object.keys(syncStopDetails) as [SyncStopReason, ...SyncStopReason[]];

const stopOptions = syncStopReasons.map((reason) =>
  z
    .object({
      code: z.string(),
      reason: z.literal(reason),
      details: z.object(syncStopDetails[reason]).strict(),
      peerText: z.string().optional(),
    })
    .strict(),
);

type StopOf<R extends SyncStopReason> = {
  code: string;
  reason: R;
  details: z.output<z.ZodObject<(typeof syncStopDetails)[R]>>;
  peerText?: string;
};
export type SyncStopShape = { [R in SyncStopReason]: StopOf<R> }[SyncStopReason];

export const syncStop = z.discriminatedUnion(
  'reason',
  stopOptions as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<SyncStopShape>;
