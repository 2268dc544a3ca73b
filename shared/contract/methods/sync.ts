/**
 * Sync with the enterprise (issue 7): status, a run in the background with progress and cancel,
 * the rejected items with Retry, the endpoint settings and the credentials. A credential goes in
 * and never comes out: the renderer only learns whether one is stored.
 */
import { z } from 'zod';
import { endpointProblem, endpointProblemText } from '../../domain/syncEndpoint';
import { nothing, type MethodSpecs } from './common';
import { syncStop } from '../syncStop';
import { inboundRefusal } from '../inboundRefusal';

export const soapVersions = ['1.1', '1.2'] as const;

export const syncSettings = z
  .object({
    /** The enterprise web-service URL (IEC 61968-100 SOAP endpoint); empty = not set up yet. */
    endpoint: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'an http(s) URL, e.g. https://mdm.example.com/cim' })]),
    soapVersion: z.enum(soapVersions),
    /** An extra CA certificate (PEM file) to trust; TLS verification stays on. */
    caPath: z.string().trim().max(1000),
    /**
     * The utility's folder of IEC 61968-9/-100 schemas (XSD): when set, every message is checked
     * against it before it is sent, and one that fails is held back as rejected with the schema's
     * errors. Empty = no check (the schemas are the utility's; Fieldmeter does not ship them).
     */
    schemaFolder: z.string().trim().max(1000).default(''),
  })
  .strict();
export type SyncSettings = z.infer<typeof syncSettings>;

/**
 * What a client may set (issue 18): the endpoint `https://` (http:// on a loopback address only)
 * and without a user or password in it. Stored settings keep the looser shape above, so one saved
 * before still loads (and is refused when a sync starts).
 */
export const syncSettingsInput = syncSettings.superRefine((s, ctx) => {
  const problem = s.endpoint === '' ? null : endpointProblem(s.endpoint);
  if (problem) ctx.addIssue({ code: 'custom', path: ['endpoint'], message: endpointProblemText[problem], params: { problem } });
});

export const syncCredentialsInfo = z.object({
  kind: z.enum(['none', 'basic', 'bearer']),
  /** Where they come from: secure storage of this computer, or environment variables (web host, CLI). */
  source: z.enum(['secureStorage', 'environment']),
  /** False where credentials cannot be stored here (web host: environment only; no keyring). */
  canStore: z.boolean(),
});

export const syncCounts = z.object({
  pending: z.number().int(),
  held: z.number().int(),
  rejected: z.number().int(),
  sent: z.number().int(),
});

export const syncStatus = syncCounts.extend({
  /** What the Node side knows about the network; the renderer adds navigator.onLine. Unknown = undefined. */
  online: z.boolean().optional(),
  lastSuccessAt: z.string().nullable(),
  running: z.boolean(),
  configured: z.boolean(),
  /** Why the latest run stopped, when it did not finish cleanly (a run of an earlier version: its text as recorded). */
  lastStop: syncStop.nullable(),
  /** When that run ended (ISO 8601), so a screen opened later says when nothing went out. */
  lastStopAt: z.string().nullable().optional(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

// Why a run stopped: a code, a reason and its typed details, never a sentence (syncStop.ts).
export { syncStop, syncStopReasons, type SyncStopReason, type SyncStopShape } from '../syncStop';

export const syncProgress = z.object({
  runId: z.string(),
  sent: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  pending: z.number(),
});
export const syncFinished = z.object({
  runId: z.string(),
  summary: syncProgress.extend({ held: z.number(), resent: z.number(), received: z.number().optional() }).nullable(),
  /** The stop reason (enterprise down, cancelled, …) or null when the run went to the end. */
  stopped: syncStop.nullable(),
});

export const rejectedItem = z.object({
  messageId: z.string(),
  noun: z.string(),
  verb: z.string(),
  usagePointId: z.string().nullable(),
  createdAt: z.string(),
  errorCode: z.string().nullable(),
  errorText: z.string().nullable(),
  attempts: z.number().int(),
  /** For MeterReadings: the readings it carries, which Edit can correct. */
  readings: z.array(z.object({ readingType: z.string(), label: z.string(), value: z.string().nullable() })).optional(),
});
export type RejectedItemView = z.infer<typeof rejectedItem>;

/** A message the enterprise sent this device (inbox), and what applying it did or why it was refused. */
export const receivedItem = z.object({
  messageId: z.string(),
  correlationId: z.string().nullable(),
  noun: z.string(),
  verb: z.string(),
  receivedAt: z.string(),
  status: z.enum(['received', 'applied', 'failed', 'ignored']),
  /** Why it was refused, as a code with details, said in the user's words (errors.inboundRefusal.*). */
  refusal: inboundRefusal.nullable(),
  /** What applying it changed, e.g. {"metersUpdated":1,"metersKeptFieldData":1,"readRequestsAdded":1}. */
  changes: z.record(z.string(), z.number()),
});
export type ReceivedItemView = z.infer<typeof receivedItem>;

const credentials = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('basic'), user: z.string().trim().min(1).max(200), password: z.string().min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('bearer'), token: z.string().trim().min(1).max(8000) }).strict(),
]);

