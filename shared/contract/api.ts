/**
 * The one API contract. Every operation the renderer may call and every event the main
 * side pushes is named here once, with zod schemas for what goes in and what comes out; each
 * domain keeps its methods in its own module under methods/. The Electron IPC host, the
 * loopback web host, the preload bridge and the renderer client are all derived from the two
 * objects below; no channel name is written anywhere else.
 */
import { z } from 'zod';
import { appMethods } from './methods/app';
import { opticalMethods, opticalProgress } from './methods/optical';
import type { MethodSpecs } from './methods/common';
import { profileMethods } from './methods/profiles';
import { readingMethods } from './methods/readings';
import { routeMethods } from './methods/routes';
import { workOrderMethods } from './methods/workOrders';
import { switchingMethods } from './methods/switching';
import { evidenceMethods } from './methods/evidence';
import { exportProgress, supervisorMethods } from './methods/supervisor';
import { syncEvents, syncMethods } from './methods/sync';
import { mapMethods } from './methods/map';
import { meterKeyMethods } from './methods/meterKeys';
import { listenMethods } from './methods/listen';
import { wiredMethods } from './methods/wiredMbus';
import { hanMethods } from './methods/han';
import { topics } from './topics';

export { appInfo, locales, type AppInfo } from './methods/app';
export { MAX_PHOTO_BYTES, MAX_THUMBNAIL_BYTES } from './methods/readings';

export const methods = {
  ...appMethods,
  ...profileMethods,
  ...routeMethods,
  ...readingMethods,
  ...workOrderMethods,
  ...switchingMethods,
  ...evidenceMethods,
  ...supervisorMethods,
  ...opticalMethods,
  ...syncMethods,
  ...mapMethods,
  ...meterKeyMethods,
  ...listenMethods,
  ...wiredMethods,
  ...hanMethods,
} as const satisfies MethodSpecs;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

/** Events the main side pushes to every window. */
export const events = {
  /** After a write: which topics it touched, derived from the tables written, so views refetch (the database is the source of truth). */
  'data.changed': z.object({ topics: z.array(z.enum(topics)) }),
  /** While an export of the supervisor's filter is written (issue 10). */
  'export.progress': exportProgress,
  /** While the optical probe reads a meter. */
  'optical.progress': opticalProgress,
  /** A sync run's progress after each batch, and its end with the summary or the stop reason (issue 7). */
  ...syncEvents,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/** IPC channel names: one prefix, derived, never typed by hand elsewhere. */
export const ipcChannel = (name: MethodName | EventName): string => `fieldmeter:${name}`;
