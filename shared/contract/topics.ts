/**
 * What the renderer's views can be told changed after a write. The Node side derives these from
 * the tables its statements actually wrote (electron/services/store/writeLog.ts), never from a
 * list a handler types by hand; each view subscribes to the topics it shows.
 */
export const topics = [
  'routes', // the routes themselves (names, dates, training mode)
  'stops', // usage points, their registers and the visit state of each stop (read, skipped)
  'readings', // reading sets, readings and what a meter reported (status, events)
  'photos',
  'devices', // meters and PAN devices as assets, stock and seals
  'workOrders',
  'switching', // switch orders and customer agreements
  'requests', // open read and control requests from the office
  'review', // the supervisor's review decisions
  'outbox', // messages waiting for, sent to or refused by the enterprise
  'sync', // sync runs, received messages, sync state
  'settings',
  'audit',
  'profiles', // local profiles and their sign-in state
  'evidence', // signatures and receipts of a visit
  'meterKeys', // how many meter keys the device holds (never the keys)
  'transcripts', // raw optical-probe conversations kept for diagnosis (the probe doctor)
] as const;

export type Topic = (typeof topics)[number];