/** The integration profile in use (issue 19): its name and the conventions a supervisor checks at a glance. */
const integrationProfileInfo = z.object({
  isDefault: z.boolean(),
  name: z.string(),
  soapAction: z.string(),
  soapVersion: z.enum(['1.1', '1.2']).nullable(),
  /** Services or nouns with an endpoint of their own; empty = one endpoint for all. */
  services: z.array(z.string()),
  /** The profile as JSON, for the supervisor to read or save elsewhere. */
  text: z.string(),
});
export type IntegrationProfileInfo = z.infer<typeof integrationProfileInfo>;
/** A profile file is a few hundred bytes; anything near this is not one. */
export const MAX_PROFILE_TEXT = 256 * 1024;

export const syncMethods = {
  'sync.status': { right: 'view', input: nothing, output: syncStatus },
  'sync.profile.get': { right: 'view', input: nothing, output: integrationProfileInfo },
  /** The utility's profile as JSON text (checked against the profile schema), or null to go back to the default. */
  'sync.profile.set': {
    right: 'supervise',
    input: z.object({ text: z.string().max(MAX_PROFILE_TEXT).nullable() }).strict(),
    output: integrationProfileInfo,
  },
  /** Starts a run on the Node side and returns at once; `sync.progress` and `sync.finished` follow. */
  'sync.run': {
    right: 'record',
    input: z.object({ trigger: z.enum(['user', 'background']).default('user') }).strict(),
    output: z.object({ runId: z.string(), alreadyRunning: z.boolean() }),
  },
  'sync.cancel': { right: 'record', input: nothing, output: z.object({ cancelled: z.boolean() }) },
  'sync.rejected.list': { right: 'view', input: nothing, output: z.array(rejectedItem) },
  /** Fix the values of a rejected MeterReadings with a reason: a new message is queued, the old one stays rejected. */
  'sync.rejected.edit': {
    right: 'supervise',
    input: z
      .object({
        messageId: z.string().min(1).max(100),
        values: z
          .array(z.object({ readingType: z.string().min(1).max(100), value: z.string().trim().min(1).max(40) }).strict())
          .min(1)
          .max(64),
        reason: z.string().trim().min(3).max(500),
      })
      .strict(),
    output: z.object({ messageId: z.string() }),
  },
  'sync.received.list': { right: 'view', input: nothing, output: z.array(receivedItem) },
  'sync.rejected.retry': {
    right: 'install',
    input: z.object({ messageId: z.string().min(1).max(100) }).strict(),
    output: z.object({ requeued: z.literal(true) }),
  },
  'sync.settings.get': { right: 'view', input: nothing, output: z.object({ settings: syncSettings, credentials: syncCredentialsInfo }) },
  'sync.settings.set': { right: 'supervise', input: syncSettingsInput, output: syncSettings },
  'sync.credentials.set': { right: 'supervise', input: credentials, output: syncCredentialsInfo },
  'sync.credentials.clear': { right: 'supervise', input: nothing, output: syncCredentialsInfo },
} as const satisfies MethodSpecs;

export const syncEvents = {
  'sync.progress': syncProgress,
  'sync.finished': syncFinished,
} as const;
