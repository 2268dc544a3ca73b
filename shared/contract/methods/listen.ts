/**
 * Walk-by listening (issue 23): the Node side opens the USB receiver and keeps one session; the
 * Listen screen starts it on a route, shows heard / not heard and saves heard meters. Keys never
 * cross: a meter that could not be decrypted comes with its reason code, never values.
 */
import { z } from 'zod';
import { nothing, usagePointId, type MethodSpecs } from './common';

/** The two USB sticks, and rtl-wmbus's text read from a pipe or port (an SDR stick; shared/mbus/rtlWmbus.ts). */
export const listenReceivers = ['im871a', 'amber', 'rtlwmbus'] as const;
/** The radio modes a receiver can be switched to (shared/mbus/receiverMode.ts). */
export const listenModes = ['T1', 'C1', 'C1B', 'S1'] as const;

const radioStop = z.object({ usagePointId: z.string(), sequence: z.number().int(), address: z.string(), meterSerial: z.string() });

/**
 * Where the screen's state stands: the session it belongs to and its version there. The session names
 * the Node process too, so a cursor kept across a restart of the Node side (the loopback web host) or
 * from an earlier session is never taken for one of this session's versions.
 */
export const listenCursor = z.object({ session: z.string().min(1).max(100), version: z.number().int().nonnegative() }).strict();
export type ListenCursor = z.infer<typeof listenCursor>;

export const listenState = z.object({
  /** This Node process's listening session (a new one on every Start): versions count within it. */
  session: z.string(),
  /**
   * Grows with every change of what is shown (a meter heard or saved, a count, Stop, an unplugged stick);
   * the screen sends it back with `session` as `since`.
   */
  version: z.number().int().nonnegative(),
  /**
   * Null: `heard` holds every heard meter. A version: `heard` holds only the meters heard anew (or saved)
   * after it, and the screen merges them into what it has, so a refresh carries and redraws only those.
   */
  changedSince: z.number().int().nonnegative().nullable(),
  active: z.boolean(),
  routeId: z.string().nullable(),
  receiver: z.enum(listenReceivers).nullable(),
  autoSave: z.boolean(),
  startedAt: z.string().nullable(),
  /** Why listening stopped on its own (the receiver was unplugged); a code the renderer translates. */
  stoppedBecause: z.enum(['unplugged']).nullable(),
  counts: z.object({
    stops: z.number().int(),
    heard: z.number().int(),
    notHeard: z.number().int(),
    notOnRoute: z.number().int(),
    duplicates: z.number().int(),
    damaged: z.number().int(),
    unreadable: z.number().int(),
  }),
  heard: z.array(
    radioStop.extend({
      heardAt: z.string(),
      /** Each heard value with its register's ReadingType, so the screen says what it is and in which unit. */
      values: z.array(z.object({ registerId: z.number().int(), value: z.string(), readingType: z.string() })),
      /** shared/mbus reason (mbus.noKey, mbus.decrypt…) when the last telegram gave no values. */
      reason: z.string().nullable(),
      readingSetId: z.string().nullable(),
      saveProblem: z.string().nullable(),
    }),
  ),
  notHeard: z.array(radioStop),
});
export type ListenState = z.infer<typeof listenState>;

const routeId = z.string().min(1).max(64);
const listenRouteSetting = z.object({ routeId: z.string(), autoSave: z.boolean() });

export const listenMethods = {
  'listen.start': {
    right: 'record',
    input: z
      .object({
        routeId,
        port: z.string().min(1).max(500),
        receiver: z.enum(listenReceivers),
        mode: z.enum(listenModes).default('T1'),
      })
      .strict(),
    output: listenState,
  },
  /** `since`: the session and version of the state the screen already has (only what changed after it comes back). */
  'listen.state': {
    right: 'view',
    input: z.object({ since: listenCursor.optional() }).strict(),
    output: listenState,
  },
  /** Whether the route saves heard meters without a tap (its setting, migration 27): anyone sees it, a supervisor sets it. */
  'listen.routeSetting': { right: 'view', input: z.object({ routeId }).strict(), output: listenRouteSetting },
  'listen.routeSetting.set': {
    right: 'supervise',
    input: z.object({ routeId, autoSave: z.boolean() }).strict(),
    output: listenRouteSetting,
  },
  'listen.save': { right: 'record', input: z.object({ usagePointId }).strict(), output: z.object({ readingSetId: z.string() }) },
  'listen.saveAll': { right: 'record', input: nothing, output: z.object({ saved: z.number().int(), skipped: z.number().int() }) },
  'listen.stop': { right: 'record', input: nothing, output: listenState },
} as const satisfies MethodSpecs;
